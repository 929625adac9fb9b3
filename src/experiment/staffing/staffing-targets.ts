/**
 * Staffing targets as written on the command line: `queues.999.answeredWithin10s>=0.90`, judged
 * per interval, per month or over the horizon. Each names a queue and a ratio the simulation can
 * count per interval: abandoned of offered, answered within a time of offered (serviceLevel) or
 * of answered (answeredWithinTarget, answeredWithinNs); or an attendance target on response units,
 * `incidents.immediate.urban.withinTarget>=0.9` (attended within the grade's target, of attended,
 * in an area, the urban or rural areas, or all).
 */
import type { ResolvedScenario } from '../../model/resolved.js';

export type TargetPer = 'interval' | 'month' | 'horizon';
export const TARGET_PERS: readonly TargetPer[] = ['interval', 'month', 'horizon'];

export type TargetOp = '>=' | '<=';

/** What a target counts: numerator over denominator per interval. */
export type CountKind = 'abandonedOfOffered' | 'withinOfOffered' | 'withinOfAnswered' | 'attendedWithinTarget';

export interface StaffTarget {
  /** As written, for example `queues.999.answeredWithin10s`. */
  metric: string;
  op: TargetOp;
  value: number;
  per: TargetPer;
  queue: string;
  kind: CountKind;
  /** Answer-time limit in seconds for the `within` kinds (NaN for abandonment and attendance). */
  thresholdSeconds: number;
  /**
   * Attendance targets (`attendedWithinTarget`; `queue` is ''): the grade, whether it is the
   * given grade (`incidents.`) or the needed one (`incidentsByNeed.`), and per dispatch area (by
   * index) its attendance target in seconds, NaN for areas outside the target's group. Queue
   * targets leave these out.
   */
  grade?: 'immediate' | 'priority';
  byNeed?: boolean;
  attendSeconds?: readonly number[];
}

/** A target that cannot be parsed or names nothing in the scenario. */
export class TargetSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TargetSyntaxError';
  }
}

const FORM = /^\s*(queues\.([^.]+)\.([A-Za-z0-9]+))\s*(>=|<=)\s*([0-9.]+%?)\s*(?:@\s*(interval|month|horizon))?\s*$/;

const INCIDENT_FORM = /^\s*((incidents|incidentsByNeed)\.(immediate|priority)\.([^.\s]+)\.withinTarget)\s*(>=|<=)\s*([0-9.]+%?)\s*(?:@\s*(interval|month|horizon))?\s*$/;

/** Dispatch areas (indices) a group names: an area, `urban`, `rural` or `all`; null when none. */
function areasOf(scenario: ResolvedScenario, group: string): number[] | null {
  const areas = scenario.dispatch?.areas ?? [];
  const byName = areas.findIndex((a) => a.name === group);
  if (byName >= 0) return [byName];
  if (group === 'all') return areas.map((_, i) => i);
  if (group === 'urban' || group === 'rural') return areas.flatMap((a, i) => (a.kind === group ? [i] : []));
  return null;
}

/** `incidents[ByNeed].GRADE.GROUP.withinTarget>=V`: attended within the grade's target, of attended. */
function parseIncidentTarget(m: RegExpExecArray, text: string, per: TargetPer, scenario: ResolvedScenario): StaffTarget {
  const [, metric, family, grade, group, op, raw, own] = m;
  const value = raw.endsWith('%') ? Number(raw.slice(0, -1)) / 100 : Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > 1) throw new TargetSyntaxError(`--target ${JSON.stringify(text)}: the value must be a ratio from 0 to 1 (or a percentage), found ${raw}`);
  const dispatch = scenario.dispatch;
  if (dispatch === undefined) throw new TargetSyntaxError(`--target ${JSON.stringify(text)}: the scenario has no dispatch section, so no response units attend incidents`);
  const areas = areasOf(scenario, group);
  if (areas === null || areas.length === 0) throw new TargetSyntaxError(`--target ${JSON.stringify(text)}: ${JSON.stringify(group)} is not an area of the scenario (${dispatch.areas.map((a) => a.name).join(', ')}) nor urban, rural or all with areas in it`);
  if (!dispatch.dispatchedGrades.includes(grade as 'immediate' | 'priority')) throw new TargetSyntaxError(`--target ${JSON.stringify(text)}: ${grade} incidents get no units in this scenario (dispatch.dispatchedGrades)`);
  if (op !== '>=') throw new TargetSyntaxError(`--target ${JSON.stringify(text)}: withinTarget is staffed for as a floor; write ${metric}>=${raw}`);
  const g = grade as 'immediate' | 'priority';
  const attendSeconds = dispatch.areas.map((a, i) => (areas.includes(i) ? dispatch.targets[g][a.kind] * 60 : NaN));
  return { metric, op: '>=', value, per: (own as TargetPer | undefined) ?? per, queue: '', kind: 'attendedWithinTarget', thresholdSeconds: NaN, grade: g, byNeed: family === 'incidentsByNeed', attendSeconds };
}

