/**
 * The staffing search: the iterative staffing algorithm (ISA) of Feldman, Mandelbaum, Massey and
 * Whitt (Management Science 54(2), 2008), then corrections judged by simulation.
 *
 * 1. Ample: simulate with `maxStaff` handlers in every interval. A target missed even then cannot
 *    be met (exit 2, with the reason). The offered load per interval is read from this run.
 * 2. ISA: staff each interval by Erlang on the offered load the last simulation put on the pool;
 *    re-simulate; repeat until two iterations agree.
 * 3. Verify and trim: judge every interval from the replications (common random numbers: the same
 *    callers every time). Unsure verdicts get more replications, up to the cap, then one more
 *    handler; missed intervals get one more handler; when all are met, every interval above its
 *    known floor tries one fewer, and keeps it where the targets still hold. Floors only rise and
 *    staffing only falls to a floor, so this ends.
 */
import { Calendar } from '../../engine/calendar.js';
import { rosterPieces } from '../../engine/roster.js';
import type { ResolvedScenario } from '../../model/resolved.js';
import { analyseLoad, type LoadView } from './load.js';
import type { IntervalRecord } from './interval-monitor.js';
import type { IntervalRunner } from './interval-runner.js';
import { type IntervalKind, intervalCount, intervalLabel, intervalOf, intervalRoster } from './intervals.js';
import { erlangRequirement, isaRequirement } from './analytic.js';
import { explainImpossible } from './explain-impossible.js';
import { ImpossibleTargetError } from './impossible.js';
import type { IterationNote, PoolRequirement, SearchOptions, SearchOutcome } from './search-types.js';
import { byInterval, judged, type Verdict } from './verdicts.js';

export type Staffing = number[][];

/** The scenario with the searched pools rostered per interval. */
export function withStaffing(scenario: ResolvedScenario, poolIndex: readonly number[], kind: IntervalKind, staff: Staffing): ResolvedScenario {
  const pools = scenario.handlers.pools.map((p, i) => {
    const k = poolIndex.indexOf(i);
    return k < 0 ? p : { ...p, roster: intervalRoster(kind, staff[k]) };
  });
  return { ...scenario, handlers: { ...scenario.handlers, pools } };
}

