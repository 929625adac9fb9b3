import type { DistributionSpec } from '../engine/distributions.js';
import { NATIONAL_ATTENDANCE_MINUTES, type Grade, type NeedMix, type ResolvedDispatch, type ResolvedGrading } from '../model/dispatch/types.js';
import type { Problems } from './problems.js';
import { asRoster } from './resolve-calls.js';
import { resolvePolicy } from './resolve-policy.js';
import type { WrittenScenario } from './schema.js';

export interface DispatchContext {
  problems: Problems;
  startEpochMs: number;
  horizonSeconds: number;
  queueNames: readonly string[];
  channelNames: readonly string[];
}

const dist = (spec: unknown): DistributionSpec => (typeof spec === 'number' ? { fixed: spec } : (spec as DistributionSpec));

function checkMix(mix: NeedMix, at: (string | number)[], problems: Problems): void {
  problems.sumsToOne(at, Object.values(mix).reduce<number>((a, b) => a + (b ?? 0), 0), 'grade probabilities');
}

/** `grading`: `need` keys go to the channel map, the queue map, or both when a name is both. */
export function resolveGrading(g: NonNullable<WrittenScenario['grading']>, ctx: DispatchContext): ResolvedGrading {
  const { problems } = ctx;
  const needByChannel: Record<string, NeedMix> = {};
  const needByQueue: Record<string, NeedMix> = {};
  for (const [key, mix] of Object.entries(g.need ?? {})) {
    const at = ['grading', 'need', key];
    checkMix(mix, at, problems);
    const isChannel = ctx.channelNames.includes(key);
    const isQueue = ctx.queueNames.includes(key);
    if (isChannel) needByChannel[key] = mix;
    if (isQueue) needByQueue[key] = mix;
    if (!isChannel && !isQueue) problems.name(at, key, [...ctx.channelNames, ...ctx.queueNames.filter((q) => !ctx.channelNames.includes(q))], 'a declared channel or queue');
  }
  for (const [key, mix] of Object.entries(g.needByChannel ?? {})) {
    checkMix(mix, ['grading', 'needByChannel', key], problems);
    problems.name(['grading', 'needByChannel', key], key, ctx.channelNames, 'a declared channel');
    needByChannel[key] = mix;
  }
  for (const [key, mix] of Object.entries(g.needByQueue ?? {})) {
    checkMix(mix, ['grading', 'needByQueue', key], problems);
    problems.name(['grading', 'needByQueue', key], key, ctx.queueNames, 'a declared queue');
    needByQueue[key] = mix;
  }
  // By index from here on: the model looks nothing up by name.
  const byIndex = (names: readonly string[], mixes: Record<string, NeedMix>): (NeedMix | null)[] => names.map((n) => (Object.hasOwn(mixes, n) ? mixes[n] : null));
  const out: ResolvedGrading = {
    needByChannel: byIndex(ctx.channelNames, needByChannel),
    needByQueue: byIndex(ctx.queueNames, needByQueue),
    flags: { repeat: g.flags?.repeat ?? 0, vulnerable: g.flags?.vulnerable ?? 0 },
    thrive: g.thrive ?? 1,
    recogniseRepeat: g.recogniseRepeat ?? 1,
    recogniseVulnerable: g.recogniseVulnerable ?? 1,
    undergradeIfMissed: g.undergradeIfMissed ?? 0,
  };
  // Only when given: a scenario without them resolves exactly as before.
  if (g.thriveSeconds !== undefined) out.thriveSeconds = dist(g.thriveSeconds);
  if (g.identifySeconds !== undefined) out.identifySeconds = dist(g.identifySeconds);
  if (g.undergradeMatrix !== undefined) {
    for (const [key, mix] of Object.entries(g.undergradeMatrix)) if (mix) checkMix(mix, ['grading', 'undergradeMatrix', key], problems);
    out.undergradeMatrix = g.undergradeMatrix as Partial<Record<Grade, NeedMix>>;
  }
  return out;
}

type TargetPair = number | { urban?: number; rural?: number } | undefined;
const pair = (t: TargetPair, urban: number, rural: number): { urban: number; rural: number } =>
  typeof t === 'number' ? { urban: t, rural: t } : { urban: t?.urban ?? urban, rural: t?.rural ?? rural };

