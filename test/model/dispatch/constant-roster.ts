import type { ResolvedArea } from '../../../src/model/dispatch/types.js';

/**
 * Stand-in for `unit-roster.ts` while `src/engine/roster.ts` is not in the tree: a constant
 * roster plus dated extras, with the PiecewiseConstant methods dispatch uses.
 */
export function unitHeadcount(area: ResolvedArea): { valueAt(t: number): number; changeTimes(): number[] } {
  const units = area.units;
  if (!('constant' in units)) throw new Error('the test stand-in handles constant rosters only');
  const base = units.constant;
  return {
    valueAt: (t) => base + area.extraUnits.reduce((sum, e) => sum + (t >= e.fromSeconds && t < e.toSeconds ? e.extra : 0), 0),
    changeTimes: () => [...new Set(area.extraUnits.flatMap((e) => [e.fromSeconds, e.toSeconds]))].sort((a, b) => a - b),
  };
}