/** True for attendance targets (staffed with response units, not handlers). */
export function isAttendanceTarget(t: StaffTarget): boolean {
  return t.kind === 'attendedWithinTarget';
}

/** Indices of the dispatch areas an attendance target judges (empty for a queue target). */
export function targetAreas(t: StaffTarget): number[] {
  return (t.attendSeconds ?? []).flatMap((s, i) => (Number.isNaN(s) ? [] : [i]));
}

/**
 * The search staffs each area for its own share: a target on a group of areas (urban, rural, all)
 * becomes one target per area, named by the area. Each area meeting it is enough for the group
 * (the group's ratio is a weighted mean of its areas'), so the search never under-staffs a group,
 * though it may staff one area above what pooling with its neighbours would need.
 */
export function perAreaTargets(targets: readonly StaffTarget[], scenario: ResolvedScenario): StaffTarget[] {
  return targets.flatMap((t) => {
    const areas = targetAreas(t);
    if (areas.length <= 1) return [t];
    const names = scenario.dispatch?.areas ?? [];
    return areas.map((a) => ({
      ...t,
      metric: `${t.byNeed === true ? 'incidentsByNeed' : 'incidents'}.${t.grade}.${names[a].name}.withinTarget`,
      attendSeconds: (t.attendSeconds ?? []).map((s, i) => (i === a ? s : NaN)),
    }));
  });
}

/** Parses one `--target`: `queues.Q.*` metrics whose Q the scenario has, or `incidents[ByNeed].GRADE.GROUP.withinTarget`; `@month` (etc.) overrides `per` for this target. */
export function parseStaffTarget(text: string, per: TargetPer, scenario: ResolvedScenario): StaffTarget {
  const incident = INCIDENT_FORM.exec(text);
  if (incident !== null) return parseIncidentTarget(incident, text, per, scenario);
  const m = FORM.exec(text);
  if (m === null) {
    throw new TargetSyntaxError(`--target ${JSON.stringify(text)}: expected METRIC>=VALUE or METRIC<=VALUE (optionally @interval, @month or @horizon) with METRIC one of queues.Q.abandonedRatio, queues.Q.serviceLevel, queues.Q.answeredWithinTarget, queues.Q.answeredWithinNs (N seconds), incidents.GRADE.AREA.withinTarget (AREA an area, urban, rural or all), for example 'queues.999.answeredWithin10s>=0.90'`);
  }
  const [, metric, queueName, measure, op, raw, own] = m;
  const judgedPer = (own as TargetPer | undefined) ?? per;
  const value = raw.endsWith('%') ? Number(raw.slice(0, -1)) / 100 : Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > 1) throw new TargetSyntaxError(`--target ${JSON.stringify(text)}: the value must be a ratio from 0 to 1 (or a percentage), found ${raw}`);
  const queue = scenario.queues.find((q) => q.name === queueName);
  if (queue === undefined) throw new TargetSyntaxError(`--target ${JSON.stringify(text)}: the scenario has no queue named ${JSON.stringify(queueName)} (queues: ${scenario.queues.map((q) => q.name).join(', ')})`);
  if (!scenario.handlers.pools.some((p) => p.serves.includes(queueName))) {
    throw new TargetSyntaxError(`--target ${JSON.stringify(text)}: no handler pool serves queue ${queueName}, so no staffing can change it`);
  }
  const within = /^answeredWithin(\d+(?:\.\d+)?)s$/.exec(measure);
  let kind: CountKind;
  let thresholdSeconds = NaN;
  if (measure === 'abandonedRatio') kind = 'abandonedOfOffered';
  else if (measure === 'serviceLevel') [kind, thresholdSeconds] = ['withinOfOffered', queue.targetSeconds];
  else if (measure === 'answeredWithinTarget') [kind, thresholdSeconds] = ['withinOfAnswered', queue.targetSeconds];
  else if (within !== null) [kind, thresholdSeconds] = ['withinOfAnswered', Number(within[1])];
  else throw new TargetSyntaxError(`--target ${JSON.stringify(text)}: cannot staff for ${measure}; use abandonedRatio, serviceLevel, answeredWithinTarget or answeredWithinNs`);
  const wantedOp: TargetOp = kind === 'abandonedOfOffered' ? '<=' : '>=';
  if (op !== wantedOp) throw new TargetSyntaxError(`--target ${JSON.stringify(text)}: ${measure} is staffed for as ${kind === 'abandonedOfOffered' ? 'a ceiling' : 'a floor'}; write ${metric}${wantedOp}${raw}`);
  return { metric, op: wantedOp, value, per: judgedPer, queue: queueName, kind, thresholdSeconds };
}

/** True when `value` meets the target. */
export function meets(target: Pick<StaffTarget, 'op' | 'value'>, value: number): boolean {
  return target.op === '>=' ? value >= target.value : value <= target.value;
}