/** `dispatch`: areas (extra units to seconds), targets and defaults. */
export function resolveDispatch(d: NonNullable<WrittenScenario['dispatch']>, ctx: DispatchContext): ResolvedDispatch {
  const { problems } = ctx;
  const areaNames = d.areas.map((a) => a.name);
  const seen = new Set<string>();
  const areas = d.areas.map((a, i) => {
    const at = ['dispatch', 'areas', i];
    if (seen.has(a.name)) problems.add([...at, 'name'], 'an area name not used by another area', a.name);
    seen.add(a.name);
    (a.neighbours ?? []).forEach((n, j) => {
      if (n === a.name) problems.add([...at, 'neighbours', j], 'another area than this one', n);
      else problems.name([...at, 'neighbours', j], n, areaNames, 'a declared area');
    });
    const extraUnits = (a.extraUnits ?? []).map((e, j) => {
      const fromSeconds = (Date.parse(e.from) - ctx.startEpochMs) / 1000;
      const toSeconds = (Date.parse(e.to) - ctx.startEpochMs) / 1000;
      if (!(toSeconds > fromSeconds)) problems.add([...at, 'extraUnits', j, 'to'], `an instant after from (${e.from})`, e.to);
      return { fromSeconds, toSeconds, extra: e.units };
    });
    const area: ResolvedDispatch['areas'][number] = {
      name: a.name,
      kind: a.kind,
      share: a.share,
      units: asRoster(a.units),
      extraUnits,
      travelMinutes: dist(a.travelMinutes),
      neighbours: (a.neighbours ?? []).map((n) => areaNames.indexOf(n)),
    };
    if (a.helpAfterMinutes !== undefined) (area as { helpAfterMinutes?: number }).helpAfterMinutes = a.helpAfterMinutes;
    return area;
  });
  problems.sumsToOne(['dispatch', 'areas'], d.areas.reduce((s, a) => s + a.share, 0), 'area shares');
  const policy: ResolvedDispatch['policy'] = resolvePolicy(d.policy ?? 'gradeFirst', ['dispatch', 'policy'], ctx.problems, 'dispatch') ?? { kind: 'gradeFirst' };
  const out: ResolvedDispatch = {
    areas,
    onSceneMinutes: Object.fromEntries(Object.entries(d.onSceneMinutes ?? {}).map(([g, s]) => [g, dist(s)])),
    targets: { immediate: pair(d.targets?.immediate, NATIONAL_ATTENDANCE_MINUTES.immediate.urban, NATIONAL_ATTENDANCE_MINUTES.immediate.rural), priority: pair(d.targets?.priority, NATIONAL_ATTENDANCE_MINUTES.priority.urban, NATIONAL_ATTENDANCE_MINUTES.priority.rural) },
    dispatchedGrades: (d.dispatchedGrades as Grade[] | undefined) ?? ['immediate', 'priority'],
    policy,
    divertFromPriority: d.divertFromPriority ?? false,
    attendanceFrom: d.attendanceFrom ?? 'incidentCreated',
    upgradePerHour: d.upgradePerHour ?? 0,
    chasePerHour: d.chasePerHour ?? 0,
  };
  if (d.chaseChannel !== undefined) {
    problems.name(['dispatch', 'chaseChannel'], d.chaseChannel, ctx.channelNames, 'a declared channel');
    out.chaseChannelIndex = ctx.channelNames.indexOf(d.chaseChannel);
  }
  if (d.createIncidentAfterSeconds !== undefined) {
    const byGrade: Partial<Record<Grade, DistributionSpec>> = {};
    for (const [g, spec] of Object.entries(d.createIncidentAfterSeconds)) {
      if (g === 'none') problems.add(['dispatch', 'createIncidentAfterSeconds', g], 'an incident grade (immediate, priority, scheduled or resolvedWithoutDeployment): a call needing none makes no incident', g);
      else if (spec !== undefined) byGrade[g as Grade] = dist(spec);
    }
    out.createIncidentAfterSeconds = byGrade;
  }
  if (d.victimUpdates !== undefined) {
    const v: NonNullable<ResolvedDispatch['victimUpdates']> = {};
    if (d.victimUpdates.compliance !== undefined) v.compliance = d.victimUpdates.compliance;
    if (d.victimUpdates.handleSeconds !== undefined) v.handleSeconds = dist(d.victimUpdates.handleSeconds);
    if (d.victimUpdates.queue !== undefined) {
      problems.name(['dispatch', 'victimUpdates', 'queue'], d.victimUpdates.queue, ctx.queueNames, 'a declared queue');
      v.queueIndex = ctx.queueNames.indexOf(d.victimUpdates.queue);
    }
    out.victimUpdates = v;
  }
  return out;
}
