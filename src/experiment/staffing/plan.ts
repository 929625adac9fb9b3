/**
 * `staff` end to end: the search, shifts by integer program, FTE after shrinkage (each pool its
 * own), and the proof: the scenario re-simulated with the proposed rosters, each target judged
 * per its `per` and per month. Handler pools and response units (dispatch areas) alike. The result
 * is plain data in the JSON contract (with a few extra fields).
 */
import type { RosterSpec, ShiftSpec } from '../../engine/profile-types.js';
import type { ResolvedScenario } from '../../model/resolved.js';
import { explainDifference, explainUnitDifference } from './explain.js';
import { fteFor, type Shrinkage, type ShrinkageByPool, shrinkageShare } from './fte.js';
import type { IntervalRunner } from './interval-runner.js';
import { intervalScheme } from './intervals.js';
import { analyseLoad } from './load.js';
import { resourcesOf, withRosters } from './resources.js';
import { type SearchHooks, searchStaffing } from './search.js';
import type { PoolRequirement, SearchOptions } from './search-types.js';
import { planShifts, type ShiftPlan, type ShiftRules } from './shifts.js';
import { isAttendanceTarget, perAreaTargets, type TargetOp, type TargetPer, targetAreas } from './staffing-targets.js';
import { byMonth, judged, worstOf } from './verdicts.js';

export interface ResourcePlan {
  interval: SearchOptions['interval'];
  required: number[];
  analytic: number[];
  isa: number[];
  current: number[];
  offeredLoad: number[];
  /** Handlers (units) on duty per interval under the proposed shifts. */
  proposed: number[];
  /** The block to put in the scenario: `{ shifts }`, or with hourOfDate dated `periods`. */
  roster: RosterSpec;
  /** With hourOfDate: the shifts of each date. */
  shiftsByDate?: { date: string; shifts: ShiftSpec[] }[];
  /** Paid handler-hours (unit-hours) a week; the horizon's mean week with hourOfDate. */
  paidHours: number;
  /** Intervals where simulated and Erlang requirements differ by more than one handler (unit). */
  differences: { interval: string; analytic: number; required: number; why: string[] }[];
}

export interface PoolPlan extends ResourcePlan {
  fte: number;
  /** This pool's shrinkage (its own where stated, else the default). */
  shrinkage: Shrinkage & { share: number };
}

/** An area's response units; `roster` replaces `dispatch.areas[i].units` (and its extraUnits go). */
export type AreaPlan = ResourcePlan;

export interface TargetReport {
  metric: string;
  op: TargetOp;
  value: number;
  per: TargetPer;
  met: boolean;
  worst: { key: string; mean: number | null; ci95: number | null };
  months: { key: string; mean: number | null; ci95: number | null; met: boolean }[];
}

export interface StaffingResult {
  scenario: string;
  seed: number;
  pools: Record<string, PoolPlan>;
  areas: Record<string, AreaPlan>;
  /** Interval labels ("Mon 09:00", "2022-07-14 09:00"), index by index. */
  labels: string[];
  targets: TargetReport[];
  iterations: number;
  steps: { phase: string; replications: number; ran: number; staffHours: number; changed: number }[];
  replications: number;
  /** The default shrinkage (pools without their own). */
  shrinkage: Shrinkage & { share: number };
}

const num = (v: number): number | null => (Number.isFinite(v) ? v : null);
const withShare = (s: Shrinkage): Shrinkage & { share: number } => ({ ...s, share: Math.round(shrinkageShare(s) * 10000) / 10000 });

