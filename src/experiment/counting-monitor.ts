/**
 * A monitor that passes every record to the run's collector and, where a policy needs them, to
 * this hour's queue counts and to a caller's own observer (`simulate(..., { monitor })`). Only
 * the records a consumer has are forwarded, so a plain run pays nothing for it.
 */
import type { ModelMonitor } from '../model/monitor.js';
import type { HourlyQueueCounts } from '../policies/hour-counts.js';

/** Any subset of the model's records a caller wants to see (each is called after the collector). */
export type RunObserver = Partial<ModelMonitor>;

const METHODS = [
  'begin', 'queueEntered', 'queueLeft', 'callbackAccepted', 'redialScheduled', 'callEnded', 'poolLevel', 'queueLevel',
  'incidentCreated', 'incidentAttended', 'incidentOpen', 'unitLevel', 'dispatchQueueLevel', 'victimUpdate', 'incidentUpgraded',
  'mechanismEvent', 'priorityTierAttended', 'end',
] as const satisfies readonly (keyof ModelMonitor)[];
// Fails to compile when the monitor gains a record this list lacks.
const everyRecord: Exclude<keyof ModelMonitor, (typeof METHODS)[number]> extends never ? true : never = true;
void everyRecord;

type Record = (...args: unknown[]) => void;
const method = (target: object | undefined, name: string): Record | undefined => {
  const f = (target as { [k: string]: unknown } | undefined)?.[name];
  return typeof f === 'function' ? (f as Record).bind(target) : undefined;
};

/** The collector alone when nothing else listens; otherwise a monitor that tells each listener. */
export function teeMonitor(collector: ModelMonitor, counts: HourlyQueueCounts | undefined, observer: RunObserver | undefined): ModelMonitor {
  if (counts === undefined && observer === undefined) return collector;
  const tee: { [k: string]: Record } = {};
  for (const m of METHODS) {
    const own = method(collector, m);
    const extra = method(observer, m);
    tee[m] = (...args: unknown[]): void => {
      own?.(...args);
      extra?.(...args);
    };
  }
  if (counts !== undefined) {
    const { begin, queueEntered, queueLeft } = tee as unknown as ModelMonitor;
    const t = tee as unknown as ModelMonitor;
    t.begin = (layout) => {
      begin(layout);
      counts.begin(layout);
    };
    t.queueEntered = (queue, at, call) => {
      queueEntered(queue, at, call);
      counts.entered(queue, at);
    };
    t.queueLeft = (queue, at, outcome, answerSeconds, call) => {
      queueLeft(queue, at, outcome, answerSeconds, call);
      counts.left(queue, at, outcome, answerSeconds);
    };
  }
  return tee as unknown as ModelMonitor;
}
