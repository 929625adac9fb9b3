/**
 * The stationary (Erlang) requirement of each interval: the pool's arrivals in the interval treated
 * as a queue in steady state (Erlang A where the target's queue has patience, Erlang C otherwise).
 * `fromArrivals` is the per-interval Erlang spreadsheet; `fromOfferedLoad` is the ISA step: the
 * same formula on the load the previous simulation actually put on the pool (busy plus abandoned
 * work), which carries load over from earlier hours.
 */
import { makeDistribution } from '../../engine/distributions.js';
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
    if (!serves.includes(t.queue)) continue;
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
