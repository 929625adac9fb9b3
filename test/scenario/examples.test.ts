import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/experiment/run-scenario.js';
import { loadScenario } from '../../src/scenario/index.js';

describe('scenarios/examples/two-queue.yaml', () => {
  const { resolved } = loadScenario('scenarios/examples/two-queue.yaml');

  it('resolves the IVR (onward by default), switchboard, callback and redial', () => {
    const ch = resolved.channels[0];
    expect(ch.rate.perHour).toBe(50);
    expect(ch.ivr).toEqual({ menuSeconds: { uniform: [30, 90] }, deflected: 0.25, hangUp: 0.05, onward: { switchboard: 1 - 0.25 - 0.05 } });
    expect(resolved.switchboard?.queue).toBe('switchboard');
    expect(resolved.switchboard?.staff).toEqual({ shifts: [{ start: '07:00', hours: 8, staff: 4 }, { start: '15:00', hours: 8, staff: 3 }, { start: '23:00', hours: 8, staff: 1 }] });
    const secondary = resolved.queues.find((q) => q.name === 'secondary')!;
    expect(secondary.callback).toEqual({ offerAfterSeconds: 180, acceptProbability: 0.6, reachProbability: 0.85, failedAttemptSeconds: { uniform: [30, 90] } });
    expect(resolved.queues.find((q) => q.name === 'primary')!.redial).toEqual({ probability: 0.4, delaySeconds: { exponential: { mean: 600 } } });
  });

  it('runs: calls reach both queues and some are answered', () => {
    const results = runScenario(resolved, { replications: 1 });
    expect(results.metrics['queues.primary.offered'].mean).toBeGreaterThan(0);
    expect(results.metrics['queues.secondary.offered'].mean).toBeGreaterThan(0);
  });
});
