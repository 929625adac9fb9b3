/**
 * Staffing targets as written on the command line: `queues.999.answeredWithin10s>=0.90`, judged
 * per interval, per month or over the horizon. Each names a queue and a ratio the simulation can
 * count per interval: abandoned of offered, answered within a time of offered (serviceLevel) or
 * of answered (answeredWithinTarget, answeredWithinNs).
 */
import type { ResolvedScenario } from '../../model/resolved.js';

export type TargetPer = 'interval' | 'month' | 'horizon';
export const TARGET_PERS: readonly TargetPer[] = ['interval', 'month', 'horizon'];

export type TargetOp = '>=' | '<=';

/** What a target counts: numerator over denominator per interval. */
export type CountKind = 'abandonedOfOffered' | 'withinOfOffered' | 'withinOfAnswered';

export interface StaffTarget {
  /** As written, for example `queues.999.answeredWithin10s`. */
  metric: string;
  op: TargetOp;
  value: number;
  per: TargetPer;
  queue: string;
  kind: CountKind;
  /** Answer-time limit in seconds for the `within` kinds (NaN for abandonment). */
  thresholdSeconds: number;
}

/** A target that cannot be parsed or names nothing in the scenario. */
export class TargetSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TargetSyntaxError';
  }
}

const FORM = /^\s*(queues\.([^.]+)\.([A-Za-z0-9]+))\s*(>=|<=)\s*([0-9.]+%?)\s*(?:@\s*(interval|month|horizon))?\s*$/;

/** Parses one `--target`; `queues.Q.*` metrics whose Q the scenario has; `@month` (etc.) overrides `per` for this target. */
export function parseStaffTarget(text: string, per: TargetPer, scenario: ResolvedScenario): StaffTarget {
  const m = FORM.exec(text);
  if (m === null) {
    throw new TargetSyntaxError(`--target ${JSON.stringify(text)}: expected METRIC>=VALUE or METRIC<=VALUE (optionally @interval, @month or @horizon) with METRIC one of queues.Q.abandonedRatio, queues.Q.serviceLevel, queues.Q.answeredWithinTarget, queues.Q.answeredWithinNs (N seconds), for example 'queues.999.answeredWithin10s>=0.90'`);
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
