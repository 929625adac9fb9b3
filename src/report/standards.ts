/**
 * The national standards beside the figures they judge in the text table, from the one standards
 * module (src/metrics/standards.ts): 999 calls, 90% answered within 10 s; 101 queues, under 5%
 * abandoned. Attendance figures are shown with their time frame, not judged. The verdict reads
 * the mean across replications.
 */
import type { MetricSummary } from '../metrics/results.js';
import { judge, standardFor, withResultTargets } from '../metrics/standards.js';

export interface TableStandard {
  /** Short text shown in the table. */
  text: string;
  /** True for a figure shown beside a time frame but not judged. */
  informational: boolean;
}

/** The standard beside a metric in the table, if any (read against the results' queue targets). */
export function tableStandard(metric: string, metrics?: Readonly<Record<string, MetricSummary>>): TableStandard | undefined {
  const s = standardFor(metric, metrics === undefined ? {} : withResultTargets(metrics, {}));
  if (s === undefined) return undefined;
  return { text: s.short, informational: s.informational };
}

/** `met`, `missed`, or '' (no standard, shown only, or no data). */
export function verdict(metric: string, summary: MetricSummary | undefined, metrics?: Readonly<Record<string, MetricSummary>>): '' | 'met' | 'missed' {
  if (summary === undefined) return '';
  const j = judge(metric, summary, metrics === undefined ? {} : withResultTargets(metrics, {}));
  return j === undefined || (j.status !== 'met' && j.status !== 'missed') ? '' : j.status;
}
