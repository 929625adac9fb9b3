import { describe, expect, it } from 'vitest';
import { rosterFigures } from '../../src/metrics/analytical/ctmc-roster.js';
import { erlangA } from '../../src/metrics/analytical/erlang-a.js';
import type { ResolvedScenario } from '../../src/model/resolved.js';
import { controlledMeasures, runLong } from '../support/call-table.js';
import { singleQueue } from '../support/scenarios.js';
import { checkControlled, checkControls } from './controlled-check.js';

/**
 * Rosters against an exact oracle: M/M/n+M whose headcount changes every few hours
 * (src/metrics/analytical/ctmc-roster.ts: the chain carried through the day by uniformization
 * until the day repeats; the service level by the tagged caller). One long run, 30 batch means,
 * 99.9%, with the mean gap between arrivals and the mean drawn handle time as control variates.
 */
const LAMBDA = 200 / 3600;
const HANDLE = 180;
const PATIENCE = 300;
// Headcount by hour of day: under, at and over the offered load of 10 erlangs, changing 6 times a day.
const ROSTER = [...Array(4).fill(9), ...Array(4).fill(12), ...Array(4).fill(14), ...Array(4).fill(10), ...Array(4).fill(11), ...Array(4).fill(8)];

describe('rosters against the exact periodic oracle', () => {
  it('the oracle with a constant roster is Erlang A (service level within 20 s included)', () => {
    const f = rosterFigures({ arrivalRate: LAMBDA, serviceRate: 1 / HANDLE, abandonRate: 1 / PATIENCE, hourlyHeadcount: Array(24).fill(12), maxQueue: 50, targetSeconds: 20 });
    const a = erlangA(LAMBDA, 1 / HANDLE, 12, 1 / PATIENCE, 20);
    expect(Math.abs(f.abandonProbability - a.abandonProbability) / a.abandonProbability).toBeLessThan(1e-7);
    expect(Math.abs(f.waitProbability - a.waitProbability) / a.waitProbability).toBeLessThan(1e-7);
    expect(Math.abs(f.meanWaitAll - a.meanWait) / a.meanWait).toBeLessThan(1e-7);
    expect(Math.abs(f.serviceLevel - a.serviceLevel) / a.serviceLevel).toBeLessThan(1e-7);
  });

  it('a headcount of 8 to 14 changing every four hours: P(abandon), mean wait, P(no wait) and service level within 20 s', () => {
    const exact = rosterFigures({ arrivalRate: LAMBDA, serviceRate: 1 / HANDLE, abandonRate: 1 / PATIENCE, hourlyHeadcount: ROSTER, maxQueue: 50, targetSeconds: 20 });
    expect(exact.truncationMass).toBeLessThan(1e-12);
    const base = singleQueue({ perHour: 200, staff: 1, handle: { exponential: { mean: HANDLE } }, patience: { exponential: { mean: PATIENCE } }, hours: 25_000, warmupHours: 24, targetSeconds: 20, seed: 91 });
    const scenario: ResolvedScenario = { ...base, handlers: { ...base.handlers, pools: [{ ...base.handlers.pools[0], roster: { hourOfDay: ROSTER } }] } };
    const table = runLong(scenario);
    const means = { arrivalsPerSecond: LAMBDA, handleSeconds: HANDLE };
    checkControls('roster', table.controls('999', means, ['gap', 'handle']), ['gap', 'handle']);
    const m = controlledMeasures(table, '999', means, ['gap', 'handle']);
    checkControlled('P(abandon)', m.abandonProbability, exact.abandonProbability);
    checkControlled('mean wait, all arrivals (s)', m.meanWaitAll, exact.meanWaitAll);
    checkControlled('service level within 20 s', m.serviceLevel, exact.serviceLevel);
    // Target 0: the share answered at once, 1 − P(wait).
    checkControlled('answered at once', controlledMeasures(table, '999', means, ['gap', 'handle'], [], 0).serviceLevel, 1 - exact.waitProbability);
  });
});
