/**
 * The national standards, in one module for the text table, the HTML report and `check`
 * (DESIGN.md section 1):
 * - 999: 90% of calls answered within 10 s (Home Office; `queues.999.answeredWithinTarget >= 0.9`,
 *   a share of answered calls, judged only when the 999 queue's target is 10 s);
 * - 101 queues (forces with a switchboard): abandonment under 5% (`queues.Q.abandonedRatio < 0.05`);
 * - attendance: Immediate within 15 min urban / 20 min rural, Priority within 60 min. The time
 *   frame applies to each incident and there is no national share, so attendance figures are
 *   shown beside their time frame and not judged.
 * The verdict reads the mean across replications; it is `firm` when the whole 95% interval lies
 * on the same side of the line.
 */
import { NATIONAL_ATTENDANCE_MINUTES, type AreaKind } from '../model/dispatch/types.js';
import { incidentMetric, parseMetricName, queueMetric } from './metric-names.js';
import type { MetricSummary } from './results.js';

export type { AreaKind };

/** Attendance time frames in minutes by grade and area kind. */
export interface AttendanceTargets {
  immediate: Record<AreaKind, number>;
  priority: Record<AreaKind, number>;
}

/**
 * The national time frames: Immediate 15 min urban, 20 min rural; Priority 1 hour. Written once,
 * in the model's types (scenarios default to them there); every default in metrics, reports and
 * `check` is this object.
 */
export const REPORT_ATTENDANCE_TARGETS: AttendanceTargets = NATIONAL_ATTENDANCE_MINUTES;

/** The 999 answer standard. */
export const ANSWER_999 = { queue: '999', targetSeconds: 10, share: 0.9 } as const;
/** The 101 abandonment standard (forces with a switchboard). */
export const ABANDONMENT_101 = { maxRatio: 0.05 } as const;

/** Every queue but the 999 queue belongs to the 101 path. */
export const is101Queue = (queue: string): boolean => queue !== ANSWER_999.queue;

export interface StandardOptions {
  attendanceTargets?: AttendanceTargets;
  /** Kind of each named dispatch area, so its Immediate attendance can be judged too. */
  areaKinds?: Record<string, AreaKind>;
  /**
   * Each queue's targetSeconds. The 999 standard (90% within 10 s) judges the 999 queue's
   * within-target share only when its target is 10 s; another target measures something else.
   */
  queueTargetSeconds?: Record<string, number>;
}

/** `options` with each queue's target read from the results (`queues.Q.targetSeconds`) when not given. */
export function withResultTargets(metrics: Readonly<Record<string, MetricSummary>>, options: StandardOptions): StandardOptions {
  if (options.queueTargetSeconds !== undefined) return options;
  const queueTargetSeconds: Record<string, number> = {};
  for (const [name, m] of Object.entries(metrics)) {
    const q = parseMetricName(name);
    if (q.kind === 'queue' && q.measure === 'targetSeconds' && m.mean !== null) queueTargetSeconds[q.queue] = m.mean;
  }
  return { ...options, queueTargetSeconds };
}

/**
 * The metrics among `names` that the national standards speak to, in the order a reader expects:
 * the 999 answer standard, 101 abandonment per 101 queue (by name), then attendance (Immediate
 * urban and rural, Priority) beside its time frame.
 */
export function standardMetricNames(names: readonly string[]): string[] {
  const present = new Set(names);
  const queues = new Set<string>();
  for (const name of names) {
    const m = parseMetricName(name);
    if (m.kind === 'queue') queues.add(m.queue);
  }
  return [
    queueMetric(ANSWER_999.queue, 'answeredWithinTarget'),
    ...[...queues].filter(is101Queue).sort().map((q) => queueMetric(q, 'abandonedRatio')),
    incidentMetric('immediate', 'urban', 'withinTarget'),
    incidentMetric('immediate', 'rural', 'withinTarget'),
    incidentMetric('priority', 'all', 'withinTarget'),
  ].filter((n) => present.has(n));
}

/** A standard that applies to a metric: `value direction threshold` is compliance. */
export interface Standard {
  /** Text, e.g. `≥ 90% answered within 10 s (Home Office 999 standard)`. */
  text: string;
  /** The same for a narrow table column, e.g. `≥ 90% in 10 s`. */
  short: string;
  threshold: number;
  direction: 'atLeast' | 'below' | 'atMost';
  /** Shown only: the standard frames the figure but does not decide a verdict. */
  informational: boolean;
}