/** Mean rostered headcount per interval over the horizon. */
export function currentRoster(scenario: ResolvedScenario, pool: number, kind: IntervalKind): number[] {
  const calendar = new Calendar(scenario.startEpochMs);
  const pieces = rosterPieces(scenario.handlers.pools[pool].roster, calendar, scenario.horizonSeconds);
  const sum = new Array<number>(intervalCount(kind)).fill(0);
  const count = new Array<number>(intervalCount(kind)).fill(0);
  for (let t = 1800; t < scenario.horizonSeconds; t += 3600) {
    const i = intervalOf(kind, calendar, t);
    sum[i] += pieces.valueAt(t);
    count[i]++;
  }
  return sum.map((s, i) => (count[i] > 0 ? s / count[i] : 0));
}

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
  const n = intervalCount(kind);
  const poolIndex = options.pools.map((name) => scenario.handlers.pools.findIndex((p) => p.name === name));
  const serves = poolIndex.map((i) => scenario.handlers.pools[i].serves);
  const label = (i: number): string => intervalLabel(kind, i);
  const iterations: IterationNote[] = [];
  let reps = options.replications;
  let count = 0;

  const simulate = async (staff: Staffing, phase: IterationNote['phase'], before: Staffing | null, r = reps): Promise<IntervalRecord[]> => {
    hooks.onSimulation?.({ phase, iteration: ++count, replications: r, intervals: n * poolIndex.length });
    const job = { scenario: withStaffing(scenario, poolIndex, kind, staff), kind, targets };
    const records = await runner.run(job, Array.from({ length: r }, (_, k) => k), hooks.onReplication);
    iterations.push({ phase, replications: r, staffHours: hours(staff), changed: before === null ? 0 : changedCount(staff, before) });
    return records;
  };
  const clamp = (v: number): number => Math.min(maxStaff, Math.max(minStaff, v));

  // 1. Ample staffing: the ceiling of what handlers can do, and the offered load.
  const ample: Staffing = poolIndex.map(() => new Array<number>(n).fill(maxStaff));
  const ampleRecords = await simulate(ample, 'ample', null);
  targets.forEach((t, ti) => {
    const list = judged(t, ti, ampleRecords, label);
    const bad = list.filter((x) => x.est.verdict === 'missed' || (x.est.verdict === 'unsure' && !(t.op === '>=' ? x.est.mean >= t.value : x.est.mean <= t.value)));
    if (bad.length > 0) throw new ImpossibleTargetError(explainImpossible(scenario, t, bad, maxStaff, analyseLoad(scenario, kind, ampleRecords, poolIndex)));
  });
  const load: LoadView = analyseLoad(scenario, kind, ampleRecords, poolIndex);
  const analytic = poolIndex.map((_, k) => erlangRequirement(scenario, serves[k], targets, load.arrivalRate, maxStaff).map(clamp));

  // 2. ISA: Erlang on the offered load of the previous simulation, until two iterations agree.
  let staff: Staffing = poolIndex.map((_, k) => isaRequirement(scenario, serves[k], targets, load.arrivalRate, load.offeredLoad[k], maxStaff).map(clamp));
  // Two iterations agree when they differ in at most 1% of the intervals (at least one): the
  // offered load is an estimate, and an interval on the edge of a whole handler can flip with it.
  const tolerance = Math.max(1, Math.ceil(0.01 * n * poolIndex.length));
  const seenStaffings: Staffing[] = [staff];
  for (let it = 1; it < options.maxIterations; it++) {
    const records = await simulate(staff, 'isa', null);
    const seen = analyseLoad(scenario, kind, records, poolIndex);
    const next = poolIndex.map((_, k) => isaRequirement(scenario, serves[k], targets, load.arrivalRate, seen.offeredLoad[k], maxStaff).map(clamp));
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
  const floor: Staffing = poolIndex.map(() => new Array<number>(n).fill(minStaff));
  /** Per searched pool and interval: the worst verdict of the targets on the queues it serves. */
  const verdictGrid = (records: readonly IntervalRecord[]): Verdict[][] => {
    const grid: Verdict[][] = poolIndex.map(() => new Array<Verdict>(n).fill('met'));
    const worse = (a: Verdict, b: Verdict): Verdict => (a === 'missed' || b === 'missed' ? 'missed' : a === 'unsure' || b === 'unsure' ? 'unsure' : 'met');
    targets.forEach((t, ti) => {
      const perInterval = byInterval(t, ti, records);
      // Month or horizon targets: judged as a whole; where that fails, the intervals whose own
      // estimate misses are the ones to staff up (the worst one when none does on its own).
      let local: Verdict[];
      if (t.per === 'interval') local = perInterval.map((e) => e.verdict);
      else {
        const groups = judged(t, ti, records, label);
        const groupVerdict = groups.reduce<Verdict>((v, g) => worse(v, g.est.verdict), 'met');
        if (groupVerdict === 'met') local = perInterval.map(() => 'met');
        else {
          local = perInterval.map((e): Verdict => (Number.isFinite(e.mean) && !(t.op === '>=' ? e.mean >= t.value : e.mean <= t.value) ? groupVerdict : 'met'));
          if (!local.some((v) => v !== 'met')) {
            const worst = perInterval.reduce((w, e, i) => (Number.isFinite(e.mean) && (w < 0 || (t.op === '>=' ? e.mean < perInterval[w].mean : e.mean > perInterval[w].mean)) ? i : w), -1);
            if (worst >= 0) local[worst] = groupVerdict;
          }
        }
      }
      poolIndex.forEach((_, k) => {
        if (!serves[k].includes(t.queue)) return;
        for (let i = 0; i < n; i++) grid[k][i] = worse(grid[k][i], local[i]);
      });
    });
    return grid;
  };

  let verified: Staffing | null = null;
  let lastTrimSmall = false;
  for (let round = 0; round < options.maxIterations * 2 && verified === null; round++) {
    let records = await simulate(staff, 'verify', isa);
    let grid = verdictGrid(records);
    while (grid.some((row) => row.includes('unsure')) && reps < options.maxReplications) {
      reps = Math.min(options.maxReplications, reps * 2);
      records = await simulate(staff, 'verify', staff);
      grid = verdictGrid(records);
    }
    const raise = grid.some((row) => row.some((v) => v !== 'met'));
    if (!raise && lastTrimSmall) {
      verified = staff;
      break;
    }
    if (raise) {
      const next = staff.map((row, k) => row.map((v, i) => (grid[k][i] === 'met' ? v : v + 1)));
      next.forEach((row, k) => row.forEach((v, i) => {
        if (grid[k][i] !== 'met') floor[k][i] = Math.max(floor[k][i], v);
        if (v > maxStaff) throw new ImpossibleTargetError(`pool ${options.pools[k]} needs more than --max-staff ${maxStaff} handlers at ${label(i)} to meet ${targets.map((t) => t.metric + t.op + t.value).join(' and ')}: raise --max-staff`);
      }));
      staff = next;
      continue;
    }
    // All met: trim where the targets still hold with one fewer.
    for (;;) {
      const trial = staff.map((row, k) => row.map((v, i) => (v - 1 >= floor[k][i] ? v - 1 : v)));
      if (same(trial, staff)) {
        verified = staff;
        break;
      }
      const trialGrid = verdictGrid(await simulate(trial, 'trim', staff));
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
  const pools: PoolRequirement[] = poolIndex.map((p, k) => ({
    name: options.pools[k],
    required: final[k],
    analytic: analytic[k],
    isa: isa[k],
    offeredLoad: load.offeredLoad[k],
    current: currentRoster(scenario, p, kind),
  }));
  return { pools, iterations, replications: reps };
}
