import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/experiment/run-scenario.js';
import { erlangA } from '../../src/metrics/analytical/erlang-a.js';
import { mmc } from '../../src/metrics/analytical/erlang-c.js';
import { erlangBeside } from '../../src/report/erlang-beside.js';
import { singleQueue } from '../support/scenarios.js';

describe('run prints Erlang C/A beside a stationary single queue', () => {
  const mmcm = singleQueue({ perHour: 200, staff: 12, handle: { exponential: { mean: 180 } }, patience: { exponential: { mean: 300 } }, hours: 30, warmupHours: 2, targetSeconds: 20, seed: 4 });
  const results = runScenario(mmcm, { replications: 2 });

  it('M/M/c+M: the Erlang A service level and abandonment, with the simulated ones', () => {
    const text = erlangBeside(mmcm, results);
    const exact = erlangA(200 / 3600, 1 / 180, 12, 1 / 300, 20);
    expect(text).toContain(`Erlang A ${(exact.serviceLevel * 100).toFixed(2)}%`);
    expect(text).toContain(`Erlang A ${(exact.abandonProbability * 100).toFixed(2)}%`);
    const simulated = results.metrics['queues.999.serviceLevel'].mean as number;
    expect(text).toContain(`simulated ${(simulated * 100).toFixed(2)}%`);
  });

  it('M/M/c: Erlang C', () => {
    const plain = singleQueue({ perHour: 200, staff: 12, handle: { exponential: { mean: 180 } }, hours: 30, targetSeconds: 20 });
    expect(erlangBeside(plain, results)).toContain(`Erlang C ${(mmc(200 / 3600, 1 / 180, 12, 20).serviceLevel * 100).toFixed(2)}%`);
  });

  it('prints nothing for a shaped arrival rate or a non-exponential handle time', () => {
    const shaped = { ...mmcm, channels: mmcm.channels.map((c) => ({ ...c, rate: { ...c.rate, hourOfDay: Array.from({ length: 24 }, (_, h) => 1 + (h % 2)) } })) };
    expect(erlangBeside(shaped, results)).toBe('');
    const lognormal = { ...mmcm, handlers: { ...mmcm.handlers, handleSecondsByQueue: [{ lognormal: { mean: 180, cv: 1 } }], handleSeconds: { '999': { lognormal: { mean: 180, cv: 1 } } } } };
    expect(erlangBeside(lognormal, results)).toBe('');
  });
});