export interface Judgement extends Standard {
  status: 'met' | 'missed' | 'noData' | 'shown';
  /** The 95% interval lies wholly on the verdict's side of the threshold. */
  firm: boolean;
}

const complies = (x: number, s: Standard): boolean =>
  s.direction === 'atLeast' ? x >= s.threshold : s.direction === 'below' ? x < s.threshold : x <= s.threshold;

const GRADE_WORD: Record<string, string> = { immediate: 'Immediate', priority: 'Priority' };

/** 0.9 as `90%` (whole percentages as written in the standards). */
const percent = (ratio: number): string => `${Math.round(ratio * 1000) / 10}%`;

/** The standards in plain words, one line each (for pages that state them without a figure to judge). */
export const STANDARD_WORDS = {
  answer999: `999: ${percent(ANSWER_999.share)} of calls answered within ${ANSWER_999.targetSeconds} seconds`,
  abandonment101: `101: under ${percent(ABANDONMENT_101.maxRatio)} of calls abandoned`,
  attendance: `Attendance: Immediate within ${REPORT_ATTENDANCE_TARGETS.immediate.urban} min (urban) or ${REPORT_ATTENDANCE_TARGETS.immediate.rural} min (rural); Priority within ${REPORT_ATTENDANCE_TARGETS.priority.urban} min`,
} as const;

/** The time frame in minutes for a grade in a group (area name, urban, rural or all), if known. */
export function attendanceTarget(grade: 'immediate' | 'priority', group: string, options: StandardOptions = {}): number | undefined {
  const targets = options.attendanceTargets ?? REPORT_ATTENDANCE_TARGETS;
  const kind: AreaKind | undefined = group === 'urban' || group === 'rural' ? group : options.areaKinds?.[group];
  if (kind !== undefined) return targets[grade][kind];
  // `all` or an area of unknown kind: judged only when urban and rural share the time frame.
  return targets[grade].urban === targets[grade].rural ? targets[grade].urban : undefined;
}

/** The standard that judges this metric, if any (attendance: shown beside its time frame, not judged). */
export function standardFor(name: string, options: StandardOptions = {}): Standard | undefined {
  const m = parseMetricName(name);
  const target999 = options.queueTargetSeconds?.[ANSWER_999.queue];
  if (name === queueMetric(ANSWER_999.queue, 'answeredWithinTarget') && (target999 === undefined || target999 === ANSWER_999.targetSeconds)) {
    const { share, targetSeconds } = ANSWER_999;
    return { text: `≥ ${percent(share)} answered within ${targetSeconds} s (Home Office 999 standard)`, short: `≥ ${percent(share)} in ${targetSeconds} s`, threshold: share, direction: 'atLeast', informational: false };
  }
  if (m.kind === 'queue' && m.measure === 'abandonedRatio' && is101Queue(m.queue)) {
    const max = percent(ABANDONMENT_101.maxRatio);
    return { text: `< ${max} abandoned (101 standard, forces with a switchboard)`, short: `< ${max} abandoned`, threshold: ABANDONMENT_101.maxRatio, direction: 'below', informational: false };
  }
  if (m.kind === 'incident' && !m.byNeed && (m.grade === 'immediate' || m.grade === 'priority') && ['withinTarget', 'attendanceMinutes.mean', 'attendanceMinutes.p90'].includes(m.measure)) {
    const target = attendanceTarget(m.grade, m.group, options);
    if (target === undefined) return undefined;
    return { text: `time frame: ${GRADE_WORD[m.grade]} within ${target} min`, short: `time frame ${target} min`, threshold: target, direction: 'atMost', informational: true };
  }
  return undefined;
}

/** Judges a metric summary against its standard, if one applies. */
export function judge(name: string, m: MetricSummary, options: StandardOptions = {}): Judgement | undefined {
  const s = standardFor(name, options);
  if (s === undefined) return undefined;
  if (s.informational) return { ...s, status: 'shown', firm: false };
  if (m.mean === null || !Number.isFinite(m.mean)) return { ...s, status: 'noData', firm: false };
  const met = complies(m.mean, s);
  const half = m.ci95 ?? NaN;
  const firm = Number.isFinite(half) && complies(m.mean - half, s) === met && complies(m.mean + half, s) === met;
  return { ...s, status: met ? 'met' : 'missed', firm };
}
