import { describe as group, expect, it } from 'vitest';
import type { ReplicationResult } from '../../src/metrics/results.js';
import { halfWidth, pairedDifference, summarise } from '../../src/metrics/summary.js';
import { studentTCdf, studentTQuantile } from '../../src/metrics/student-t.js';

const META = { callsim: '0.0.0-test', scenario: { name: 's', file: null, sha256: null }, seed: 7 };

function rep(replication: number, metrics: Record<string, number>, series: ReplicationResult['series'] = {}): ReplicationResult {
  const units = Object.fromEntries(Object.keys(metrics).map((k) => [k, k.endsWith('Ratio') ? 'ratio' : 'calls']));
  return { replication, metrics, series, units, eventsRun: 0, callsOffered: 0 };
}

group('Student t quantiles', () => {
  // Printed tables (e.g. NIST/SEMATECH e-Handbook 1.3.6.7.2) give three decimals.
  it.each([
    [0.975, 1, 12.706],
    [0.975, 2, 4.303],
    [0.975, 4, 2.776],
    [0.975, 9, 2.262],
    [0.975, 19, 2.093],
    [0.975, 30, 2.042],
    [0.975, 100, 1.984],
    [0.995, 10, 3.169],
    [0.9995, 1, 636.619],
    [0.9995, 20, 3.85],
    [0.95, 5, 2.015],
  ])('t(%f, %i) = %f to the table\'s three decimals', (p, df, table) => {
    expect(Math.abs(studentTQuantile(p, df) - table)).toBeLessThanOrEqual(0.0005);
  });

  it('tends to the normal quantile 1.959964 for large df, and is symmetric', () => {
    expect(studentTQuantile(0.975, 1e7)).toBeCloseTo(1.959964, 5);
    expect(studentTQuantile(0.025, 9)).toBeCloseTo(-studentTQuantile(0.975, 9), 12);
    expect(studentTQuantile(0.5, 3)).toBe(0);
  });

  it('closed forms: df 1 is Cauchy, tan(pi (p - 1/2)); df 2 is (2p - 1) / sqrt(2p(1 - p))', () => {
    for (const p of [0.6, 0.9, 0.975, 0.99999]) {
      const cauchy = Math.tan(Math.PI * (p - 0.5));
      expect(Math.abs(studentTQuantile(p, 1) - cauchy) / cauchy).toBeLessThan(1e-9);
      const two = (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
      expect(Math.abs(studentTQuantile(p, 2) - two) / two).toBeLessThan(1e-9);
    }
  });

  it('the quantile inverts the CDF', () => {
    for (const df of [1, 3.5, 12, 250]) {
      for (const p of [0.8, 0.975, 0.999]) expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 10);
    }
  });

  it('rejects p outside (0, 1) and df <= 0 with NaN', () => {
    expect(studentTQuantile(1, 5)).toBeNaN();
    expect(studentTQuantile(0.9, 0)).toBeNaN();
  });
});

group('halfWidth', () => {
  it('1..5: t(0.975, 4) x sd / sqrt(5) = 2.776445 x sqrt(2.5) / sqrt(5)', () => {
    expect(halfWidth([1, 2, 3, 4, 5])).toBeCloseTo((2.7764451 * Math.sqrt(2.5)) / Math.sqrt(5), 6);
  });

  it('ignores NaN and needs two finite values', () => {
    expect(halfWidth([1, NaN, 3])).toBeCloseTo((12.7062047 * Math.SQRT2) / Math.SQRT2, 5);
    expect(halfWidth([4])).toBeNaN();
    expect(halfWidth([])).toBeNaN();
  });
});

group('pairedDifference', () => {
  it('differences per replication: (1, 2, 2) has mean 5/3 and half-width t(0.975, 2) x sqrt(1/3) / sqrt(3): significant', () => {
    const d = pairedDifference([1, 2, 3], [2, 4, 5]);
    expect(d.mean).toBeCloseTo(5 / 3, 12);
    expect(d.ci95).toBeCloseTo((4.3026527 * Math.sqrt(1 / 3)) / Math.sqrt(3), 6);
    expect(d.significant).toBe(true);
  });

  it('not significant when 0 lies inside the interval', () => {
    const d = pairedDifference([1, 2, 3, 4], [2, 1, 4, 3]);
    expect(d.mean).toBe(0);
    expect(d.significant).toBe(false);
  });

  it('replications where either side is NaN are left out; too few give nulls', () => {
    const d = pairedDifference([1, NaN, 3], [2, 5, NaN]);
    expect(d.mean).toBe(1);
    expect(d.ci95).toBeNull();
    expect(d.significant).toBe(false);
  });
});

group('summarise', () => {
  const reps = [
    rep(1, { 'q.offered': 12, 'q.abandonedRatio': NaN }, { s: { by: 'hourOfDay', keys: ['00', '01'], values: [0.2, NaN] } }),
    rep(0, { 'q.offered': 10, 'q.abandonedRatio': 0.5 }, { s: { by: 'hourOfDay', keys: ['00', '01'], values: [0.4, 0.1] } }),
    rep(2, { 'q.offered': 14, 'q.abandonedRatio': 0.3 }, { s: { by: 'hourOfDay', keys: ['00', '01'], values: [0.6, 0.3] } }),
  ];
  const r = summarise(reps, META);

  it('carries the meta data and the number of replications', () => {
    expect(r.callsim).toBe('0.0.0-test');
    expect(r.scenario).toEqual(META.scenario);
    expect(r.seed).toBe(7);
    expect(r.replications).toBe(3);
  });

  it('mean, ci95, min, max, unit and values in replication order', () => {
    const m = r.metrics['q.offered'];
    expect(m.values).toEqual([10, 12, 14]);
    expect(m.mean).toBe(12);
    expect(m.ci95).toBeCloseTo((4.3026527 * 2) / Math.sqrt(3), 6);
    expect(m.min).toBe(10);
    expect(m.max).toBe(14);
    expect(m.unit).toBe('calls');
  });

  it('NaN becomes null in values, aligned with replications, and is left out of the moments', () => {
    const m = r.metrics['q.abandonedRatio'];
    expect(m.values).toEqual([0.5, null, 0.3]);
    expect(m.mean).toBeCloseTo(0.4, 12);
    expect(m.ci95).toBeCloseTo((12.7062047 * Math.sqrt(0.02)) / Math.SQRT2, 5);
    expect(m.unit).toBe('ratio');
    expect(JSON.parse(JSON.stringify(r)).metrics['q.abandonedRatio'].values).toEqual([0.5, null, 0.3]);
  });

  it('series: mean and ci95 per key across replications', () => {
    const s = r.series.s;
    expect(s.by).toBe('hourOfDay');
    expect(s.keys).toEqual(['00', '01']);
    expect(s.mean[0]).toBeCloseTo(0.4, 12);
    expect(s.mean[1]).toBeCloseTo(0.2, 12);
    expect(s.ci95[0]).toBeCloseTo((4.3026527 * 0.2) / Math.sqrt(3), 6);
  });

  it('a metric with no finite value has null moments', () => {
    const only = summarise([rep(0, { x: NaN }), rep(1, { x: NaN })], META);
    expect(only.metrics.x).toMatchObject({ mean: null, ci95: null, min: null, max: null, values: [null, null] });
  });
});
