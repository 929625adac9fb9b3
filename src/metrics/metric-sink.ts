import type { ReplicationResult, SeriesAxis } from './results.js';

/** Hour-of-day series keys '00'...'23'. */
export const HOUR_KEYS: readonly string[] = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));

/** Day-of-week series keys, Monday first (local days of the scenario's time zone). */
export const WEEKDAY_KEYS: readonly string[] = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** part / whole, NaN when whole is 0 (a ratio with no data). */
export function ratio(part: number, whole: number): number {
  return whole > 0 ? part / whole : NaN;
}

/** Gathers one replication's metrics, units and series as the collector writes them. */
export class MetricSink {
  readonly metrics: Record<string, number> = {};
  readonly units: Record<string, string> = {};
  readonly series: ReplicationResult['series'] = {};

  /** A metric and its unit. */
  put(name: string, value: number, unit: string): void {
    this.metrics[name] = value;
    this.units[name] = unit;
  }

  /** A series (one value per key). */
  putSeries(name: string, by: SeriesAxis, keys: readonly string[], values: ArrayLike<number>): void {
    this.series[name] = { by, keys: [...keys], values: Array.from(values) };
  }
}
