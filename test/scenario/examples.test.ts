import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/experiment/run-scenario.js';
import { loadScenario } from '../../src/experiment/load-scenario.js';

describe('scenarios/examples/two-queue.yaml', () => {
  const { resolved } = loadScenario('scenarios/examples/two-queue.yaml');

  it('resolves the IVR (onward by default), switchboard, callback and redial', () => {
    const ch = resolved.channels[0];
    expect(ch.rate.perHour).toBe(50);
    expect(ch.ivr).toEqual({ menuSeconds: { uniform: [30, 90] }, deflected: 0.25, hangUp: 0.05, onward: [{ queueIndex: resolved.queues.findIndex((q) => q.name === 'switchboard'), probability: 1 - 0.25 - 0.05 }] });
    expect(resolved.queues[resolved.switchboard!.queueIndex].name).toBe('switchboard');
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

describe('scenarios/avon-somerset-2022.yaml', () => {
  it('resolves grading and dispatch as the model expects, and two days of it run', () => {
    const { resolved } = loadScenario('scenarios/avon-somerset-2022.yaml', { sets: ['horizon={days: 2}', 'channels.999.surges=[]', 'channels.101.surges=[]'] });
    expect(resolved.grading?.needByChannel[resolved.channels.findIndex((c) => c.name === '999')]).toEqual({ immediate: 0.1, priority: 0.16, scheduled: 0.03, resolvedWithoutDeployment: 0.03, none: 0.68 });
    // By queue index: a mix for the 999, primary and secondary queues, none for the switchboard's.
    expect(resolved.queues.filter((_, i) => resolved.grading!.needByQueue[i] !== null).map((q) => q.name)).toEqual(['999', 'primary', 'secondary']);
    expect(resolved.dispatch?.areas[0].extraUnits).toEqual([{ fromSeconds: 151 * 86_400, toSeconds: 243 * 86_400, extra: 2 }]);
    expect(resolved.dispatch?.targets).toEqual({ immediate: { urban: 15, rural: 20 }, priority: { urban: 60, rural: 60 } });
    expect(resolved.dispatch?.policy).toEqual({ kind: 'gradeFirst' });
    const results = runScenario(resolved, { replications: 1 });
    // Two January days of first calls (550 a day x 0.88) and the few new matters called again within them.
    expect(results.metrics['queues.999.offered'].mean).toBeGreaterThan(800);
  });
});
