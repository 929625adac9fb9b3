/**
 * Finds what a Results object carries, by the metric and series names of DESIGN.md section 6 (read
 * and built through src/metrics/metric-names.ts only): queue, pool and area names, and series by
 * base name and axis. Series may be keyed by their base
 * name (`queues.999.abandonedRatio`) or with the axis as a suffix (`queues.999.abandonedRatio.byMonth`,
 * as the metrics collector writes them); both are found.
 */
import { metricFamily, parseMetricName, parseSeriesName, poolMetric, seriesName, switchboardMetric, type ParsedMetric } from '../../metrics/metric-names.js';
import type { MetricSummary, Results, SeriesAxis, SeriesSummary } from '../../metrics/results.js';

/** One point of a series with its 95% interval (null ends when the half-width is unknown). */
export interface SeriesPoint {
  key: string;
  mean: number;
  lo: number | null;
  hi: number | null;
}

/** The series of `base` along `by`, if the results carry it. */
export function findSeries(results: Results, base: string, by: SeriesAxis): SeriesSummary | undefined {
  for (const name of [seriesName(base, by), base]) {
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

/** The parsed metric names of every metric and series the results carry (a series by its metric's name). */
function parsedNames(results: Results): ParsedMetric[] {
  const names = new Set([...Object.keys(results.metrics), ...Object.keys(results.series).map((n) => parseSeriesName(n)?.metric ?? n)]);
  return [...names].map(parseMetricName);
}

/** Queue names, `999` first, then the others in the order a 101 call meets them where known. */
export function queueNames(results: Results): string[] {
  const order = ['999', 'switchboard', 'primary', 'secondary'];
  const rank = (q: string): number => (order.includes(q) ? order.indexOf(q) : order.length);
  const measures = ['offered', 'abandonedRatio', 'serviceLevel'];
  const queues = new Set<string>();
  for (const m of parsedNames(results)) {
    if (m.kind === 'queue' && (measures.includes(m.measure) || metricFamily(m.measure) === 'waitSeconds')) queues.add(m.queue);
  }
  return [...queues].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Occupancy metric bases: `handlers.POOL.occupancy` for each pool, then `switchboard.occupancy`. */
export function occupancyBases(results: Results): { label: string; base: string }[] {
  const pools = new Set<string>();
  for (const m of parsedNames(results)) if (m.kind === 'pool' && m.measure === 'occupancy') pools.add(m.pool);
  const list = [...pools].sort().map((p) => ({ label: p, base: poolMetric(p, 'occupancy') }));
  const board = switchboardMetric('occupancy');
  const hasSwitchboard = results.metrics[board] !== undefined || findSeries(results, board, 'hourOfDay') !== undefined;
  return hasSwitchboard ? [...list, { label: 'switchboard', base: board }] : list;
}

/** Dispatch area names that have a `dispatch.AREA.waiting` series. */
export function dispatchAreas(results: Results): string[] {
  const areas = new Set<string>();
  for (const name of Object.keys(results.series)) {
    const m = parseMetricName(parseSeriesName(name)?.metric ?? name);
    if (m.kind === 'area' && m.measure === 'waiting') areas.add(m.area);
  }
  return [...areas].sort();
}
