/**
 * What the search staffs: handler pools (answering queues) and dispatch areas (response units
 * attending incidents). One list of resources, so the search, its verdicts and the proof treat
 * both alike; the scenario with a staffing gives each resource one headcount per interval.
 */
import { rosterPieces } from '../../engine/roster.js';
import type { RosterSpec } from '../../engine/profile-types.js';
import type { ResolvedScenario } from '../../model/resolved.js';
import { type IntervalKind, type IntervalScheme, intervalScheme } from './intervals.js';
import { type StaffTarget, targetAreas } from './staffing-targets.js';

export interface Resource {
  kind: 'pool' | 'area';
  name: string;
  /** Index in `handlers.pools` or `dispatch.areas`. */
  index: number;
}

export type Staffing = number[][];

export function resourcesOf(scenario: ResolvedScenario, pools: readonly string[], areas: readonly string[] = []): Resource[] {
  const areaList = scenario.dispatch?.areas ?? [];
  return [
    ...pools.map((name): Resource => ({ kind: 'pool', name, index: scenario.handlers.pools.findIndex((p) => p.name === name) })),
    ...areas.map((name): Resource => ({ kind: 'area', name, index: areaList.findIndex((a) => a.name === name) })),
  ];
}

/** True when staffing resource `r` can move target `t`: a pool serving its queue, an area it judges. */
export function concerns(scenario: ResolvedScenario, r: Resource, t: StaffTarget): boolean {
  if (r.kind === 'pool') return t.queue !== '' && scenario.handlers.pools[r.index].serves.includes(t.queue);
  return targetAreas(t).includes(r.index);
}

/**
 * The scenario with each resource rostered by `roster(k)`. A searched area's dated extra units
 * are dropped: the roster found is the whole headcount on duty.
 */
export function withRosters(scenario: ResolvedScenario, resources: readonly Resource[], roster: (k: number) => RosterSpec): ResolvedScenario {
  const pools = scenario.handlers.pools.map((p, i) => {
    const k = resources.findIndex((r) => r.kind === 'pool' && r.index === i);
    return k < 0 ? p : { ...p, roster: roster(k) };
  });
  const dispatch = scenario.dispatch;
  const out: ResolvedScenario = { ...scenario, handlers: { ...scenario.handlers, pools } };
  if (dispatch !== undefined && resources.some((r) => r.kind === 'area')) {
    out.dispatch = {
      ...dispatch,
      areas: dispatch.areas.map((a, i) => {
        const k = resources.findIndex((r) => r.kind === 'area' && r.index === i);
        return k < 0 ? a : { ...a, units: roster(k), extraUnits: [] };
      }),
    };
  }
  return out;
}

/** The scenario with the searched resources rostered per interval. */
export function withStaffing(scenario: ResolvedScenario, resources: readonly Resource[], kind: IntervalKind, staff: Staffing): ResolvedScenario {
  const scheme = intervalScheme(kind, scenario);
  return withRosters(scenario, resources, (k) => scheme.roster(staff[k]));
}

/** Mean rostered headcount per interval over the horizon (extra units included for an area). */
export function currentRoster(scenario: ResolvedScenario, r: Resource, scheme: IntervalScheme): number[] {
  const calendar = scheme.calendar;
  const area = r.kind === 'area' ? scenario.dispatch?.areas[r.index] : undefined;
  const roster = area !== undefined ? area.units : scenario.handlers.pools[r.index].roster;
  const pieces = rosterPieces(roster, calendar, scenario.horizonSeconds);
  const n = scheme.count;
  const sum = new Array<number>(n).fill(0);
  const count = new Array<number>(n).fill(0);
  for (let t = 1800; t < scenario.horizonSeconds; t += 3600) {
    const i = scheme.of(t);
    const extra = (area?.extraUnits ?? []).reduce((s, e) => s + (t >= e.fromSeconds && t < e.toSeconds ? e.extra : 0), 0);
    sum[i] += pieces.valueAt(t) + extra;
    count[i]++;
  }
  return sum.map((s, i) => (count[i] > 0 ? s / count[i] : 0));
}
