import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAssumptions } from '../../src/scenario/assumptions.js';
import { ScenarioError } from '../../src/scenario/errors.js';
import { loadScenario } from '../../src/experiment/load-scenario.js';
import { nodeFiles } from '../../src/experiment/node-files.js';

const BASE = `name: tagged
start: 2022-01-01T00:00:00Z
horizon: { hours: 2 }
replications: 2
seed: 3
channels:
  "999": { perHour: 20, queue: "999" }
queues:
  "999": { targetSeconds: 20, patienceSeconds: { exponential: { mean: 300 } } }
handlers:
  pools:
    - { name: handlers, serves: ["999"], staff: 9 }
  handleSeconds:
    "999": { exponential: { mean: 180 } }
`;

function write(assumptions: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'callsim-assume-')), 's.yaml');
  writeFileSync(file, `${BASE}${assumptions}`);
  return file;
}

describe('tagged assumptions', () => {
  it('+-20% by default; whole numbers round (9 -> 7.2 -> 7 and 10.8 -> 11); a range gives its ends', () => {
    const file = write(`assumptions:
  - { name: target, kind: assumed, paths: ['queues."999".targetSeconds'] }
  - { name: staff, kind: fitted, paths: ['handlers.pools[0].staff'], whole: true }
  - { name: patience, kind: fitted, paths: ['queues."999".patienceSeconds.exponential.mean'], range: [200, 450] }
  - { name: handle, kind: assumed, paths: ['handlers.handleSeconds."999".exponential.mean'], change: 0.5 }
`);
    const a = readAssumptions(nodeFiles, file);
    expect(a.map((x) => [x.name, x.base, x.low.values, x.high.values])).toEqual([
      ['target', [20], [16], [24]],
      ['staff', [9], [7], [11]],
      ['patience', [300], [200], [450]],
      ['handle', [180], [90], [270]],
    ]);
    expect(a[1].low.sets).toEqual(['handlers.pools[0].staff=7']);
    // The file still loads as a scenario (the list is part of the schema) and the values are untouched.
    expect(loadScenario(file).resolved.queues[0].targetSeconds).toBe(20);
  });

  it('applies --set overrides first: the swing is around the overridden value', () => {
    const file = write(`assumptions:\n  - { name: staff, kind: fitted, paths: ['handlers.pools[0].staff'] }\n`);
    expect(readAssumptions(nodeFiles, file, { sets: ['handlers.pools[0].staff=10'] })[0].low.values).toEqual([8]);
  });

  it('a file without assumptions has none', () => {
    expect(readAssumptions(nodeFiles, write(''))).toEqual([]);
  });

  it('a path that holds no number is an error naming the entry and the path', () => {
    const file = write(`assumptions:\n  - { name: x, kind: fitted, paths: ['queues."999".patienceSeconds'] }\n`);
    expect(() => readAssumptions(nodeFiles, file)).toThrow(ScenarioError);
    expect(() => readAssumptions(nodeFiles, file)).toThrow(/assumptions\[0\]\.paths\[0\].*the path of a number/);
  });

  it('a range with two paths, or an unknown kind, is an error naming the field', () => {
    const two = write(`assumptions:\n  - { name: x, kind: fitted, paths: [a, b], range: [1, 2] }\n`);
    expect(() => readAssumptions(nodeFiles, two)).toThrow(/assumptions\[0\].*range needs exactly one path/);
    const kind = write(`assumptions:\n  - { name: x, kind: guessed, paths: [a] }\n`);
    expect(() => loadScenario(kind)).toThrow(/assumptions\[0\]\.kind/);
  });

  it('property: low <= base <= high, and the sides are base x (1 -+ change) (rounded when whole)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.double({ min: 0.01, max: 0.95, noNaN: true }), fc.boolean(), (staff, change, whole) => {
        const file = write(`assumptions:\n  - { name: s, kind: fitted, paths: ['handlers.pools[0].staff'], change: ${change}, whole: ${whole} }\n`);
        const [a] = readAssumptions(nodeFiles, file, { sets: [`handlers.pools[0].staff=${staff}`] });
        const lo = staff * (1 - change);
        const hi = staff * (1 + change);
        expect(a.low.values[0]).toBeLessThanOrEqual(staff);
        expect(a.high.values[0]).toBeGreaterThanOrEqual(staff);
        if (whole) {
          expect(a.low.values[0]).toBe(Math.round(lo));
          expect(a.high.values[0]).toBe(Math.round(hi));
        } else {
          expect(a.low.values[0]).toBeCloseTo(lo, 9);
          expect(a.high.values[0]).toBeCloseTo(hi, 9);
        }
      }),
      { numRuns: 40, seed: 15 },
    );
  });
});
