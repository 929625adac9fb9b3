/**
 * Reading load from staffing replications: arrival rates per queue and interval, and the offered
 * load (erlangs) on each searched pool: busy handler-seconds plus the handle time of callers who
 * abandoned, over the interval's seconds in the counted window, averaged over replications.
 */
import { Calendar } from '../../engine/calendar.js';
import type { ResolvedScenario } from '../../model/resolved.js';
import type { IntervalRecord } from './interval-monitor.js';
import { type IntervalKind, intervalSeconds } from './intervals.js';

export interface LoadView {
  /** Calls a second, per queue name, per interval. */
  arrivalRate: Record<string, number[]>;
  /** Per searched pool (in search order): erlangs per interval. */
  offeredLoad: number[][];
}

export function analyseLoad(scenario: ResolvedScenario, kind: IntervalKind, records: readonly IntervalRecord[], poolIndex: readonly number[]): LoadView {
  const seconds = intervalSeconds(kind, new Calendar(scenario.startEpochMs), scenario.warmupSeconds, scenario.horizonSeconds);
  const reps = records.length;
  const perSecond = (pick: (r: IntervalRecord) => readonly number[]): number[] =>
    seconds.map((s, i) => (s > 0 ? records.reduce((sum, r) => sum + pick(r)[i], 0) / (s * reps) : 0));
  const arrivalRate: Record<string, number[]> = {};
  scenario.queues.forEach((q, qi) => {
    arrivalRate[q.name] = perSecond((r) => r.offered[qi]);
  });
  const offeredLoad = poolIndex.map((p) => {
    const busy = perSecond((r) => r.busySeconds[p]);
    const lost = perSecond((r) => r.lostWorkSeconds[p]);
    return busy.map((b, i) => b + lost[i]);
  });
  return { arrivalRate, offeredLoad };
}
