import { erlangA } from './erlang-a.js';
import { erlangCServiceLevel } from './erlang-c.js';

/** What a staffing target asks of one stationary queue. */
export type StationaryMeasure = 'abandonedOfOffered' | 'withinOfOffered' | 'withinOfAnswered';

export interface StationaryQueue {
  /** Calls a second. */
  arrivalRate: number;
  /** 1 / mean handling seconds (talk plus wrap-up). */
  serviceRate: number;
  /** 1 / mean patience seconds; absent or 0: callers never abandon (Erlang C). */
  patienceRate?: number;
}

/** The measure with `servers` handlers: Erlang A with patience, Erlang C without. */
export function stationaryMeasure(q: StationaryQueue, servers: number, measure: StationaryMeasure, thresholdSeconds: number): number {
  const theta = q.patienceRate ?? 0;
  const limit = Number.isFinite(thresholdSeconds) ? Math.max(0, thresholdSeconds) : 0;
  if (theta > 0) {
    const a = erlangA(q.arrivalRate, q.serviceRate, servers, theta, limit);
    if (measure === 'abandonedOfOffered') return a.abandonProbability;
    if (measure === 'withinOfOffered') return a.serviceLevel;
    return a.serviceLevel / (1 - a.abandonProbability);
  }
  if (measure === 'abandonedOfOffered') return servers * q.serviceRate > q.arrivalRate ? 0 : 1;
  return erlangCServiceLevel(q.arrivalRate, q.serviceRate, servers, limit);
}

/**
 * The inverse Erlang question: the smallest number of handlers whose stationary measure meets
 * `value` (at most for abandonment, at least otherwise), searched upward from 1; NaN when even
 * `maxServers` does not (for example a service-level limit shorter than the BT leg). No arrivals: 0.
 */
export function requiredServers(q: StationaryQueue, measure: StationaryMeasure, thresholdSeconds: number, value: number, maxServers: number): number {
  if (!(q.arrivalRate > 0)) return 0;
  if (measure !== 'abandonedOfOffered' && thresholdSeconds < 0) return NaN;
  const ok = (c: number): boolean => {
    const v = stationaryMeasure(q, c, measure, thresholdSeconds);
    return measure === 'abandonedOfOffered' ? v <= value : v >= value;
  };
  for (let c = 1; c <= maxServers; c++) if (ok(c)) return c;
  return NaN;
}
