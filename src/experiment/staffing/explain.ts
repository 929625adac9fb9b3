/**
 * Why the simulated requirement of an interval differs from the Erlang one by more than one
 * handler: the reasons a stationary single-queue formula cannot see, read from the scenario and
 * the ample simulation's load.
 */
import type { ResolvedScenario } from '../../model/resolved.js';
import { meanServiceSeconds } from './analytic.js';
import type { LoadView } from './load.js';
import type { StaffTarget } from './staffing-targets.js';

export function explainDifference(
  scenario: ResolvedScenario, pool: string, serves: readonly string[], targets: readonly StaffTarget[], load: LoadView, offeredLoad: readonly number[], i: number, n: number,
): string[] {
  const reasons: string[] = [];
  let fresh = 0;
  for (const q of serves) fresh += (load.arrivalRate[q]?.[i] ?? 0) * meanServiceSeconds(scenario, q);
  const m = offeredLoad[i];
  if (fresh > 0 && Math.abs(m - fresh) > 0.1 * fresh) {
    const prev = offeredLoad[(i - 1 + n) % n];
    reasons.push(`load carried over: ${m.toFixed(1)} erlangs in service against ${fresh.toFixed(1)} from this hour's arrivals${prev > m ? ' (the busier previous hour is still being served)' : ''}`);
  }
  const mine = targets.filter((t) => serves.includes(t.queue));
  if (mine.some((t) => scenario.queues.find((q) => q.name === t.queue)?.patienceSeconds !== undefined)) reasons.push('abandonment: callers who leave take their work with them');
  if (serves.length > 1 && mine.some((t) => t.queue !== serves[0])) reasons.push(`priority: ${mine.filter((t) => t.queue !== serves[0]).map((t) => t.queue).join(', ')} waits behind ${serves[0]} in this pool`);
  const shared = mine.filter((t) => scenario.handlers.pools.filter((p) => p.serves.includes(t.queue)).length > 1);
  if (shared.length > 0) reasons.push(`shared pool: ${shared.map((t) => t.queue).join(', ')} is also served by another pool than ${pool}`);
  if (reasons.length === 0) reasons.push('non-exponential handle or patience times, or the answer clock including a transfer leg');
  return reasons;
}

/** The same for an area's response units: what Erlang C on one first-come queue of incidents leaves out. */
export function explainUnitDifference(scenario: ResolvedScenario, area: number, load: LoadView, offeredLoad: readonly number[], i: number, n: number): string[] {
  const reasons: string[] = [];
  const fresh = (load.incidentRate[area]?.[i] ?? 0) * (load.unitSecondsPerIncident[area] ?? 0);
  const m = offeredLoad[i];
  if (fresh > 0 && Math.abs(m - fresh) > 0.1 * fresh) {
    const prev = offeredLoad[(i - 1 + n) % n];
    reasons.push(`load carried over: ${m.toFixed(1)} units busy against ${fresh.toFixed(1)} from this hour's incidents${prev > m ? ' (the busier previous hour is still being attended)' : ''}`);
  }
  const d = scenario.dispatch;
  const a = d?.areas[area];
  if (d !== undefined && d.dispatchedGrades.length > 1) reasons.push(`priority: ${d.dispatchedGrades.join(' before ')} share the units, not one first-come queue`);
  if (a !== undefined && a.neighbours.length > 0) reasons.push(`neighbours: units of ${a.neighbours.map((i) => d?.areas[i]?.name ?? String(i)).join(', ')} help after ${((a.helpAfterMinutes ?? 0)).toFixed(0)} min, and this area's units help them`);
  if (d !== undefined && d.attendanceFrom !== 'incidentCreated') reasons.push(`the attendance clock starts at the call (${d.attendanceFrom}), before the incident exists`);
  if (reasons.length === 0) reasons.push('non-exponential on-scene or travel times, or diverts and re-grading');
  return reasons;
}
