import { describe, expect, it } from 'vitest';
import { absentReason } from '../../src/metrics/absent-reasons.js';
import type { ReplicationResult } from '../../src/metrics/results.js';
import { summarise } from '../../src/metrics/summary.js';
import { resultsJson } from '../../src/report/json.js';

const rep = (replication: number, metrics: Record<string, number>): ReplicationResult => ({
  replication, metrics, series: {}, units: Object.fromEntries(Object.keys(metrics).map((k) => [k, 'ratio'])), eventsRun: 0, callsOffered: 0,
});
const meta = { callsim: 'test', scenario: { name: 's', file: null, sha256: null }, seed: 1 };

describe('absent values (0/0) in results', () => {
  const results = summarise([
    rep(0, { 'queues.primary.abandonedRatio': NaN, 'queues.primary.serviceLevel': NaN, 'units.city.occupancy': 0.5 }),
    rep(1, { 'queues.primary.abandonedRatio': 0.25, 'queues.primary.serviceLevel': NaN, 'units.city.occupancy': 0.7 }),
  ], meta);

  it('a mean over fewer replications than were run says how many, and why the others have none', () => {
    const m = results.metrics['queues.primary.abandonedRatio'];
    expect(m.mean).toBe(0.25);
    expect(m.replicationsWithValue).toBe(1);
    expect(m['n/a']).toBe('no calls reached the queue');
  });

  it('a metric absent in every replication is null with its reason, and complete metrics carry neither key', () => {
    const json = JSON.parse(resultsJson(results)) as { metrics: Record<string, Record<string, unknown>> };
    expect(json.metrics['queues.primary.serviceLevel']).toMatchObject({ mean: null, 'n/a': 'no calls reached the queue' });
    expect(json.metrics['queues.primary.serviceLevel']).not.toHaveProperty('replicationsWithValue');
    expect(Object.keys(json.metrics['units.city.occupancy'])).toEqual(['mean', 'ci95', 'min', 'max', 'unit', 'values']);
  });

  it('names a reason for each family of measures', () => {
    expect(absentReason('queues.999.waitSeconds.p90')).toBe('no call was answered from the queue');
    expect(absentReason('handlers.emergency.occupancy')).toBe('no one was on duty');
    expect(absentReason('units.bristol.occupancy')).toBe('no unit was on duty');
    expect(absentReason('incidents.immediate.urban.withinTarget')).toBe('no incident of this grade and area was attended');
    expect(absentReason('something.new')).toMatch(/0\/0/);
  });
});
