import { mean, sampleStandardDeviation } from 'simple-statistics';
import { absentReason } from './absent-reasons.js';
import { parseSeriesName } from './metric-names.js';
import type { MetricSummary, PairedDifference, ReplicationResult, Results, SeriesSummary } from './results.js';
import { studentT975 } from './student-t.js';

const finite = (values: readonly number[]): number[] => values.filter((v) => Number.isFinite(v));
const orNull = (v: number): number | null => (Number.isFinite(v) ? v : null);

/** Half-width of the Student-t 95% interval of the mean of `values` (NaN with fewer than 2). */
export function halfWidth(values: readonly number[]): number {
  const xs = finite(values);
  if (xs.length < 2) return NaN;
  return (studentT975(xs.length - 1) * sampleStandardDeviation(xs)) / Math.sqrt(xs.length);
}

/** Mean, 95% half-width, min and max of the finite values. */
export function describe(values: readonly number[]): { mean: number; ci95: number; min: number; max: number } {
  const xs = finite(values);
  if (xs.length === 0) return { mean: NaN, ci95: NaN, min: NaN, max: NaN };
  return { mean: mean(xs), ci95: halfWidth(xs), min: Math.min(...xs), max: Math.max(...xs) };
}

/**
 * The paired difference b - a across common-random-number replications (same index, same
 * seeds): its mean and Student-t 95% interval; significant when 0 lies outside the interval.
 */
export function pairedDifference(a: readonly number[], b: readonly number[]): PairedDifference {
  const diffs: number[] = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = b[i] - a[i];
    if (Number.isFinite(d)) diffs.push(d);
  }
  const { mean: m, ci95 } = describe(diffs);
  const significant = Number.isFinite(m) && Number.isFinite(ci95) && Math.abs(m) > ci95;
  return { mean: orNull(m), ci95: orNull(ci95), significant };
}

/** Summarise replications (in replication order) into the results contract. */
export function summarise(
  reps: readonly ReplicationResult[],
  meta: { callsim: string; scenario: { name: string; file: string | null; sha256: string | null }; seed: number },
): Results {
  const ordered = [...reps].sort((x, y) => x.replication - y.replication);
  const names = [...new Set(ordered.flatMap((r) => Object.keys(r.metrics)))].sort();
  const metrics: Record<string, MetricSummary> = {};
  for (const name of names) {
    const values = ordered.map((r) => r.metrics[name] ?? NaN);
    const d = describe(values);
    metrics[name] = {
      mean: orNull(d.mean), ci95: orNull(d.ci95), min: orNull(d.min), max: orNull(d.max),
      unit: ordered.find((r) => r.units[name] !== undefined)?.units[name] ?? '',
      values: values.map(orNull),
    };
    // Never a mean over a different set of replications without saying so, nor a null without why.
    const withValue = finite(values).length;
    if (withValue < values.length) {
      metrics[name]['n/a'] = absentReason(name);
      if (withValue > 0) metrics[name].replicationsWithValue = withValue;
    }
  }
  const seriesNames = [...new Set(ordered.flatMap((r) => Object.keys(r.series)))].sort();
  const series: Record<string, SeriesSummary> = {};
  for (const name of seriesNames) {
    const first = ordered.find((r) => r.series[name] !== undefined)!.series[name];
    // Replications of one scenario share the calendar, so keys agree; take the longest list.
    const keys = ordered.reduce((k, r) => ((r.series[name]?.keys.length ?? 0) > k.length ? r.series[name].keys : k), first.keys);
    const columns = keys.map((_, i) => ordered.map((r) => r.series[name]?.values[i] ?? NaN));
    series[name] = {
      by: first.by,
      keys: [...keys],
      mean: columns.map((c) => orNull(describe(c).mean)),
      ci95: columns.map((c) => orNull(describe(c).ci95)),
    };
    // As for metrics: a null or a mean over fewer replications carries its reason and its counts.
    const withValue = columns.map((c) => finite(c).length);
    if (withValue.some((n) => n < ordered.length)) {
      series[name]['n/a'] = absentReason(parseSeriesName(name)?.metric ?? name);
      series[name].replicationsWithValue = withValue;
    }
  }
  return { callsim: meta.callsim, scenario: meta.scenario, seed: meta.seed, replications: ordered.length, metrics, series };
}
