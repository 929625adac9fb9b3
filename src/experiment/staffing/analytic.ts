/**
 * The stationary (Erlang) requirement of each interval: the pool's arrivals in the interval treated
 * as a queue in steady state (Erlang A where the target's queue has patience, Erlang C otherwise).
 * `fromArrivals` is the per-interval Erlang spreadsheet; `fromOfferedLoad` is the ISA step: the
 * same formula on the load the previous simulation actually put on the pool (busy plus abandoned
 * work), which carries load over from earlier hours. Response units per area: Erlang C with the
 * travel time added to the wait (`unitRequirement`).
 */
import { makeDistribution } from '../../engine/distributions.js';
import { RandomStream } from '../../engine/random.js';
import { erlangC } from '../../metrics/analytical/erlang-c.js';
import { requiredServers, type StationaryQueue } from '../../metrics/analytical/erlang-staffing.js';
import type { ResolvedScenario } from '../../model/resolved.js';
import type { StaffTarget } from './staffing-targets.js';

const meanOf = (spec: unknown): number => (spec === undefined ? 0 : makeDistribution(spec).mean);

/** Mean talk plus wrap-up seconds per queue served by handlers. */
export function meanServiceSeconds(scenario: ResolvedScenario, queue: string): number {
  return meanOf(scenario.handlers.handleSeconds[queue]) + meanOf(scenario.handlers.wrapUpSeconds);
}

/** Mean BT transfer seconds before a queue (channels that enter it directly), 0 when none. */
export function meanTransferSeconds(scenario: ResolvedScenario, queue: string): number {
  const legs = scenario.channels.filter((c) => c.queue === queue && c.ivr === undefined && c.btTransferSeconds !== undefined);
  return legs.length === 0 ? 0 : Math.max(...legs.map((c) => meanOf(c.btTransferSeconds)));
}

export interface PoolLoad {
  /** Calls a second per queue the pool serves, per interval. */
  arrivalRate: Record<string, number[]>;
}

/** The Erlang requirement of one pool in one interval for every target on a queue it serves (the largest). */
function requirement(scenario: ResolvedScenario, serves: readonly string[], targets: readonly StaffTarget[], rates: Record<string, number>, maxStaff: number): number {
  let total = 0;
  let work = 0;
  for (const q of serves) {
    total += rates[q] ?? 0;
    work += (rates[q] ?? 0) * meanServiceSeconds(scenario, q);
  }
  if (!(total > 0)) return 0;
  let need = 0;
  for (const t of targets) {
    if (t.kind === 'attendedWithinTarget' || !serves.includes(t.queue)) continue;
    const patience = scenario.queues.find((q) => q.name === t.queue)?.patienceSeconds;
    const queue: StationaryQueue = { arrivalRate: total, serviceRate: total / work, patienceRate: patience === undefined ? 0 : 1 / meanOf(patience) };
    const threshold = t.kind === 'abandonedOfOffered' ? 0 : t.thresholdSeconds - meanTransferSeconds(scenario, t.queue);
    const c = requiredServers(queue, t.kind, threshold, t.value, maxStaff);
    need = Math.max(need, Number.isNaN(c) ? maxStaff : c);
  }
  return need;
}

/** Per interval: the Erlang requirement from arrival rates (calls a second per queue). */
export function erlangRequirement(
  scenario: ResolvedScenario, serves: readonly string[], targets: readonly StaffTarget[], ratesByQueue: Record<string, readonly number[]>, maxStaff: number,
): number[] {
  const n = Object.values(ratesByQueue)[0]?.length ?? 0;
  return Array.from({ length: n }, (_, i) => {
    const rates: Record<string, number> = {};
    for (const q of serves) rates[q] = ratesByQueue[q]?.[i] ?? 0;
    return requirement(scenario, serves, targets, rates, maxStaff);
  });
}

/**
 * ISA step: the offered load m (erlangs) per interval turned into equivalent arrival rates (m over
 * the mean service time, split across queues in proportion to their arrivals), then Erlang.
 */
