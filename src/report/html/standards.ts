/**
 * National standards the report judges a metric against (DESIGN.md section 1):
 * - 999: 90% of calls answered within 10 s (Home Office; `queues.999.answeredWithinTarget >= 0.9`);
 * - 101 queues (forces with a switchboard): abandonment under 5% (`queues.Q.abandonedRatio < 0.05`);
 * - attendance: Immediate within 15 min urban / 20 min rural, Priority within 60 min. The time
 *   frame applies to each incident and there is no national share, so the mean and the 90th
 *   percentile of attendance are judged against it (`<=`); the share within it is shown unjudged.
 * The verdict reads the mean across replications; it is `firm` when the whole 95% interval lies
 * on the same side of the line.
 */
import type { MetricSummary } from '../../metrics/results.js';
import { is101Queue } from './results-index.js';

export type AreaKind = 'urban' | 'rural';

/** Attendance time frames in minutes by grade and area kind. */
export interface AttendanceTargets {
  immediate: Record<AreaKind, number>;
  priority: Record<AreaKind, number>;
}

/** The report's time frames: Immediate 15 min urban, 20 min rural; Priority 1 hour. */
export const REPORT_ATTENDANCE_TARGETS: AttendanceTargets = { immediate: { urban: 15, rural: 20 }, priority: { urban: 60, rural: 60 } };

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
    const q = /^queues\.(.+)\.targetSeconds$/.exec(name);
    if (q !== null && m.mean !== null) queueTargetSeconds[q[1]] = m.mean;
  }
  return { ...options, queueTargetSeconds };
}

/** A standard that applies to a metric: `value direction threshold` is compliance. */
export interface Standard {
  /** Short text, e.g. `>= 90% (999 answered within 10 s)`. */
  text: string;
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

const ATTENDANCE = /^incidents\.(immediate|priority)\.([^.]+)\.(attendanceMinutes\.mean|attendanceMinutes\.p90|withinTarget)$/;
const GRADE_WORD: Record<string, string> = { immediate: 'Immediate', priority: 'Priority' };

/** The time frame in minutes for a grade in a group (area name, urban, rural or all), if known. */
export function attendanceTarget(grade: 'immediate' | 'priority', group: string, options: StandardOptions = {}): number | undefined {
  const targets = options.attendanceTargets ?? REPORT_ATTENDANCE_TARGETS;
  const kind: AreaKind | undefined = group === 'urban' || group === 'rural' ? group : options.areaKinds?.[group];
  if (kind !== undefined) return targets[grade][kind];
  // `all` or an area of unknown kind: judged only when urban and rural share the time frame.
  return targets[grade].urban === targets[grade].rural ? targets[grade].urban : undefined;
}

/** The standard that judges this metric, if any. */
export function standardFor(name: string, options: StandardOptions = {}): Standard | undefined {
  const target999 = options.queueTargetSeconds?.['999'];
  if (name === 'queues.999.answeredWithinTarget' && (target999 === undefined || target999 === 10)) {
    return { text: '≥ 90% answered within 10 s (Home Office 999 standard)', threshold: 0.9, direction: 'atLeast', informational: false };
  }
  const queue = /^queues\.([^.]+)\.abandonedRatio$/.exec(name);
  if (queue !== null && is101Queue(queue[1])) {
    return { text: '< 5% abandoned (101 standard, forces with a switchboard)', threshold: 0.05, direction: 'below', informational: false };
  }
  const attendance = ATTENDANCE.exec(name);
  if (attendance !== null) {
    const grade = attendance[1] as 'immediate' | 'priority';
    const target = attendanceTarget(grade, attendance[2], options);
    if (target === undefined) return undefined;
    const frame = `${GRADE_WORD[grade]} within ${target} min`;
    if (attendance[3] === 'withinTarget') return { text: `share attended: ${frame}`, threshold: target, direction: 'atMost', informational: true };
    const which = attendance[3].endsWith('p90') ? '90th percentile' : 'mean';
    return { text: `${which} ≤ ${target} min (${frame})`, threshold: target, direction: 'atMost', informational: false };
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
