/**
 * A monitor that passes every record to the run's collector and, where a policy needs them, to
 * this hour's queue counts and to a caller's own observer (`simulate(..., { monitor })`). Only
 * the records a consumer has are forwarded, so a plain run pays nothing for it.
 */
import type { ModelMonitor } from '../model/monitor.js';
import type { HourlyQueueCounts } from '../policies/hour-counts.js';

/** Any subset of the model's records a caller wants to see (each is called after the collector). */
export type RunObserver = Partial<ModelMonitor>;

type Method = Exclude<keyof ModelMonitor, never>;

/** The collector alone when nothing else listens; otherwise a monitor that tells each listener. */
export function teeMonitor(collector: ModelMonitor, counts: HourlyQueueCounts | undefined, observer: RunObserver | undefined): ModelMonitor {
  if (counts === undefined && observer === undefined) return collector;
  const tee = Object.create(null) as Record<Method, (...args: never[]) => void>;
  const methods = Object.getOwnPropertyNames(Object.getPrototypeOf(collector)).filter((m) => m !== 'constructor') as Method[];
  for (const m of new Set<Method>([...methods, ...(Object.keys(observer ?? {}) as Method[])])) {
    const own = (collector[m] as ((...args: unknown[]) => void) | undefined)?.bind(collector);
    const extra = (observer?.[m] as ((...args: unknown[]) => void) | undefined)?.bind(observer);
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
