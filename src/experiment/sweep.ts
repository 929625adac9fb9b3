/**
 * Sweeps: the grid (every combination of the axes' values, the first axis varying slowest) and
 * running it, point after point, on a pool of worker threads.
 */
import { checkGridSize, GridWork } from './grid-limit.js';
import { namedAsVary } from './vary-errors.js';
import type { Results } from '../metrics/results.js';
import type { SweepAxis } from './overrides.js';
import type { ReplicationDone, ReplicationPool } from './replication-pool.js';
import { runReplications } from './run-replications.js';
import type { ResolvedScenario } from '../model/resolved.js';
import { loadInput, type ScenarioInput } from './scenario-input.js';
import { summariseRun } from './summarise-run.js';

/** One point of the grid: the value of each axis, in axis order. */
export interface SweepPoint {
  values: string[];
  /** `path=value` overrides for the scenario layer. */
  sets: string[];
}

/** The grid in a fixed order (odometer order: the last axis changes fastest). */
export function sweepGrid(axes: readonly SweepAxis[]): SweepPoint[] {
  let points: string[][] = [[]];
  for (const axis of axes) points = points.flatMap((p) => axis.values.map((v) => [...p, v]));
  return points.map((values) => ({ values, sets: values.map((v, i) => `${axes[i].path}=${v}`) }));
}

/** A key identifying a point by its values (to skip points already in a resumed output). */
export const pointKey = (values: readonly string[]): string => JSON.stringify(values);

/** What a sweep runs: the scenario file, its axes, and how. */
export interface SweepPlan {
  file: string;
  axes: readonly SweepAxis[];
  /** Overrides applied to every point before the point's own. */
  sets?: readonly string[];
  seed?: number;
  replications?: number;
  plugins?: readonly string[];
  /** Threads the run will use (for the memory estimate). */
  threads?: number;
  /** Run work beyond the limits (`--allow-large`). */
  allowLarge?: boolean;
  /** Points to leave out (already in a resumed output). */
  skip?: (values: readonly string[]) => boolean;
}

/** One point's summarised results. */
export interface SweepPointResult {
  point: SweepPoint;
  results: Results;
}

export interface SweepHooks {
  /** Called once every remaining point has loaded (before any simulation), with the replications to run and the files each point reads. */
  onPlanned?: (points: number, replications: number, inputs: readonly (readonly string[])[]) => void;
  /** Called after each point, in grid order (to write it out at once). */
  onPoint?: (done: SweepPointResult) => void;
  /** Called after each replication. */
  onReplication?: ReplicationDone;
}

/**
 * Runs every point of the grid in order on `pool`. Every point is loaded first, so a bad value
 * fails before any simulation. Resolves to the points' results in grid order.
 */
export async function runSweep(pool: ReplicationPool, plan: SweepPlan, hooks: SweepHooks = {}): Promise<SweepPointResult[]> {
  const todo: { point: SweepPoint; input: ScenarioInput }[] = [];
  checkGridSize(plan.axes, plan.allowLarge === true);
  const work = new GridWork(plan.allowLarge === true);
  for (const point of sweepGrid(plan.axes)) {
    if (plan.skip?.(point.values)) continue;
    const input = await namedAsVary(point.sets, () => loadInput(plan.file, {
      sets: [...(plan.sets ?? []), ...point.sets], seed: plan.seed, replications: plan.replications, plugins: plan.plugins, threads: plan.threads, allowLarge: plan.allowLarge,
    }));
    work.add(input.work.events);
    todo.push({ point, input });
  }
  hooks.onPlanned?.(todo.length, todo.reduce((n, t) => n + t.input.scenario.replications, 0), todo.map((t) => t.input.inputs));
  const out: SweepPointResult[] = [];
  for (const { point, input } of todo) {
    const run = await runReplications(pool, input.scenario, { replications: input.scenario.replications }, hooks.onReplication);
    const done = { point, results: summariseRun(run.results, input) };
    hooks.onPoint?.(done);
    out.push(done);
  }
  return out;
}

/** Every grid point of a sweep with its scenario loaded (for shards, which plan all points at once), and every file they read. */
export async function loadSweepPoints(
  file: string,
  axes: readonly SweepAxis[],
  options: { sets: readonly string[]; seed?: number; reps?: number; threads: number; allowLarge: boolean },
): Promise<{ groups: { scenario: ResolvedScenario; name: string; file: string; sha256: string; values: string[] }[]; inputs: string[] }> {
  const groups: { scenario: ResolvedScenario; name: string; file: string; sha256: string; values: string[] }[] = [];
  const inputs: string[] = [];
  checkGridSize(axes, options.allowLarge);
  const work = new GridWork(options.allowLarge);
  for (const point of sweepGrid(axes)) {
    const input = await namedAsVary(point.sets, () => loadInput(file, { sets: [...options.sets, ...point.sets], seed: options.seed, replications: options.reps, threads: options.threads, allowLarge: options.allowLarge }));
    work.add(input.work.events);
    groups.push({ scenario: input.scenario, name: input.scenario.name, file: input.file, sha256: input.sha256, values: [...point.values] });
    inputs.push(...input.inputs);
  }
  return { groups, inputs };
}
