/**
 * How far to raise an interval the simulation showed short. The stationary formula on the load the
 * simulation put on the resource misjudges it by some offset (transfer legs, priorities, load
 * carried over); assume that offset holds near the current staffing, and take the smallest staffing
 * whose formula value, less the offset, meets the target. At least one more, at most a quarter more
 * (and two): the verification that follows judges the new staffing, and the trim takes back any
 * excess. Raising by one at a time took a dozen whole-horizon simulations on the baseline.
 */
import { makeDistribution } from '../../engine/distributions.js';
import { stationaryMeasure } from '../../metrics/analytical/erlang-staffing.js';
import type { ResolvedScenario } from '../../model/resolved.js';
import { attendanceWithin, meanServiceSeconds, meanTransferSeconds } from './analytic.js';
import type { LoadView } from './load.js';
import type { Resource } from './resources.js';
import { meets, type StaffTarget } from './staffing-targets.js';

const makeMean = (spec: unknown): number => makeDistribution(spec).mean;

/** The formula's value of target `t` with `c` handlers (units) carrying offered load `m` erlangs. */
function formulaAt(scenario: ResolvedScenario, r: Resource, t: StaffTarget, load: LoadView, m: number, c: number, travel: readonly number[]): number {
  if (r.kind === 'area') {
    const s = load.unitSecondsPerIncident[r.index];
    const limit = t.attendSeconds?.[r.index] ?? NaN;
    if (!(s > 0) || Number.isNaN(limit)) return NaN;
    return attendanceWithin(m / s, s, c, travel, limit);
  }
  if (t.kind === 'attendedWithinTarget') return NaN;
  const service = meanServiceSeconds(scenario, t.queue);
  if (!(service > 0)) return NaN;
  const patience = scenario.queues.find((q) => q.name === t.queue)?.patienceSeconds;
  const patienceMean = patience === undefined ? 0 : makeMean(patience);
  const threshold = t.kind === 'abandonedOfOffered' ? 0 : t.thresholdSeconds - meanTransferSeconds(scenario, t.queue);
  return stationaryMeasure({ arrivalRate: m / service, serviceRate: 1 / service, patienceRate: patienceMean > 0 ? 1 / patienceMean : 0 }, c, t.kind, threshold);
}

/**
 * The staffing to try next for one resource in one interval that fell short at `current`:
 * `simulated` is each failing target's simulated mean there (NaN: not known).
 */
export function raiseTo(
  scenario: ResolvedScenario, r: Resource, failing: readonly { target: StaffTarget; simulated: number }[], load: LoadView, m: number, current: number, travel: readonly number[],
): number {
  const cap = current + Math.max(2, Math.ceil(current / 4));
  let next = current + 1;
  for (const { target, simulated } of failing) {
    const here = formulaAt(scenario, r, target, load, m, current, travel);
    if (!Number.isFinite(here) || !Number.isFinite(simulated)) continue;
    const offset = here - simulated;
    let c = current + 1;
    while (c < cap && !meets(target, formulaAt(scenario, r, target, load, m, c, travel) - offset)) c++;
    next = Math.max(next, c);
  }
  return next;
}
