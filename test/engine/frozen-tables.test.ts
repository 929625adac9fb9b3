import { describe, expect, it } from 'vitest';
import { deeplyFrozen, FrozenTables } from '../../src/engine/frozen-tables.js';

describe('deeplyFrozen', () => {
  it('is true for primitives and for objects frozen all the way down', () => {
    expect(deeplyFrozen(3)).toBe(true);
    expect(deeplyFrozen(null)).toBe(true);
    expect(deeplyFrozen(Object.freeze({ a: Object.freeze([1, 2]), b: 'x' }))).toBe(true);
  });

  it('is false when anything reachable is not frozen', () => {
    expect(deeplyFrozen({ a: 1 })).toBe(false);
    expect(deeplyFrozen(Object.freeze({ shifts: Object.freeze([{ staff: 2 }]) }))).toBe(false);
  });
});

describe('FrozenTables', () => {
  it('builds a deeply frozen spec once per key, and again for another key', () => {
    const tables = new FrozenTables<number[]>();
    const spec = Object.freeze({ perHour: 5 });
    let builds = 0;
    const build = (): number[] => [++builds];
    const first = tables.get(spec, 'k1', build);
    expect(tables.get(spec, 'k1', build)).toBe(first);
    expect(builds).toBe(1);
    expect(tables.get(spec, 'k2', build)).toEqual([2]);
  });

  it('builds afresh every time for a spec that could change', () => {
    const tables = new FrozenTables<number>();
    let builds = 0;
    const spec = Object.freeze({ shifts: [{ staff: 2 }] });
    tables.get(spec, 'k', () => ++builds);
    tables.get(spec, 'k', () => ++builds);
    tables.get(7, 'k', () => ++builds);
    expect(builds).toBe(3);
  });
});