export async function planStaffing(
  scenario: ResolvedScenario, options: SearchOptions, rules: ShiftRules, shrinkage: Shrinkage, runner: IntervalRunner, hooks: SearchHooks = {}, shrinkageOf: ShrinkageByPool = () => shrinkage,
): Promise<StaffingResult> {
  // The search staffs each area for its own share of a group target; the proof judges the target as written.
  // Areas of a group target that are not searched keep their rosters; the search leaves them out.
  const searched = (options.areas ?? []).map((name) => (scenario.dispatch?.areas ?? []).findIndex((a) => a.name === name));
  const searchTargets = perAreaTargets(options.targets, scenario).filter((t) => !isAttendanceTarget(t) || targetAreas(t).some((a) => searched.includes(a)));
  const outcome = await searchStaffing(scenario, { ...options, targets: searchTargets }, runner, hooks);
  const kind = options.interval;
  const scheme = intervalScheme(kind, scenario);
  const found: PoolRequirement[] = [...outcome.pools, ...outcome.areas];
  const resources = resourcesOf(scenario, outcome.pools.map((p) => p.name), outcome.areas.map((a) => a.name));
  const shiftPlans: ShiftPlan[] = [];
  for (const p of found) shiftPlans.push(await planShifts(scheme, p.required, rules));
  const proposedScenario = withRosters(scenario, resources, (k) => shiftPlans[k].roster);
  hooks.onSimulation?.({ phase: 'verify', iteration: outcome.iterations.length + 1, replications: outcome.replications, intervals: 0 });
  const records = await runner.run({ scenario: proposedScenario, kind, targets: options.targets }, Array.from({ length: outcome.replications }, (_, r) => r), hooks.onReplication);
  const load = analyseLoad(scenario, scheme, records, resources);
  const label = scheme.label;
  const targets: TargetReport[] = options.targets.map((t, ti) => {
    const list = judged(t, ti, records, label);
    const ok = (v: number): boolean => !Number.isFinite(v) || (t.op === '>=' ? v >= t.value : v <= t.value);
    const worst = worstOf(t, list);
    return {
      metric: t.metric, op: t.op, value: t.value, per: t.per,
      met: list.every((x) => ok(x.est.mean)),
      worst: { key: worst.key, mean: num(worst.est.mean), ci95: num(worst.est.ci95) },
      months: [...byMonth(t, ti, records)].map(([key, e]) => ({ key, mean: num(e.mean), ci95: num(e.ci95), met: ok(e.mean) })),
    };
  });
  const plans = found.map((p, k): ResourcePlan => {
    const r = resources[k];
    const n = p.required.length;
    const why = (i: number): string[] => r.kind === 'area'
      ? explainUnitDifference(scenario, r.index, load, p.offeredLoad, i, n)
      : explainDifference(scenario, p.name, scenario.handlers.pools[r.index].serves, options.targets, load, p.offeredLoad, i, n);
    const plan: ResourcePlan = {
      interval: kind,
      required: p.required,
      analytic: p.analytic,
      isa: p.isa,
      current: p.current.map((v) => Math.round(v * 100) / 100),
      offeredLoad: p.offeredLoad.map((v) => Math.round(v * 1000) / 1000),
      proposed: shiftPlans[k].onDuty,
      roster: shiftPlans[k].roster,
      paidHours: shiftPlans[k].paidHours,
      differences: p.required.flatMap((req, i) => (Math.abs(req - p.analytic[i]) > 1 ? [{ interval: label(i), analytic: p.analytic[i], required: req, why: why(i) }] : [])),
    };
    if (shiftPlans[k].byDate !== undefined) plan.shiftsByDate = shiftPlans[k].byDate;
    return plan;
  });
  const pools: Record<string, PoolPlan> = {};
  const areas: Record<string, AreaPlan> = {};
  found.forEach((p, k) => {
    if (p.kind === 'area') {
      areas[p.name] = plans[k];
      return;
    }
    const own = shrinkageOf(p.name);
    pools[p.name] = { ...plans[k], fte: Math.round(fteFor(plans[k].paidHours, own) * 10) / 10, shrinkage: withShare(own) };
  });
  return {
    scenario: scenario.name,
    seed: scenario.seed,
    pools,
    areas,
    labels: outcome.labels,
    targets,
    iterations: outcome.iterations.length,
    steps: outcome.iterations,
    replications: outcome.replications,
    shrinkage: withShare(shrinkage),
  };
}
