import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/experiment/run-scenario.js';
import { cobhamWaits } from '../../src/metrics/analytical/cobham.js';
import { erlangA } from '../../src/metrics/analytical/erlang-a.js';
import { mmc } from '../../src/metrics/analytical/erlang-c.js';
import type { Results } from '../../src/metrics/results.js';
import { halfWidthsAway } from '../support/intervals.js';
import { sharedPool, singleQueue } from '../support/scenarios.js';

// VALIDATION.md: λ = 100/30 per minute (200 an hour), mean handle 3 min, mean patience 5 min,
// target 20 s. Each replication runs 10 days after a 4-hour warm-up from empty; 10 replications.
const REPS = 10;
const values = (r: Results, name: string): (number | null)[] => r.metrics[name].values;

describe('M/M/c against Erlang C', () => {
  const run = (target: number): Results =>
    runScenario(singleQueue({ perHour: 200, staff: 14, handle: { exponential: { mean: 180 } }, hours: 240, warmupHours: 4, targetSeconds: target, seed: 11 }), { replications: REPS });
  const exact = mmc(200 / 3600, 1 / 180, 14, 20);

  it('service level within 20 s and mean wait', () => {
    const r = run(20);
    expect(halfWidthsAway(values(r, 'queues.999.serviceLevel'), exact.serviceLevel)).toBeLessThanOrEqual(1);
    expect(halfWidthsAway(values(r, 'queues.999.waitSeconds.mean'), exact.meanWait)).toBeLessThanOrEqual(1);
    expect(halfWidthsAway(values(r, 'handlers.handlers.occupancy'), exact.occupancy)).toBeLessThanOrEqual(1);
  });

  it('P(wait): the share answered with no wait is 1 - C(c, a)', () => {
    const r = run(0);
    expect(halfWidthsAway(values(r, 'queues.999.answeredWithinTarget'), 1 - exact.waitProbability)).toBeLessThanOrEqual(1);
  });

  it("Little's law: time-average number waiting = arrival rate x mean time in queue", () => {
    const r = run(20);
    const window = 240 * 3600 - 4 * 3600;
    const lambdaW = values(r, 'queues.999.offered').map((offered, i) => ((offered as number) / window) * (values(r, 'queues.999.waitSeconds.mean')[i] as number));
    const gaps = values(r, 'queues.999.meanWaiting').map((l, i) => (l as number) - lambdaW[i]);
    expect(halfWidthsAway(gaps, 0)).toBeLessThanOrEqual(1);
  });
});

describe('M/M/c+M against Erlang A, under and over load', () => {
  it.each([10, 12, 14])('n = %i handlers', (n) => {
    const r = runScenario(
      singleQueue({ perHour: 200, staff: n, handle: { exponential: { mean: 180 } }, patience: { exponential: { mean: 300 } }, hours: 240, warmupHours: 4, targetSeconds: 20, seed: 100 + n }),
      { replications: REPS },
    );
    const exact = erlangA(200 / 3600, 1 / 180, n, 1 / 300, 20);
    expect(halfWidthsAway(values(r, 'queues.999.abandonedRatio'), exact.abandonProbability)).toBeLessThanOrEqual(1);
    expect(halfWidthsAway(values(r, 'queues.999.serviceLevel'), exact.serviceLevel)).toBeLessThanOrEqual(1);
    // Exponential patience: P(abandon) = mean time in queue over all arrivals / mean patience.
    const identity = values(r, 'queues.999.abandonedRatio').map((p, i) => {
      const offered = values(r, 'queues.999.offered')[i] as number;
      const answered = values(r, 'queues.999.answered')[i] as number;
      const abandoned = values(r, 'queues.999.abandoned')[i] as number;
      const meanInQueue = (answered * (values(r, 'queues.999.waitSeconds.mean')[i] as number) + abandoned * (values(r, 'queues.999.abandonWaitSeconds.mean')[i] as number)) / offered;
      return (p as number) - meanInQueue / 300;
    });
    expect(halfWidthsAway(identity, 0)).toBeLessThanOrEqual(1);
  });
});

describe('non-preemptive priority M/M/c against Cobham', () => {
  it('three classes sharing five handlers: mean waits per class and the conservation law', () => {
    // λ = (0.5, 1.0, 2.0) per minute, μ = 1 per minute, c = 5.
    const r = runScenario(
      sharedPool({
        classes: [
          { name: 'first', perHour: 30, handle: { exponential: { mean: 60 } } },
          { name: 'second', perHour: 60, handle: { exponential: { mean: 60 } } },
          { name: 'third', perHour: 120, handle: { exponential: { mean: 60 } } },
        ],
        staff: 5,
        hours: 240,
        warmupHours: 4,
        seed: 5,
      }),
      { replications: REPS },
    );
    const waits = cobhamWaits([0.5, 1, 2], 1, 5).map((w) => w * 60);
    ['first', 'second', 'third'].forEach((name, k) => {
      expect(halfWidthsAway(values(r, `queues.${name}.waitSeconds.mean`), waits[k])).toBeLessThanOrEqual(1);
    });
    const overall = values(r, 'queues.first.waitSeconds.mean').map((_, i) => {
      const parts = ['first', 'second', 'third'].map((name) => [values(r, `queues.${name}.answered`)[i] as number, values(r, `queues.${name}.waitSeconds.mean`)[i] as number]);
      const answered = parts.reduce((s, [n]) => s + n, 0);
      return parts.reduce((s, [n, w]) => s + n * w, 0) / answered;
    });
    expect(halfWidthsAway(overall, mmc(3.5 / 60, 1 / 60, 5, 0).meanWait)).toBeLessThanOrEqual(1);
  });
});
