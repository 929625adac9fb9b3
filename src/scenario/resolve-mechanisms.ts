import type { DistributionSpec } from '../engine/distributions.js';
import type { ResolvedCallers, ResolvedChannelShift, ResolvedOnlineReports } from '../model/callers/types.js';
import type { ResolvedDispatch } from '../model/dispatch/types.js';
import type { Problems } from './problems.js';
import type { WrittenScenario } from './schema.js';

/** What resolving the optional caller mechanisms needs to know. */
export interface MechanismContext {
  problems: Problems;
  channelNames: readonly string[];
  hasGrading: boolean;
}

const dist = (spec: unknown): DistributionSpec => (typeof spec === 'number' ? { fixed: spec } : (spec as DistributionSpec));

/** `callers`, `channelShift` and `onlineReports` (issue 15): each only when written, with its references checked. */
export function resolveMechanisms(
  w: WrittenScenario,
  ctx: MechanismContext,
): { callers?: ResolvedCallers; channelShift?: Record<string, ResolvedChannelShift>; onlineReports?: Record<string, ResolvedOnlineReports> } {
  const { problems, channelNames } = ctx;
  const out: { callers?: ResolvedCallers; channelShift?: Record<string, ResolvedChannelShift>; onlineReports?: Record<string, ResolvedOnlineReports> } = {};
  if (w.callers !== undefined) {
    // Recognition is a grading decision: without grading there is nothing for a repeat to change.
    if (!ctx.hasGrading) problems.add(['callers'], 'a scenario with grading (repeat callers are recognised, or not, when a call is graded)', 'no grading section', true);
    const callers: ResolvedCallers = { repeatWindowSeconds: w.callers.repeatWindowDays * 86_400 };
    if (w.callers.callAgain !== undefined) callers.callAgain = { probability: w.callers.callAgain.probability, delayHours: dist(w.callers.callAgain.delayHours) };
    out.callers = callers;
  }
  if (w.channelShift !== undefined) {
    const shift: Record<string, ResolvedChannelShift> = {};
    for (const [from, s] of Object.entries(w.channelShift)) {
      problems.name(['channelShift', from], from, channelNames, 'a declared channel');
      problems.name(['channelShift', from, 'to'], s.to, channelNames, 'a declared channel');
      if (s.to === from) problems.add(['channelShift', from, 'to'], 'another channel than the one abandoned', s.to);
      shift[from] = { to: s.to, probability: s.probability, delaySeconds: dist(s.delaySeconds) };
    }
    out.channelShift = shift;
  }
  if (w.onlineReports !== undefined) {
    const online: Record<string, ResolvedOnlineReports> = {};
    for (const [name, o] of Object.entries(w.onlineReports)) {
      const at = ['onlineReports', name];
      problems.name(at, name, channelNames, 'a declared channel');
      if (channelNames.includes(name) && w.channels[name]?.ivr === undefined) problems.add(at, 'a channel with an IVR (online reports are its deflected calls)', 'a channel without ivr', true);
      const channel = o.channel ?? name;
      if (o.channel !== undefined) problems.name([...at, 'channel'], o.channel, channelNames, 'a declared channel');
      if (o.callBack + o.incident > 1 + 1e-9) problems.add([...at, 'incident'], 'callBack + incident at most 1', `a sum of ${Number((o.callBack + o.incident).toPrecision(12))}`, true);
      if (o.incident > 0 && !ctx.hasGrading) problems.add([...at, 'incident'], 'a scenario with grading (an online report becomes an incident through grading)', 'no grading section', true);
      online[name] = { callBack: o.callBack, incident: o.incident, delayHours: dist(o.delayHours), channel };
    }
    out.onlineReports = online;
  }
  return out;
}

type TargetPair = number | { urban?: number; rural?: number };
const pair = (t: TargetPair): { urban: number; rural: number } | undefined =>
  typeof t === 'number' ? { urban: t, rural: t } : t.urban !== undefined && t.rural !== undefined ? { urban: t.urban, rural: t.rural } : undefined;

/** `dispatch.prioritySplit`: both targets for both area kinds. */
export function resolvePrioritySplit(written: NonNullable<WrittenScenario['dispatch']>['prioritySplit'], problems: Problems): ResolvedDispatch['prioritySplit'] {
  if (written === undefined) return undefined;
  const at = ['dispatch', 'prioritySplit', 'targetMinutes'];
  const high = pair(written.targetMinutes.high);
  const standard = pair(written.targetMinutes.standard);
  if (high === undefined) problems.add([...at, 'high'], 'minutes (a number) or { urban, rural } with both kinds', written.targetMinutes.high);
  if (standard === undefined) problems.add([...at, 'standard'], 'minutes (a number) or { urban, rural } with both kinds', written.targetMinutes.standard);
  return { high: written.high, targets: { high: high ?? { urban: 60, rural: 60 }, standard: standard ?? { urban: 60, rural: 60 } } };
}
