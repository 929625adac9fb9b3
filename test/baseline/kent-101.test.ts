import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadScenario, simulate } from '../../src/index.js';

/**
 * The baseline's 101 patience checked against a second force (issue 15). Kent PCC published two
 * points of the wait-abandonment relation for its 101 line: April-August 2022, mean answer 8 min
 * 05 s and 35.5% abandoned; April-August 2023, 1 min 38 s and 12.3%. A single 101 queue with the
 * baseline file's own 101 patience, handle and wrap-up distributions, its arrival rate set by a
 * root search so that the mean answer time of answered calls matches each published mean, must
 * give the published abandonment within 3 points. Kent's headcount is not published: 20 handlers
 * (the abandonment at a given mean answer barely depends on it: 10 and 40 handlers move it by under
 * a point). A patience fitted to Avon and Somerset alone (short group 15%, long group 980 s)
 * gave 48.7% and 17.7% here and fails.
 */
const BASELINE = 'scenarios/avon-somerset-2022.yaml';
const HANDLERS = 20;
const TOLERANCE = 0.03;

interface Baseline {
  queues: Record<string, { patienceSeconds: object }>;
  handlers: { handleSeconds: Record<string, object>; wrapUpSeconds: object };
}
const baseline = parse(readFileSync(BASELINE, 'utf8')) as Baseline;

async function singleQueue(perHour: number): Promise<{ meanAnswerSeconds: number; abandoned: number }> {
  const scenario = await loadScenario({
    name: 'Kent 101, one queue',
    start: '2022-04-01T00:00:00Z',
    timeZone: 'UTC',
    horizon: { days: 14 },
    warmup: { hours: 12 },
    replications: 1,
    seed: 11,
    channels: { '101': { perHour, queue: '101' } },
    queues: { '101': { targetSeconds: 60, patienceSeconds: baseline.queues.secondary.patienceSeconds } },
    handlers: {
      pools: [{ name: 'handlers', serves: ['101'], staff: HANDLERS }],
      handleSeconds: { '101': baseline.handlers.handleSeconds.secondary },
      wrapUpSeconds: baseline.handlers.wrapUpSeconds,
    },
    policy: { queueSelection: { strictPriority: ['101'] } },
  });
  const metrics = simulate(scenario).metrics;
  return { meanAnswerSeconds: metrics['queues.101.waitSeconds.mean'], abandoned: metrics['queues.101.abandonedRatio'] };
}

/** Bisection on the arrival rate (the mean answer time grows with it) to the published mean answer. */
async function atMeanAnswer(targetSeconds: number): Promise<{ meanAnswerSeconds: number; abandoned: number }> {
  // 20 handlers answer about 114 calls an hour (630 s a call): both points lie between 0.9 and 2.3 times that.
  let low = 100;
  let high = 260;
  let found = { meanAnswerSeconds: NaN, abandoned: NaN };
  for (let step = 0; step < 10; step++) {
    const mid = (low + high) / 2;
    found = await singleQueue(mid);
    if (found.meanAnswerSeconds < targetSeconds) low = mid;
    else high = mid;
  }
  return found;
}

describe("Kent's 101 figures from the baseline's 101 patience, handle and wrap-up (one queue, 20 handlers)", () => {
  for (const point of [
    { period: 'Apr-Aug 2022', meanAnswerSeconds: 8 * 60 + 5, abandoned: 0.355 },
    { period: 'Apr-Aug 2023', meanAnswerSeconds: 60 + 38, abandoned: 0.123 },
  ]) {
    it(`${point.period}: mean answer ${point.meanAnswerSeconds} s gives ${(100 * point.abandoned).toFixed(1)}% abandoned within 3 points`, async () => {
      const found = await atMeanAnswer(point.meanAnswerSeconds);
      // The search must have reached the published mean answer (within 5%) for the comparison to mean anything.
      expect(Math.abs(found.meanAnswerSeconds - point.meanAnswerSeconds) / point.meanAnswerSeconds).toBeLessThan(0.05);
      expect(Math.abs(found.abandoned - point.abandoned)).toBeLessThanOrEqual(TOLERANCE);
    }, 60_000);
  }
});
