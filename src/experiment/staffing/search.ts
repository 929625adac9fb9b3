/**
 * The staffing search: the iterative staffing algorithm (ISA) of Feldman, Mandelbaum, Massey and
 * Whitt (Management Science 54(2), 2008), then corrections judged by simulation. Resources are
 * handler pools and dispatch areas (response units) alike.
 *
 * 1. Ample: simulate with `maxStaff` in every interval. A target missed even then cannot be met
 *    (exit 2, with the reason). The offered load per interval is read from this run.
 * 2. ISA: staff each interval by the stationary formula on the offered load the last simulation
 *    put on the resource; re-simulate; repeat until two iterations agree.
 * 3. Verify and trim: judge every interval from the replications (common random numbers: the same
 *    callers every time). A staffing gets the first replications and more (doubling, reusing those
 *    run) only while a verdict is unsure, up to the cap, after which an unsure interval counts as
 *    short. Short intervals are raised, at least by one (their new floor) and as far as the
 *    formula's offset from the simulation says; when all are met, every interval above its floor
 *    tries one fewer, and keeps it where the targets still hold. Floors only rise and staffing only
 *    falls to a floor, so this ends.
 */
import type { ResolvedScenario } from '../../model/resolved.js';
import { analyseLoad, type LoadView } from './load.js';
import type { IntervalRecord } from './interval-monitor.js';
import type { IntervalRunner } from './interval-runner.js';
import { intervalScheme } from './intervals.js';
import { erlangRequirement, isaRequirement, travelDraws, unitRequirement } from './analytic.js';
import { explainImpossible } from './explain-impossible.js';
import { ImpossibleTargetError } from './impossible.js';
import { concerns, currentRoster, type Resource, resourcesOf, type Staffing, withStaffing } from './resources.js';
import type { IterationNote, PoolRequirement, SearchOptions, SearchOutcome } from './search-types.js';
import { byInterval, byIntervalInMonth, type Estimate, judged, overHorizon, type Verdict } from './verdicts.js';
import { raiseTo } from './correction.js';
import { meets } from './staffing-targets.js';

export { currentRoster, type Staffing, withStaffing } from './resources.js';

const hours = (staff: Staffing): number => staff.reduce((s, row) => s + row.reduce((a, b) => a + b, 0), 0);
const same = (a: Staffing, b: Staffing): boolean => a.every((row, p) => row.every((v, i) => v === b[p][i]));
const changedCount = (a: Staffing, b: Staffing): number => a.reduce((s, row, p) => s + row.filter((v, i) => v !== b[p][i]).length, 0);

export interface SearchHooks {
  /** Before each simulation: the phase and its replications. */
  onSimulation?: (note: { phase: IterationNote['phase']; iteration: number; replications: number; intervals: number }) => void;
  /** After each replication. */
  onReplication?: () => void;
}

