import { describe, expect, it } from 'vitest';
import { cobhamWaits } from '../../src/metrics/analytical/cobham.js';
import { erlangA } from '../../src/metrics/analytical/erlang-a.js';
import { mmc } from '../../src/metrics/analytical/erlang-c.js';
import type { BatchMeansInterval } from '../../src/metrics/batch-means.js';
import { runLong } from '../support/call-table.js';
import { sharedPool, singleQueue } from '../support/scenarios.js';

/**
 * The closed forms of VALIDATION.md, each checked on one long replication cut into 30 batches:
 * the 99.9% Student-t interval on the batch means must contain the exact value, must be at most
 * 1% of it wide on each side (the power guard: a 1% bias would be seen), and the batch means'
 * lag-1 autocorrelation must pass the 99.9% test of zero correlation (batches long enough).
 */
function check(what: string, i: BatchMeansInterval, exact: number, maxRelative = 0.01): void {
  const line = `${what}: sim ${i.mean} ± ${i.halfWidth} (relative ${i.relativeHalfWidth}, lag-1 ${i.lag1}), exact ${exact}`;
  expect(i.relativeHalfWidth, line).toBeLessThanOrEqual(maxRelative);
  expect(Math.abs(i.lag1), line).toBeLessThanOrEqual(i.lag1Bound);
  expect(Math.abs(i.mean - exact), line).toBeLessThanOrEqual(i.halfWidth);
}

describe('batch means on one long run against the closed forms', () => {
  it('M/M/c, Erlang C: λ = 200/h, mean handle 180 s, c = 14, t = 20 s', () => {
    const table = runLong(singleQueue({ perHour: 200, staff: 14, handle: { exponential: { mean: 180 } }, hours: 25_000, warmupHours: 4, targetSeconds: 20, seed: 7 }));
    const exact = mmc(200 / 3600, 1 / 180, 14, 20);
    const m = table.measures('999');
    check('SL(20 s)', m.serviceLevel, exact.serviceLevel);
    // Only 17% of callers wait, in bursts: 5 million calls give a relative half-width of about
    // 3.4% on the mean wait (1% would need about 60 million calls); SL carries the 1% guard.
    check('mean wait', m.meanWaitAnswered, exact.meanWait, 0.04);
  });

  it('M/M/n+M, Erlang A at heavy load (n = 10, abandonment 10.9%)', () => {
    const table = runLong(singleQueue({ perHour: 200, staff: 10, handle: { exponential: { mean: 180 } }, patience: { exponential: { mean: 300 } }, hours: 50_000, warmupHours: 4, targetSeconds: 20, seed: 8 }));
    const exact = erlangA(200 / 3600, 1 / 180, 10, 1 / 300, 20);
    const m = table.measures('999');
    check('SL(20 s)', m.serviceLevel, exact.serviceLevel);
    check('P(abandon)', m.abandonProbability, exact.abandonProbability);
    check('mean wait (all arrivals)', m.meanWaitAll, exact.meanWait);
  });

  it('non-preemptive priority M/M/c, Cobham: λ = (0.5, 1, 2) per min, μ = 1 per min, c = 5', () => {
    const table = runLong(
      sharedPool({
        classes: [
          { name: 'first', perHour: 30, handle: { exponential: { mean: 60 } } },
          { name: 'second', perHour: 60, handle: { exponential: { mean: 60 } } },
          { name: 'third', perHour: 120, handle: { exponential: { mean: 60 } } },
        ],
        staff: 5, hours: 25_000, warmupHours: 4, seed: 9,
      }),
    );
    const waits = cobhamWaits([0.5, 1, 2], 1, 5).map((w) => w * 60);
    // 5 million calls give relative half-widths of about 1.6%, 1.9% and 3.0%: the lowest class's
    // waits come in long correlated busy periods, and 1% would need about ten times the run.
    const guard = [0.02, 0.025, 0.035];
    ['first', 'second', 'third'].forEach((name, k) => check(`${name} mean wait`, table.measures(name).meanWaitAnswered, waits[k], guard[k]));
  });
});
