/**
 * Finds what a Results object carries, by the metric and series names of DESIGN.md section 6:
 * queue, pool and area names, and series by base name and axis. Series may be keyed by their base
 * name (`queues.999.abandonedRatio`) or with the axis as a suffix (`queues.999.abandonedRatio.byMonth`,
 * as the metrics collector writes them); both are found.
 */
import type { MetricSummary, Results, SeriesAxis, SeriesSummary } from '../../metrics/results.js';

/** One point of a series with its 95% interval (null ends when the half-width is unknown). */
export interface SeriesPoint {
  key: string;
  mean: number;
  lo: number | null;
  hi: number | null;
}

const SUFFIX: Record<SeriesAxis, string> = {
  hourOfDay: 'byHourOfDay',
  month: 'byMonth',
  dayOfWeek: 'byDayOfWeek',
  hourOfWeek: 'byHourOfWeek',
  day: 'byDay',
};

/** The series of `base` along `by`, if the results carry it. */
export function findSeries(results: Results, base: string, by: SeriesAxis): SeriesSummary | undefined {
  for (const name of [`${base}.${SUFFIX[by]}`, base]) {
    const s = results.series[name];
    if (s !== undefined && s.by === by) return s;
  }
  return undefined;
}

/** The points of a series that have a mean (keys without data are left out). */
export function seriesPoints(s: SeriesSummary): SeriesPoint[] {
  const points: SeriesPoint[] = [];
  s.keys.forEach((key, i) => {
    const mean = s.mean[i];
    if (mean === null || mean === undefined || !Number.isFinite(mean)) return;
    const half = s.ci95[i];
    const known = half !== null && half !== undefined && Number.isFinite(half);
    points.push({ key, mean, lo: known ? mean - half : null, hi: known ? mean + half : null });
  });
  return points;
}

/** A metric with a finite mean, or undefined. */
export function metricWithMean(results: Results, name: string): (MetricSummary & { mean: number }) | undefined {
  const m = results.metrics[name];
  if (m === undefined || m.mean === null || !Number.isFinite(m.mean)) return undefined;
  return m as MetricSummary & { mean: number };
}

function namesBetween(results: Results, prefix: string, suffixes: readonly string[]): string[] {
  const found = new Set<string>();
  for (const name of [...Object.keys(results.metrics), ...Object.keys(results.series)]) {
    if (!name.startsWith(prefix)) continue;
    const rest = name.slice(prefix.length);
    for (const suffix of suffixes) {
      const at = rest.indexOf(`.${suffix}`);
      if (at > 0) found.add(rest.slice(0, at));
    }
  }
  return [...found];
}

/** Queue names, `999` first, then the others in the order a 101 call meets them where known. */
export function queueNames(results: Results): string[] {
  const order = ['999', 'switchboard', 'primary', 'secondary'];
  const rank = (q: string): number => (order.includes(q) ? order.indexOf(q) : order.length);
  return namesBetween(results, 'queues.', ['offered', 'abandonedRatio', 'waitSeconds', 'serviceLevel'])
    .filter((q) => !q.includes('.'))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Occupancy metric bases: `handlers.POOL.occupancy` for each pool, then `switchboard.occupancy`. */
export function occupancyBases(results: Results): { label: string; base: string }[] {
  const pools = namesBetween(results, 'handlers.', ['occupancy'])
    .filter((p) => !p.includes('.'))
    .sort()
    .map((p) => ({ label: p, base: `handlers.${p}.occupancy` }));
  const hasSwitchboard = results.metrics['switchboard.occupancy'] !== undefined || findSeries(results, 'switchboard.occupancy', 'hourOfDay') !== undefined;
  return hasSwitchboard ? [...pools, { label: 'switchboard', base: 'switchboard.occupancy' }] : pools;
}

/** Dispatch area names that have a `dispatch.AREA.waiting` series. */
export function dispatchAreas(results: Results): string[] {
  return namesBetween(results, 'dispatch.', ['waiting']).filter((a) => !a.includes('.')).sort();
}
