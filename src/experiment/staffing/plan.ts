/**
 * `staff` end to end: the search, shifts by integer program, FTE after shrinkage, and the proof:
 * the scenario re-simulated with the proposed shift rosters, each target judged per its `per` and
 * per month. The result is plain data in the JSON contract (with a few extra fields).
 */
import type { ShiftSpec } from '../../engine/profile-types.js';
import type { ResolvedScenario } from '../../model/resolved.js';
import { explainDifference } from './explain.js';
import { fteFor, type Shrinkage, shrinkageShare } from './fte.js';
import type { IntervalRunner } from './interval-runner.js';
import { intervalLabel } from './intervals.js';
import { analyseLoad } from './load.js';
import { type SearchHooks, searchStaffing } from './search.js';
import type { SearchOptions } from './search-types.js';
import { planShifts, type ShiftPlan, type ShiftRules } from './shifts.js';
import type { TargetOp, TargetPer } from './staffing-targets.js';
import { byMonth, judged, worstOf } from './verdicts.js';

export interface PoolPlan {
  interval: SearchOptions['interval'];
  required: number[];
  analytic: number[];
  isa: number[];
  current: number[];
  offeredLoad: number[];
  /** Handlers on duty per interval under the proposed shifts. */
  proposed: number[];
  roster: { shifts: ShiftSpec[] };
  paidHours: number;
  fte: number;
  /** Intervals where simulated and Erlang requirements differ by more than one handler. */
  differences: { interval: string; analytic: number; required: number; why: string[] }[];
}

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
  targets: TargetReport[];
  iterations: number;
  steps: { phase: string; replications: number; staffHours: number; changed: number }[];
  replications: number;
  shrinkage: Shrinkage & { share: number };
}

const num = (v: number): number | null => (Number.isFinite(v) ? v : null);

export async function planStaffing(
  scenario: ResolvedScenario, options: SearchOptions, rules: ShiftRules, shrinkage: Shrinkage, runner: IntervalRunner, hooks: SearchHooks = {},
): Promise<StaffingResult> {
  const outcome = await searchStaffing(scenario, options, runner, hooks);
  const kind = options.interval;
  const poolIndex = options.pools.map((name) => scenario.handlers.pools.findIndex((p) => p.name === name));
  const shiftPlans: ShiftPlan[] = [];
  for (const p of outcome.pools) shiftPlans.push(await planShifts(kind, p.required, rules));
  const proposedScenario: ResolvedScenario = {
    ...scenario,
    handlers: {
      ...scenario.handlers,
      pools: scenario.handlers.pools.map((p, i) => {
        const k = poolIndex.indexOf(i);
        return k < 0 ? p : { ...p, roster: { shifts: shiftPlans[k].shifts } };
      }),
    },
  };
  hooks.onSimulation?.({ phase: 'verify', iteration: outcome.iterations.length + 1, replications: outcome.replications, intervals: 0 });
  const records = await runner.run({ scenario: proposedScenario, kind, targets: options.targets }, Array.from({ length: outcome.replications }, (_, r) => r), hooks.onReplication);
  const load = analyseLoad(scenario, kind, records, poolIndex);
  const label = (i: number): string => intervalLabel(kind, i);
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
  const pools: Record<string, PoolPlan> = {};
  outcome.pools.forEach((p, k) => {
    const serves = scenario.handlers.pools[poolIndex[k]].serves;
    const n = p.required.length;
    pools[p.name] = {
      interval: kind,
      required: p.required,
      analytic: p.analytic,
      isa: p.isa,
      current: p.current.map((v) => Math.round(v * 100) / 100),
      offeredLoad: p.offeredLoad.map((v) => Math.round(v * 1000) / 1000),
      proposed: shiftPlans[k].onDuty,
      roster: { shifts: shiftPlans[k].shifts },
      paidHours: shiftPlans[k].paidHours,
      fte: Math.round(fteFor(shiftPlans[k].paidHours, shrinkage) * 10) / 10,
      differences: p.required.flatMap((r, i) =>
        Math.abs(r - p.analytic[i]) > 1 ? [{ interval: label(i), analytic: p.analytic[i], required: r, why: explainDifference(scenario, p.name, serves, options.targets, load, p.offeredLoad, i, n) }] : [],
      ),
    };
  });
  return {
    scenario: scenario.name,
    seed: scenario.seed,
    pools,
    targets,
    iterations: outcome.iterations.length,
    steps: outcome.iterations,
    replications: outcome.replications,
    shrinkage: { ...shrinkage, share: Math.round(shrinkageShare(shrinkage) * 10000) / 10000 },
  };
}
