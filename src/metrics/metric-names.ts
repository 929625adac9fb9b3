/**
 * The one place metric names are built and read (DESIGN.md section 6): `queues.Q.measure`,
 * `handlers.P.measure`, `switchboard.measure`, `incidents[ByNeed].GRADE.GROUP.measure`,
 * `dispatch.AREA.measure`, `channels.C.measure`, and a series as its metric plus an axis suffix
 * (`queues.secondary.abandonedRatio.byMonth`). Other code builds names with these functions and
 * reads them with `parseMetricName` / `parseSeriesName`, never with its own patterns. Queue, pool
 * and area names are single segments (no dots).
 */
import type { SeriesAxis } from './results.js';

export const SERIES_SUFFIX: Readonly<Record<SeriesAxis, string>> = {
  hourOfDay: 'byHourOfDay',
  month: 'byMonth',
  dayOfWeek: 'byDayOfWeek',
  hourOfWeek: 'byHourOfWeek',
  day: 'byDay',
};

export const queueMetric = (queue: string, measure: string): string => `queues.${queue}.${measure}`;
export const poolMetric = (pool: string, measure: string): string => `handlers.${pool}.${measure}`;
export const switchboardMetric = (measure: string): string => `switchboard.${measure}`;
export const areaMetric = (area: string, measure: string): string => `dispatch.${area}.${measure}`;
export const incidentMetric = (grade: string, group: string, measure: string, byNeed = false): string => `${byNeed ? 'incidentsByNeed' : 'incidents'}.${grade}.${group}.${measure}`;
export const channelMetric = (channel: string, measure: string): string => `channels.${channel}.${measure}`;
export const seriesName = (metric: string, axis: SeriesAxis): string => `${metric}.${SERIES_SUFFIX[axis]}`;

export type ParsedMetric =
  | { kind: 'queue'; queue: string; measure: string }
  | { kind: 'pool'; pool: string; measure: string }
  | { kind: 'switchboard'; measure: string }
  | { kind: 'area'; area: string; measure: string }
  | { kind: 'incident'; byNeed: boolean; grade: string; group: string; measure: string }
  | { kind: 'channel'; channel: string; measure: string }
  /** `family` is the first segment (`victimUpdates`, `grading`, `units`, `calls`...). */
  | { kind: 'other'; name: string; family: string };

const GRADES = ['immediate', 'priority'];

/** What a metric name is about. Names this module does not build come back as `other`. */
export function parseMetricName(name: string): ParsedMetric {
  const parts = name.split('.');
  const rest = (from: number): string => parts.slice(from).join('.');
  if (parts[0] === 'queues' && parts.length >= 3) return { kind: 'queue', queue: parts[1], measure: rest(2) };
  if (parts[0] === 'handlers' && parts.length >= 3) return { kind: 'pool', pool: parts[1], measure: rest(2) };
  if (parts[0] === 'switchboard' && parts.length >= 2) return { kind: 'switchboard', measure: rest(1) };
  if (parts[0] === 'dispatch' && parts.length >= 3) return { kind: 'area', area: parts[1], measure: rest(2) };
  if (parts[0] === 'channels' && parts.length >= 3) return { kind: 'channel', channel: parts[1], measure: rest(2) };
  if ((parts[0] === 'incidents' || parts[0] === 'incidentsByNeed') && parts.length >= 4 && GRADES.includes(parts[1])) {
    return { kind: 'incident', byNeed: parts[0] === 'incidentsByNeed', grade: parts[1], group: parts[2], measure: rest(3) };
  }
  return { kind: 'other', name, family: parts[0] };
}

/** The first segment of a name (`queues`, `handlers`, `incidents`...): the group a table files it under. */
export function metricFamily(name: string): string {
  const dot = name.indexOf('.');
  return dot < 0 ? name : name.slice(0, dot);
}

/** A series name split into its metric and axis, or null when the name has no axis suffix. */
export function parseSeriesName(name: string): { metric: string; axis: SeriesAxis } | null {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return null;
  const suffix = name.slice(dot + 1);
  const axis = (Object.keys(SERIES_SUFFIX) as SeriesAxis[]).find((a) => SERIES_SUFFIX[a] === suffix);
  return axis === undefined ? null : { metric: name.slice(0, dot), axis };
}

/** `*` matches any run of characters (dots included); everything else matches itself. */
export function matchesGlob(name: string, glob: string): boolean {
  const parts = glob.split('*');
  if (parts.length === 1) return name === glob;
  if (!name.startsWith(parts[0]) || !name.endsWith(parts[parts.length - 1])) return false;
  let at = parts[0].length;
  for (const part of parts.slice(1, -1)) {
    const found = name.indexOf(part, at);
    if (found < 0) return false;
    at = found + part.length;
  }
  return at <= name.length - parts[parts.length - 1].length;
}
