import { describe, expect, it } from 'vitest';
import { cobhamWaits } from '../../src/metrics/analytical/cobham.js';
import { erlangA } from '../../src/metrics/analytical/erlang-a.js';
import { mmc } from '../../src/metrics/analytical/erlang-c.js';
import { controlledMeasures, runLong } from '../support/call-table.js';
import { sharedPool, singleQueue } from '../support/scenarios.js';
import { checkControlled, checkControls } from './controlled-check.js';

/**
 * The closed forms of VALIDATION.md, each checked on one long replication cut into 30 batches:
 * the 99.9% Student-t interval on the batch means must contain the exact value, must be at most
 * 1% of it wide on each side (the power guard: a 1.45% bias would be seen 95 times in 100), and
 * the batch means' lag-1 autocorrelation must pass the 99.9% test of zero correlation.
 * Variance is reduced with control variates (src/metrics/control-variates.ts): per batch, inputs
 * the model draws whose true means are known (mean gap between arrivals, mean drawn handle time)
 * and the mean wait the same callers would have in a textbook queue fed the same arrivals and
 * handle times (an approximating system: its mean is a closed form). The controls only remove
 * noise: a bias in the model's waits passes through to the estimate whole.
 */
describe('batch means on one long run against the closed forms', () => {
  it('M/M/c, Erlang C: λ = 200/h, mean handle 180 s, c = 14, t = 20 s', () => {
    const lambda = 200 / 3600;
    const table = runLong(singleQueue({ perHour: 200, staff: 14, handle: { exponential: { mean: 180 } }, hours: 10_000, warmupHours: 4, targetSeconds: 20, seed: 7 }));
    const exact = mmc(lambda, 1 / 180, 14, 20);
    // Approximating system: 13 handlers of the same total capacity (each 14/13 as fast).
    const thirteen = table.serverControl('999', { system: '13 handlers', servers: 13, work: (h) => (h * 13) / 14, meanWaitSeconds: mmc(lambda, 14 / 13 / 180, 13, 0).meanWait });
    const inputs = table.controls('999', { arrivalsPerSecond: lambda, handleSeconds: 180 }, ['gap', 'handle']);
    checkControls('Erlang C', [...inputs, thirteen], ['gap', 'handle', '13 handlers']);
    const m = controlledMeasures(table, '999', { arrivalsPerSecond: lambda, handleSeconds: 180 }, ['gap', 'handle'], [thirteen]);
    expect(m.calls).toBeGreaterThan(1_900_000);
    checkControlled('SL(20 s)', m.serviceLevel, exact.serviceLevel);
    checkControlled('mean wait', m.meanWaitAnswered, exact.meanWait);
  });

  it('M/M/n+M, Erlang A at heavy load (n = 10, abandonment 10.9%)', () => {
    const means = { arrivalsPerSecond: 200 / 3600, handleSeconds: 180 };
    const table = runLong(singleQueue({ perHour: 200, staff: 10, handle: { exponential: { mean: 180 } }, patience: { exponential: { mean: 300 } }, hours: 15_000, warmupHours: 4, targetSeconds: 20, seed: 8 }));
    const exact = erlangA(200 / 3600, 1 / 180, 10, 1 / 300, 20);
    checkControls('Erlang A', table.controls('999', means, ['gap', 'handle']), ['gap', 'handle']);
    const m = controlledMeasures(table, '999', means, ['gap', 'handle']);
    checkControlled('SL(20 s)', m.serviceLevel, exact.serviceLevel);
    checkControlled('P(abandon)', m.abandonProbability, exact.abandonProbability);
    checkControlled('mean wait (all arrivals)', m.meanWaitAll, exact.meanWait);
  });

  it('non-preemptive priority M/M/c, Cobham: λ = 1.2 per min in each of three classes, μ = 1 per min, c = 5', () => {
    const names = ['first', 'second', 'third'];
    const table = runLong(
      sharedPool({ classes: names.map((name) => ({ name, perHour: 72, handle: { exponential: { mean: 60 } } })), staff: 5, hours: 25_000, warmupHours: 4, seed: 9 }),
    );
    const lambda = 216 / 3600;
    const waits = cobhamWaits([1.2, 1.2, 1.2], 1, 5).map((w) => w * 60);
    names.forEach((name, k) => {
      // Approximating systems fed by all three classes: the same room first come, first served
      // (Erlang C), and one handler five times as fast (Pollaczek-Khinchine).
      const fcfs = table.serverControl(name, { system: 'FCFS', servers: 5, work: (h) => h, meanWaitSeconds: mmc(lambda, 1 / 60, 5, 0).meanWait });
      const pooled = table.serverControl(name, { system: 'one fast handler', servers: 1, work: (h) => h / 5, meanWaitSeconds: (lambda * 2 * 12 ** 2) / (2 * (1 - lambda * 12)) });
      checkControls(name, [fcfs, pooled], ['5 handlers FCFS', 'one fast handler']);
      const m = controlledMeasures(table, name, { arrivalsPerSecond: 72 / 3600, handleSeconds: 60 }, [], [fcfs, pooled]);
      checkControlled(`${name} mean wait`, m.meanWaitAnswered, waits[k]);
    });
  });
});
