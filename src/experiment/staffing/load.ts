/**
 * Reading load from staffing replications: arrival rates per queue and interval, and the offered
 * load (erlangs) on each searched pool (busy handler-seconds plus the handle time of callers who
 * abandoned) or area (busy unit-seconds), over the interval's seconds in the counted window,
 * averaged over replications; incidents a second per area.
 */
import type { ResolvedScenario } from '../../model/resolved.js';
import type { IntervalRecord } from './interval-monitor.js';
import { type IntervalScheme, intervalSeconds } from './intervals.js';
import type { Resource } from './resources.js';

export interface LoadView {
  /** Calls a second, per queue name, per interval. */
  arrivalRate: Record<string, number[]>;
  /** Incidents of dispatched grades a second, per dispatch area (scenario order), per interval. */
  incidentRate: number[][];
  /** Per dispatch area: mean unit-seconds per incident (travel and on scene) over the run; NaN without incidents. */
  unitSecondsPerIncident: number[];
  /** Per searched resource (in search order): erlangs per interval. */
  offeredLoad: number[][];
}

export function analyseLoad(scenario: ResolvedScenario, scheme: IntervalScheme, records: readonly IntervalRecord[], resources: readonly Resource[]): LoadView {
  const seconds = intervalSeconds(scheme, scenario.warmupSeconds, scenario.horizonSeconds);
  const reps = records.length;
  const perSecond = (pick: (r: IntervalRecord) => readonly number[]): number[] =>
    seconds.map((s, i) => (s > 0 ? records.reduce((sum, r) => sum + pick(r)[i], 0) / (s * reps) : 0));
  const arrivalRate: Record<string, number[]> = {};
  scenario.queues.forEach((q, qi) => {
    arrivalRate[q.name] = perSecond((r) => r.offered[qi]);
  });
  const areas = scenario.dispatch?.areas ?? [];
  const incidentRate = areas.map((_, a) => perSecond((r) => r.incidents[a]));
  const total = (pick: (r: IntervalRecord) => readonly number[]): number => records.reduce((s, r) => s + pick(r).reduce((x, y) => x + y, 0), 0);
  const unitSecondsPerIncident = areas.map((_, a) => {
    const n = total((r) => r.incidents[a]);
    return n > 0 ? total((r) => r.unitBusySeconds[a]) / n : NaN;
  });
  const offeredLoad = resources.map((res) => {
    if (res.kind === 'area') return perSecond((r) => r.unitBusySeconds[res.index]);
    const busy = perSecond((r) => r.busySeconds[res.index]);
    const lost = perSecond((r) => r.lostWorkSeconds[res.index]);
    return busy.map((b, i) => b + lost[i]);
  });
  return { arrivalRate, incidentRate, unitSecondsPerIncident, offeredLoad };
}
