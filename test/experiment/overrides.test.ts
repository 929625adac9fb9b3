import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OverrideSyntaxError, parsePrecision, parseVariant, parseVary, splitTopLevel } from '../../src/experiment/overrides.js';
import { pointKey, sweepGrid } from '../../src/experiment/sweep.js';

describe('override lists', () => {
  it('splits on commas outside brackets and quotes', () => {
    expect(splitTopLevel('a=[1,2],b={x: 1, y: 2},c="p,q"')).toEqual(['a=[1,2]', 'b={x: 1, y: 2}', 'c="p,q"']);
    expect(parseVariant('handlers.pools[0].staff=12, seed=3')).toEqual({ label: 'handlers.pools[0].staff=12, seed=3', sets: ['handlers.pools[0].staff=12', 'seed=3'] });
    expect(parseVariant('late+2:handlers.pools.non-emergency.shifts.late.staff+=2')).toEqual({ label: 'late+2', sets: ['handlers.pools.non-emergency.shifts.late.staff+=2'] });
    // A colon inside a value is not a label; commas inside a policy call do not split it.
    expect(parseVariant('switchboard.staff.shifts[0].start="07:00"').sets).toEqual(['switchboard.staff.shifts[0].start="07:00"']);
    expect(parseVariant('ageing:policy.queueSelection=ageing(from=secondary,to=primary,afterSeconds=900)')).toEqual({ label: 'ageing', sets: ['policy.queueSelection=ageing(from=secondary,to=primary,afterSeconds=900)'] });
    expect(parseVary('queues.999.targetSeconds=10,20,30')).toEqual({ path: 'queues.999.targetSeconds', values: ['10', '20', '30'] });
    expect(parsePrecision('queues.999.serviceLevel=0.01')).toEqual({ metric: 'queues.999.serviceLevel', halfWidth: 0.01 });
  });

  it('rejects malformed text with the option named', () => {
    expect(() => parseVariant('staff')).toThrow(/--variant: expected path=value/);
    expect(() => parseVary('seed=')).toThrow(OverrideSyntaxError);
    expect(() => parseVary('seed=1,1')).toThrow(/values repeat/);
    expect(() => parsePrecision('x=0')).toThrow(/--precision/);
    expect(() => parsePrecision('x=abc')).toThrow(/--precision/);
  });

  it('the grid holds every combination once, the last axis changing fastest (size = product of axis sizes)', () => {
    fc.assert(
      fc.property(fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 99 }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }), (axesValues) => {
        const axes = axesValues.map((vs, i) => ({ path: `p${i}`, values: vs.map(String) }));
        const grid = sweepGrid(axes);
        expect(grid).toHaveLength(axesValues.reduce((n, vs) => n * vs.length, 1));
        expect(new Set(grid.map((p) => pointKey(p.values))).size).toBe(grid.length);
        expect(grid[0].values).toEqual(axes.map((a) => a.values[0]));
        if (axes[axes.length - 1].values.length > 1) expect(grid[1].values.slice(0, -1)).toEqual(grid[0].values.slice(0, -1));
        expect(grid[0].sets).toEqual(axes.map((a) => `${a.path}=${a.values[0]}`));
      }),
    );
  });
});
