/**
 * The national standards shown beside the figures they judge in the text table (DESIGN.md
 * section 1): 999 calls, 90% answered within 10 s; 101 queues of forces with a switchboard, under
 * 5% abandoned. The verdict reads the mean across replications.
 */
import type { MetricSummary } from '../metrics/results.js';

export interface TableStandard {
  /** Short text shown in the table. */
  text: string;
  /** True when a value complies. */
  complies: (x: number) => boolean;
}

const NINETY_IN_TEN: TableStandard = { text: '≥ 90% in 10 s', complies: (x) => x >= 0.9 };
const UNDER_FIVE: TableStandard = { text: '< 5% abandoned', complies: (x) => x < 0.05 };

/** Queues of the 101 path judged by the abandonment standard. */
export const QUEUES_101 = ['switchboard', 'primary', 'secondary'] as const;

/**
 * The standard that judges a metric, if any. The 999 standard is judged on the queue's
 * within-target figures only when its target is the standard's 10 s (`queues.999.targetSeconds`,
 * when the results carry it): a scenario with another target measures something else.
 */
export function tableStandard(metric: string, metrics?: Readonly<Record<string, MetricSummary>>): TableStandard | undefined {
  const target = metrics?.['queues.999.targetSeconds']?.mean;
  if (metric.startsWith('queues.999.') && target !== undefined && target !== null && target !== 10) return undefined;
  if (metric === 'queues.999.answeredWithinTarget' || metric === 'queues.999.serviceLevel') return NINETY_IN_TEN;
  const m = /^queues\.([^.]+)\.abandonedRatio$/.exec(metric);
  if (m !== null && (QUEUES_101 as readonly string[]).includes(m[1])) return UNDER_FIVE;
  return undefined;
}

/** `met`, `missed`, or '' (no standard, or no data). */
export function verdict(metric: string, summary: MetricSummary | undefined, metrics?: Readonly<Record<string, MetricSummary>>): '' | 'met' | 'missed' {
  const s = tableStandard(metric, metrics);
  if (s === undefined || summary === undefined || summary.mean === null || !Number.isFinite(summary.mean)) return '';
  return s.complies(summary.mean) ? 'met' : 'missed';
}
