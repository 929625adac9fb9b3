/**
 * Why a target cannot be met: said in a planner's terms from what the ample simulation showed and
 * what the scenario holds (a BT leg that alone is longer than the answer limit, callers who leave
 * before anyone could answer them, travel alone longer than an attendance target, or a search cap
 * below the load).
 */
import { makeDistribution } from '../../engine/distributions.js';
import type { ResolvedScenario } from '../../model/resolved.js';
import { travelDraws } from './analytic.js';
import { formatRatio } from './format.js';
import type { LoadView } from './load.js';
import { type StaffTarget, targetAreas } from './staffing-targets.js';
import type { Estimate } from './verdicts.js';

export function explainImpossible(scenario: ResolvedScenario, target: StaffTarget, bad: readonly { key: string; est: Estimate }[], maxStaff: number, load: LoadView): string {
  const worst = bad.reduce((w, x) => ((target.op === '>=' ? x.est.mean < w.est.mean : x.est.mean > w.est.mean) ? x : w));
  const peakLoad = Math.max(0, ...load.offeredLoad.flat());
  const head = `target ${target.metric}${target.op}${target.value} (per ${target.per}) cannot be met: with ${maxStaff} ${target.kind === 'attendedWithinTarget' ? 'units' : 'handlers'} in every interval (--max-staff) it is ${formatRatio(worst.est.mean)}${Number.isFinite(worst.est.ci95) ? ` ± ${formatRatio(worst.est.ci95)}` : ''} at ${worst.key}`;
  // A cap not far above the load: more handlers might do.
  if (maxStaff < peakLoad + 3 * Math.sqrt(peakLoad) + 3) {
    return `${head}; the peak offered load is ${peakLoad.toFixed(1)} erlangs, so --max-staff ${maxStaff} is too low: raise it`;
  }
  if (target.kind === 'attendedWithinTarget') {
    const area = targetAreas(target)[0];
    const a = scenario.dispatch?.areas[area];
    const limit = target.attendSeconds?.[area] ?? NaN;
    const draws = travelDraws(scenario, area);
    const late = draws.filter((t) => t > limit).length / draws.length;
    const mean = draws.reduce((x, y) => x + y, 0) / draws.length / 60;
    const clock = scenario.dispatch?.attendanceFrom !== 'incidentCreated' ? `; the clock starts at the call (${scenario.dispatch?.attendanceFrom}), so handling time counts too` : '';
    return `${head}, although units wait for incidents: in area ${a?.name ?? area} the travel alone (mean ${mean.toFixed(1)} min) takes longer than the ${(limit / 60).toFixed(0)}-minute target for ${formatRatio(late)} of incidents${clock}, and no number of units shortens it`;
  }
  const legs = scenario.channels.filter((c) => c.queue === target.queue && c.btTransferSeconds !== undefined);
  if (target.kind !== 'abandonedOfOffered' && legs.length > 0) {
    const bt = makeDistribution(legs[0].btTransferSeconds);
    return `${head}, although no caller waits for a handler: answer time includes the BT transfer leg (channel ${legs[0].name}, mean ${bt.mean.toFixed(1)} s), which alone exceeds ${target.thresholdSeconds} s for the rest of the calls, and no staffing shortens it`;
  }
  if (target.kind === 'abandonedOfOffered' || target.kind === 'withinOfOffered') {
    return `${head}, although handlers wait for callers: callers whose patience runs out before they are answered (or before the handler's pick-up) leave whatever the staffing`;
  }
  return `${head}, with ample staff: nothing that handlers do can reach it`;
}
