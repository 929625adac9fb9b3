import { describe, expect, it } from 'vitest';
import { rosterFigures } from '../../src/metrics/analytical/ctmc-roster.js';
import { erlangA } from '../../src/metrics/analytical/erlang-a.js';
import type { BatchMeansInterval } from '../../src/metrics/batch-means.js';
import type { ResolvedScenario } from '../../src/model/resolved.js';
import { runLong } from '../support/call-table.js';
import { singleQueue } from '../support/scenarios.js';

/**
 * Rosters against an exact oracle: M/M/n+M whose headcount changes every few hours
 * (src/metrics/analytical/ctmc-roster.ts: the chain carried through the day by uniformization
 * until the day repeats). One long run, 30 batch means, 99.9%.
 */
const LAMBDA = 200 / 3600;
const HANDLE = 180;
const PATIENCE = 300;
// Headcount by hour of day: under, at and over the offered load of 10 erlangs, changing 6 times a day.
const ROSTER = [...Array(4).fill(9), ...Array(4).fill(12), ...Array(4).fill(14), ...Array(4).fill(10), ...Array(4).fill(11), ...Array(4).fill(8)];

function check(what: string, i: BatchMeansInterval, exact: number, maxRelative: number): void {
  const line = `${what}: sim ${i.mean} ± ${i.halfWidth} (relative ${i.relativeHalfWidth}, lag-1 ${i.lag1}), exact ${exact}`;
  expect(i.relativeHalfWidth, line).toBeLessThanOrEqual(maxRelative);
  expect(Math.abs(i.lag1), line).toBeLessThanOrEqual(i.lag1Bound);
  expect(Math.abs(i.mean - exact), line).toBeLessThanOrEqual(i.halfWidth);
}

describe('rosters against the exact periodic oracle', () => {
  it('the oracle with a constant roster is Erlang A', () => {
    const f = rosterFigures({ arrivalRate: LAMBDA, serviceRate: 1 / HANDLE, abandonRate: 1 / PATIENCE, hourlyHeadcount: Array(24).fill(12), maxQueue: 50 });
    const a = erlangA(LAMBDA, 1 / HANDLE, 12, 1 / PATIENCE, 20);
    expect(Math.abs(f.abandonProbability - a.abandonProbability) / a.abandonProbability).toBeLessThan(1e-7);
    expect(Math.abs(f.waitProbability - a.waitProbability) / a.waitProbability).toBeLessThan(1e-7);
    expect(Math.abs(f.meanWaitAll - a.meanWait) / a.meanWait).toBeLessThan(1e-7);
  });

  it('a headcount of 8 to 14 changing every four hours: P(abandon), P(wait) and mean wait', () => {
    const exact = rosterFigures({ arrivalRate: LAMBDA, serviceRate: 1 / HANDLE, abandonRate: 1 / PATIENCE, hourlyHeadcount: ROSTER, maxQueue: 50 });
    expect(exact.truncationMass).toBeLessThan(1e-12);
    const base = singleQueue({ perHour: 200, staff: 1, handle: { exponential: { mean: HANDLE } }, patience: { exponential: { mean: PATIENCE } }, hours: 15_000, warmupHours: 24, targetSeconds: 0, seed: 91 });
    const scenario: ResolvedScenario = { ...base, handlers: { ...base.handlers, pools: [{ ...base.handlers.pools[0], roster: { hourOfDay: ROSTER } }] } };
    const m = runLong(scenario).measures('999');
    check('P(abandon)', m.abandonProbability, exact.abandonProbability, 0.015);
    check('mean wait, all arrivals (s)', m.meanWaitAll, exact.meanWaitAll, 0.015);
    // Target 0: the service level is the share answered at once, 1 − P(wait).
    check('answered at once', m.serviceLevel, 1 - exact.waitProbability, 0.01);
  });
});
