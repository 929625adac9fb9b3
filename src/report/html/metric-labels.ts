/**
 * Plain-English labels for metric names (DESIGN.md section 6), for planners reading the tables.
 * Unknown names fall back to the name itself; the name is always shown beside the label.
 */
import { parseMetricName } from '../../metrics/metric-names.js';

const QUEUE_PARTS: Record<string, string> = {
  offered: 'calls offered',
  answered: 'calls answered',
  abandoned: 'calls abandoned',
  open: 'calls still waiting at the end',
  abandonedRatio: 'abandoned (share of offered)',
  serviceLevel: 'answered within target (share of offered)',
  answeredWithinTarget: 'answered within target (share of answered)',
  'waitSeconds.mean': 'time to answer, mean',
  'waitSeconds.p50': 'time to answer, median',
  'waitSeconds.p90': 'time to answer, 90th percentile',
  'waitSeconds.p99': 'time to answer, 99th percentile',
  'abandonWaitSeconds.mean': 'time before abandoning, mean',
  'answerBands.under5s': 'answered in under 5 s',
  'answerBands.from5to10s': 'answered in 5 to 10 s',
  'answerBands.over10s': 'answered after 10 s',
  meanWaiting: 'callers waiting (time-average)',
  redials: 'redials after abandoning',
};

const INCIDENT_PARTS: Record<string, string> = {
  attended: 'incidents attended',
  open: 'incidents not attended by the end',
  breaches: 'attended outside the time frame',
  withinTarget: 'attended within the time frame (share)',
  'attendanceMinutes.mean': 'attendance time, mean',
  'attendanceMinutes.p90': 'attendance time, 90th percentile',
};

const OTHERS: Record<string, string> = {
  'switchboard.occupancy': 'switchboard: occupancy',
  'grading.undergraded': 'incidents given a lower grade than needed (share)',
  'grading.upgraded': 'incidents re-graded upwards',
  'incidents.created': 'incidents created',
  'calls.offered': 'calls offered (all channels)',
  'incidents.breachShare': 'Immediate and Priority attended late (share)',
  'victimUpdates.missed': 'victim updates owed but not made',
};

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** A plain-English label for a metric name, or the name itself when it is not known. */
export function metricLabel(name: string): string {
  if (OTHERS[name] !== undefined) return OTHERS[name];
  const m = parseMetricName(name);
  if (m.kind === 'queue' && QUEUE_PARTS[m.measure] !== undefined) return `${m.queue} queue: ${QUEUE_PARTS[m.measure]}`;
  if (m.kind === 'pool' && m.measure === 'occupancy') return `${m.pool} handlers: occupancy`;
  if (m.kind === 'incident' && INCIDENT_PARTS[m.measure] !== undefined) {
    return `${capital(m.grade)}, ${m.group}${m.byNeed ? ' (by grade needed)' : ''}: ${INCIDENT_PARTS[m.measure]}`;
  }
  return name;
}
