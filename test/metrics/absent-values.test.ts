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

  it('a series key with no value in some replication carries the reason and, per key, the replications its mean is over', () => {
    const withSeries = (replication: number, values: number[]): ReplicationResult => ({
      ...rep(replication, {}), series: { 'queues.primary.abandonedRatio.byMonth': { by: 'month', keys: ['2022-01', '2022-02'], values } },
    });
    const s = summarise([withSeries(0, [0.1, NaN]), withSeries(1, [0.3, NaN]), withSeries(2, [0.2, 0.4])], meta).series['queues.primary.abandonedRatio.byMonth'];
    expect(s.mean[0]).toBeCloseTo(0.2, 12);
    expect(s.mean[1]).toBe(0.4);
    expect(s['n/a']).toBe('no calls reached the queue');
    expect(s.replicationsWithValue).toEqual([3, 1]);
    const complete = summarise([withSeries(0, [0.1, 0.2]), withSeries(1, [0.3, 0.4])], meta).series['queues.primary.abandonedRatio.byMonth'];
    expect(Object.keys(JSON.parse(resultsJson({ ...results, series: { x: complete } })).series.x)).toEqual(['by', 'keys', 'mean', 'ci95']);
  });
});