export function isaRequirement(
  scenario: ResolvedScenario, serves: readonly string[], targets: readonly StaffTarget[], ratesByQueue: Record<string, readonly number[]>,
  offeredLoad: readonly number[], maxStaff: number,
): number[] {
  const scaled: Record<string, number[]> = {};
  for (const q of serves) scaled[q] = [];
  offeredLoad.forEach((m, i) => {
    let work = 0;
    for (const q of serves) work += (ratesByQueue[q]?.[i] ?? 0) * meanServiceSeconds(scenario, q);
    const factor = work > 0 ? m / work : 0;
    for (const q of serves) scaled[q][i] = (ratesByQueue[q]?.[i] ?? 0) * factor;
  });
  return erlangRequirement(scenario, serves, targets, scaled, maxStaff);
}

/**
 * The share of incidents attended within `limitSeconds` when an area is an M/M/c queue of units
 * (Erlang C): arrivals `arrivalRate` incidents a second, each holding a unit `serviceSeconds`
 * (travel and on scene), and the attendance time the wait for a free unit plus the travel time,
 * travel independent of the wait: P(W + τ ≤ T) = E[1{τ ≤ T}(1 − C(c, a)·e^(−(cμ − λ)(T − τ)))],
 * the expectation over `travelSeconds` (draws of the area's travel time). 0 when c ≤ a.
 */
export function attendanceWithin(arrivalRate: number, serviceSeconds: number, units: number, travelSeconds: readonly number[], limitSeconds: number): number {
  if (!(arrivalRate > 0)) return travelSeconds.filter((t) => t <= limitSeconds).length / travelSeconds.length;
  const mu = 1 / serviceSeconds;
  const drain = units * mu - arrivalRate;
  if (!(drain > 0)) return 0;
  const wait = erlangC(units, arrivalRate / mu);
  let sum = 0;
  for (const t of travelSeconds) if (t <= limitSeconds) sum += 1 - wait * Math.exp(-drain * (limitSeconds - t));
  return sum / travelSeconds.length;
}

/** Smallest c with `attendanceWithin` at least `value`; NaN when travel alone misses it or c would pass `maxUnits`. */
export function requiredUnits(arrivalRate: number, serviceSeconds: number, travelSeconds: readonly number[], limitSeconds: number, value: number, maxUnits: number): number {
  if (!(arrivalRate > 0)) return 0;
  if (attendanceWithin(0, serviceSeconds, 1, travelSeconds, limitSeconds) < value) return NaN;
  for (let c = Math.max(1, Math.floor(arrivalRate * serviceSeconds) + 1); c <= maxUnits; c++) {
    if (attendanceWithin(arrivalRate, serviceSeconds, c, travelSeconds, limitSeconds) >= value) return c;
  }
  return NaN;
}

/** Draws of an area's travel time in seconds (a fixed stream, so the analytic column is the same every run). */
export function travelDraws(scenario: ResolvedScenario, area: number, count = 2000): number[] {
  const spec = scenario.dispatch?.areas[area]?.travelMinutes;
  if (spec === undefined) return [0];
  const dist = makeDistribution(spec);
  const stream = new RandomStream(`staffing-travel-${area}`);
  return Array.from({ length: count }, () => dist.sample(stream) * 60);
}

/**
 * Per interval, the Erlang C requirement of units in area `area` for every attendance target that
 * judges it (the largest), from incidents a second per interval. All dispatched incidents are one
 * first-come queue (an Immediate target ignores the priority Immediate has over Priority), no help
 * from neighbours, and the attendance clock starts at the incident's creation.
 */
export function unitRequirement(
  scenario: ResolvedScenario, area: number, targets: readonly StaffTarget[], incidentRate: readonly number[], serviceSeconds: number, travel: readonly number[], maxUnits: number,
): number[] {
  return incidentRate.map((rate) => {
    let need = 0;
    for (const t of targets) {
      const limit = t.attendSeconds?.[area] ?? NaN;
      if (Number.isNaN(limit)) continue;
      const c = Number.isFinite(serviceSeconds) ? requiredUnits(rate, serviceSeconds, travel, limit, t.value, maxUnits) : 0;
      need = Math.max(need, Number.isNaN(c) ? maxUnits : c);
    }
    return need;
  });
}