export async function searchStaffing(scenario: ResolvedScenario, options: SearchOptions, runner: IntervalRunner, hooks: SearchHooks = {}): Promise<SearchOutcome> {
  const { interval: kind, targets, maxStaff, minStaff } = options;
  const scheme = intervalScheme(kind, scenario);
  const n = scheme.count;
  const resources: Resource[] = resourcesOf(scenario, options.pools, options.areas ?? []);
  const noun = (r: Resource): string => (r.kind === 'pool' ? `pool ${r.name} needs more than --max-staff ${maxStaff} handlers` : `area ${r.name} needs more than --max-staff ${maxStaff} units`);
  const label = scheme.label;
  const iterations: IterationNote[] = [];
  let count = 0;

  // Replications already run, by staffing: common random numbers make replication i of a staffing
  // the same whatever else ran, so adding replications to a staffing reuses those it has.
  const cache = new Map<string, Map<number, IntervalRecord>>();
  const keyOf = (staff: Staffing): string => staff.map((row) => row.join(',')).join(';');
  const recordsFor = async (staff: Staffing, r: number): Promise<{ records: IntervalRecord[]; ran: number }> => {
    const key = keyOf(staff);
    let have = cache.get(key);
    if (have === undefined) {
      have = new Map();
      cache.set(key, have);
      // Keep the last few staffings only: a search revisits recent ones.
      if (cache.size > 6) cache.delete(cache.keys().next().value as string);
    }
    const missing = Array.from({ length: r }, (_, k) => k).filter((k) => !have.has(k));
    for (let k = missing.length; k < r; k++) hooks.onReplication?.(); // reused: done already
    if (missing.length > 0) {
      const job = { scenario: withStaffing(scenario, resources, kind, staff), kind, targets };
      const fresh = await runner.run(job, missing, hooks.onReplication);
      missing.forEach((k, j) => have.set(k, fresh[j]));
    }
    return { records: Array.from({ length: r }, (_, k) => have.get(k) as IntervalRecord), ran: missing.length };
  };
  const simulate = async (staff: Staffing, phase: IterationNote['phase'], before: Staffing | null, r = options.replications): Promise<IntervalRecord[]> => {
    hooks.onSimulation?.({ phase, iteration: ++count, replications: r, intervals: n * resources.length });
    const { records, ran } = await recordsFor(staff, r);
    iterations.push({ phase, replications: r, ran, staffHours: hours(staff), changed: before === null ? 0 : changedCount(staff, before) });
    return records;
  };
  const clamp = (v: number): number => Math.min(maxStaff, Math.max(minStaff, v));

  // 1. Ample staffing: the ceiling of what handlers and units can do, and the offered load.
  const ample: Staffing = resources.map(() => new Array<number>(n).fill(maxStaff));
  const ampleRecords = await simulate(ample, 'ample', null);
  const load: LoadView = analyseLoad(scenario, scheme, ampleRecords, resources);
  targets.forEach((t, ti) => {
    const list = judged(t, ti, ampleRecords, label);
    const bad = list.filter((x) => x.est.verdict === 'missed' || (x.est.verdict === 'unsure' && !(t.op === '>=' ? x.est.mean >= t.value : x.est.mean <= t.value)));
    if (bad.length > 0) throw new ImpossibleTargetError(explainImpossible(scenario, t, bad, maxStaff, load));
  });
  const travel = (scenario.dispatch?.areas ?? []).map((_, a) => travelDraws(scenario, a));
  /** Erlang per interval for resource k: from arrival rates, or (ISA) from the offered load `m`. */
  const erlang = (k: number, m?: readonly number[]): number[] => {
    const r = resources[k];
    if (r.kind === 'area') {
      const s = load.unitSecondsPerIncident[r.index];
      const rates = m === undefined ? load.incidentRate[r.index] : m.map((x) => (Number.isFinite(s) && s > 0 ? x / s : 0));
      return unitRequirement(scenario, r.index, targets, rates, s, travel[r.index], maxStaff).map(clamp);
    }
    const serves = scenario.handlers.pools[r.index].serves;
    const out = m === undefined ? erlangRequirement(scenario, serves, targets, load.arrivalRate, maxStaff) : isaRequirement(scenario, serves, targets, load.arrivalRate, m, maxStaff);
    return out.map(clamp);
  };
  const analytic = resources.map((_, k) => erlang(k));

  // 2. ISA: Erlang on the offered load of the previous simulation, until two iterations agree.
  let staff: Staffing = resources.map((_, k) => erlang(k, load.offeredLoad[k]));
  // Two iterations agree when they differ in at most 1% of the intervals (at least one): the
  // offered load is an estimate, and an interval on the edge of a whole handler can flip with it.
  const tolerance = Math.max(1, Math.ceil(0.01 * n * resources.length));
  const seenStaffings: Staffing[] = [staff];
  for (let it = 1; it < options.maxIterations; it++) {
    const records = await simulate(staff, 'isa', null);
    const seen = analyseLoad(scenario, scheme, records, resources);
    const next = resources.map((_, k) => erlang(k, seen.offeredLoad[k]));
    const changed = changedCount(next, staff);
    iterations[iterations.length - 1].changed = changed;
    // Take the larger of the two in each interval, so the verification starts from above.
    if (changed <= tolerance || seenStaffings.some((s) => same(s, next))) {
      staff = staff.map((row, k) => row.map((v, i) => Math.max(v, next[k][i])));
      break;
    }
    seenStaffings.push(next);
    staff = next;
  }
  const isa = staff.map((row) => [...row]);

  // 3. Verify and trim by simulation.
  const floor: Staffing = resources.map(() => new Array<number>(n).fill(minStaff));
  const worse = (a: Verdict, b: Verdict): Verdict => (a === 'missed' || b === 'missed' ? 'missed' : a === 'unsure' || b === 'unsure' ? 'unsure' : 'met');
  /**
   * Per searched resource and interval: the worst verdict of the targets it can move; and per
   * target and interval the simulated value that fell short (NaN where none did), for the raise.
   */
  const verdictGrid = (records: readonly IntervalRecord[]): { grid: Verdict[][]; short: number[][] } => {
    const grid: Verdict[][] = resources.map(() => new Array<Verdict>(n).fill('met'));
    const short: number[][] = targets.map(() => new Array<number>(n).fill(NaN));
    targets.forEach((t, ti) => {
      const local = new Array<Verdict>(n).fill('met');
      const lower = (i: number, mean: number): void => {
        const was = short[ti][i];
        short[ti][i] = Number.isNaN(was) || (t.op === '>=' ? mean < was : mean > was) ? mean : was;
      };
      // A month (or the horizon) that is not met: the intervals whose own estimate in it misses are
      // the ones to staff up (the worst one when none does on its own).
      const mark = (estimates: readonly Estimate[], verdict: Verdict): void => {
        let any = false;
        estimates.forEach((e, i) => {
          if (!Number.isFinite(e.mean) || meets(t, e.mean)) return;
          local[i] = worse(local[i], verdict);
          lower(i, e.mean);
          any = true;
        });
        if (any) return;
        const worst = estimates.reduce((w, e, i) => (Number.isFinite(e.mean) && (w < 0 || (t.op === '>=' ? e.mean < estimates[w].mean : e.mean > estimates[w].mean)) ? i : w), -1);
        if (worst >= 0) local[worst] = worse(local[worst], verdict);
      };
      if (t.per === 'interval') {
        byInterval(t, ti, records).forEach((e, i) => {
          local[i] = e.verdict;
          if (e.verdict !== 'met' && Number.isFinite(e.mean) && !meets(t, e.mean)) lower(i, e.mean);
        });
      } else if (t.per === 'month') {
        for (const g of judged(t, ti, records, label)) if (g.est.verdict !== 'met') mark(byIntervalInMonth(t, ti, records, g.key), g.est.verdict);
      } else {
        const whole = overHorizon(t, ti, records);
        if (whole.verdict !== 'met') mark(byInterval(t, ti, records), whole.verdict);
      }
      resources.forEach((r, k) => {
        if (!concerns(scenario, r, t)) return;
        for (let i = 0; i < n; i++) grid[k][i] = worse(grid[k][i], local[i]);
      });
    });
    return { grid, short };
  };
  /**
   * Sequential judging: a staffing gets the first replications, and more (doubling, reusing those
   * already run) only while some verdict is unsure, up to the cap; clear verdicts stop early.
   */
  let reps = options.replications;
  const judge = async (s: Staffing, phase: IterationNote['phase'], before: Staffing): Promise<{ grid: Verdict[][]; short: number[][]; records: IntervalRecord[] }> => {
    let r = options.replications;
    let records = await simulate(s, phase, before, r);
    let judgement = verdictGrid(records);
    while (judgement.grid.some((row) => row.includes('unsure')) && r < options.maxReplications) {
      r = Math.min(options.maxReplications, r * 2);
      records = await simulate(s, phase, s, r);
      judgement = verdictGrid(records);
    }
    reps = r;
    return { ...judgement, records };
  };

  let verified: Staffing | null = null;
  let lastTrimSmall = false;
  for (let round = 0; round < options.maxIterations * 2 && verified === null; round++) {
    const { grid, short, records } = await judge(staff, 'verify', isa);
    const raise = grid.some((row) => row.some((v) => v !== 'met'));
    if (!raise && lastTrimSmall) {
      verified = staff;
      break;
    }
    if (raise) {
      // Short intervals: at least one more (their floor), as many as the formula's offset says.
      const seen = analyseLoad(scenario, scheme, records, resources);
      staff = staff.map((row, k) => row.map((v, i) => {
        if (grid[k][i] === 'met') return v;
        if (v + 1 > maxStaff) throw new ImpossibleTargetError(`${noun(resources[k])} at ${label(i)} to meet ${targets.map((t) => t.metric + t.op + t.value).join(' and ')}: raise --max-staff`);
        floor[k][i] = Math.max(floor[k][i], v + 1);
        const failing = targets.flatMap((t, ti) => (concerns(scenario, resources[k], t) && Number.isFinite(short[ti][i]) ? [{ target: t, simulated: short[ti][i] }] : []));
        const r = resources[k];
        return Math.min(maxStaff, raiseTo(scenario, r, failing, seen, seen.offeredLoad[k][i], v, r.kind === 'area' ? travel[r.index] : []));
      }));
      continue;
    }
    // All met: trim where the targets still hold with one fewer.
    for (;;) {
      const trial = staff.map((row, k) => row.map((v, i) => (v - 1 >= floor[k][i] ? v - 1 : v)));
      if (same(trial, staff)) {
        verified = staff;
        break;
      }
      const { grid: trialGrid } = await judge(trial, 'trim', staff);
      const allMet = trialGrid.every((row) => row.every((v) => v === 'met'));
      const kept = staff.map((row, k) => row.map((v, i) => {
        if (trial[k][i] === v) return v;
        if (trialGrid[k][i] === 'met') return v - 1;
        floor[k][i] = v;
        return v;
      }));
      const trimmed = changedCount(kept, staff);
      staff = kept;
      // When every interval held, the trial itself is verified; otherwise verify the mix. A trim
      // that gains under 1% of the intervals ends the search (once verified): the rest is noise.
      if (!allMet) {
        lastTrimSmall = trimmed < tolerance;
        break;
      }
      if (trimmed < tolerance) {
        verified = staff;
        break;
      }
    }
  }
  const final = verified ?? staff;
  const requirements: PoolRequirement[] = resources.map((r, k) => ({
    name: r.name,
    kind: r.kind,
    required: final[k],
    analytic: analytic[k],
    isa: isa[k],
    offeredLoad: load.offeredLoad[k],
    current: currentRoster(scenario, r, scheme),
  }));
  return { pools: requirements.filter((p) => p.kind === 'pool'), areas: requirements.filter((p) => p.kind === 'area'), iterations, replications: reps, labels: Array.from({ length: n }, (_, i) => label(i)) };
}
