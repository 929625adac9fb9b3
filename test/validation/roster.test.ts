import { describe, expect, it } from 'vitest';
import { rosterFigures } from '../../src/metrics/analytical/ctmc-roster.js';
import { hourlyChanges, periodicIntervalFigures, type IntervalFigures } from '../../src/metrics/analytical/ctmc-transient.js';
import { erlangA } from '../../src/metrics/analytical/erlang-a.js';
import { batchMeansInterval } from '../../src/metrics/batch-means.js';
import { studentTQuantile } from '../../src/metrics/student-t.js';
import type { ResolvedScenario } from '../../src/model/resolved.js';
import { controlledMeasures } from '../support/call-table.js';
import { singleQueue } from '../support/scenarios.js';
import { checkControlled, checkControls } from './controlled-check.js';
import { runByInterval, type IntervalTable } from './roster-intervals.js';

/**
 * Rosters against an exact oracle: M/M/n+M whose headcount changes every few hours
 * (src/metrics/analytical/ctmc-roster.ts: the chain carried through the day by uniformization
 * until the day repeats; the service level by the tagged caller). One long run, 30 batch means,
 * 99.9%, with the mean gap between arrivals and the mean drawn handle time as control variates.
 * The same run is then compared by time of day (ctmc-transient.ts), which whole-day figures cannot
 * be: a change applied late moves the minutes after it, and late rises and late falls cancel over a day.
 */
const LAMBDA = 200 / 3600;
const HANDLE = 180;
const PATIENCE = 300;
// Headcount by hour of day: under, at and over the offered load of 10 erlangs, changing 6 times a day.
const ROSTER = [...Array(4).fill(9), ...Array(4).fill(12), ...Array(4).fill(14), ...Array(4).fill(10), ...Array(4).fill(11), ...Array(4).fill(8)];
const INTERVAL_SECONDS = 300;
const RATES = { arrivalRate: LAMBDA, serviceRate: 1 / HANDLE, abandonRate: 1 / PATIENCE };

// One run of 25,000 hours (5 M calls, 1,041 days) serves both tests: whole-day figures by call,
// time-of-day figures by 5-minute interval.
let shared: IntervalTable | undefined;
function rosterRun(): IntervalTable {
  if (shared === undefined) {
    const base = singleQueue({ perHour: 200, staff: 1, handle: { exponential: { mean: HANDLE } }, patience: { exponential: { mean: PATIENCE } }, hours: 25_000, warmupHours: 24, targetSeconds: 20, seed: 91 });
    const scenario: ResolvedScenario = { ...base, handlers: { ...base.handlers, pools: [{ ...base.handlers.pools[0], roster: { hourOfDay: ROSTER } }] } };
    shared = runByInterval(scenario, INTERVAL_SECONDS);
  }
  return shared;
}

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
    const table = rosterRun();
    const means = { arrivalsPerSecond: LAMBDA, handleSeconds: HANDLE };
    checkControls('roster', table.controls('999', means, ['gap', 'handle']), ['gap', 'handle']);
    const m = controlledMeasures(table, '999', means, ['gap', 'handle']);
    checkControlled('P(abandon)', m.abandonProbability, exact.abandonProbability);
    checkControlled('mean wait, all arrivals (s)', m.meanWaitAll, exact.meanWaitAll);
    checkControlled('service level within 20 s', m.serviceLevel, exact.serviceLevel);
    // Target 0: the share answered at once, 1 − P(wait).
    checkControlled('answered at once', controlledMeasures(table, '999', means, ['gap', 'handle'], [], 0).serviceLevel, 1 - exact.waitProbability);
  });

  it('by time of day: every 5-minute interval of the day agrees with the periodic transient oracle, with the power to see any change 5 minutes late', () => {
    // Whole-day figures cannot see when a change happens (a late rise adds waiting, a late fall
    // removes it); the time-of-day oracle can (src/metrics/analytical/ctmc-transient.ts).
    const oracle = (delaySeconds: number) =>
      periodicIntervalFigures({ ...RATES, periodSeconds: 86400, intervalSeconds: INTERVAL_SECONDS, maxQueue: 40, changes: hourlyChanges(ROSTER).map((c) => ({ ...c, atSeconds: c.atSeconds + delaySeconds })) });
    const exact = oracle(0);
    const late = oracle(300);
    expect(exact.truncationMass).toBeLessThan(1e-10);
    const table = rosterRun();
    // Days after the one-day warm-up, up to the last whole day; each day is one batch (days a day
    // apart are nearly independent: the chain forgets within the hour; the lag-1 test checks it).
    const [firstDay, endDay] = [1, table.days];
    const measures: [keyof IntervalFigures, Float64Array, number][] = [
      ['arrivalsWaiting', table.arrivalsWaiting, 1],
      ['abandonments', table.abandonments, 1],
      ['meanWaiting', table.waitingSeconds, 1 / INTERVAL_SECONDS],
    ];
    // 288 intervals × 3 measures, 99.9% for the family (Bonferroni).
    const checks = table.perDay * measures.length;
    const confidence = 1 - 0.001 / checks;
    const disagreements: string[] = [];
    const waitingHalfWidths = exact.intervals.map((figures, k) => {
      let waitingHalfWidth = Infinity;
      for (const [name, values, scale] of measures) {
        const i = batchMeansInterval(table.series(values, k, firstDay, endDay, scale), confidence);
        const line = `${(figures.fromSeconds / 3600).toFixed(3)} h ${name}: sim ${i.mean.toFixed(4)} ± ${i.halfWidth.toFixed(4)} (lag-1 ${i.lag1.toFixed(3)}), exact ${figures[name].toFixed(4)}, 5 min late ${late.intervals[k][name].toFixed(4)}`;
        if (process.env.CALLSIM_VALIDATION_LOG === '1' && figures.fromSeconds % 14400 < 2 * INTERVAL_SECONDS) console.log(line);
        if (Math.abs(i.mean - figures[name]) > i.halfWidth || Math.abs(i.lag1) > i.lag1Bound) disagreements.push(line);
        if (name === 'meanWaiting') waitingHalfWidth = i.halfWidth;
      }
      return waitingHalfWidth;
    });
    expect(disagreements, `${disagreements.length} of ${checks} disagree:\n${disagreements.slice(0, 12).join('\n')}`).toEqual([]);
    // Power guard: at each of the six changes, the 5 minutes after it. A bias b is caught with
    // probability >= 0.95 when b >= (1 + 1.645 / t)·half-width (t: this interval's quantile).
    const factor = 1 + 1.645 / studentTQuantile(1 - (1 - confidence) / 2, endDay - firstDay - 1);
    const changes = hourlyChanges(ROSTER);
    expect(changes).toHaveLength(6);
    for (const change of changes) {
      const k = change.atSeconds / INTERVAL_SECONDS;
      const bias = Math.abs(late.intervals[k].meanWaiting - exact.intervals[k].meanWaiting);
      expect(bias, `mean waiting at ${change.atSeconds / 3600} h: 5 minutes late moves it by ${bias}; half-width ${waitingHalfWidths[k]}`).toBeGreaterThanOrEqual(factor * waitingHalfWidths[k]);
    }
  });
});
