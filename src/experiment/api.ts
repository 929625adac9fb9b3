/**
 * The library's entry points (re-exported by `src/index.ts`): load a scenario, simulate one
 * replication, run many on worker threads, compare scenarios under common random numbers, sweep a
 * grid, check results against targets. The command line is a thin shell over these.
 */
import { availableParallelism } from 'node:os';
import { resolve as resolvePath } from 'node:path';
import type { ComparisonResults, ReplicationResult, Results } from '../metrics/results.js';
import type { ResolvedScenario } from '../model/resolved.js';
import { ScenarioError } from '../scenario/errors.js';
import { resolveScenario } from '../scenario/resolve.js';
import { absolutePlugins, pluginFiles } from '../scenario/source.js';
import { compareScenarios as compareOnPool } from './compare.js';
import { parseVary, type SweepAxis } from './overrides.js';
import { nodeFiles } from './node-files.js';
import { loadScenarioPlugins } from './policy-modules.js';
import { ReplicationPool, type ReplicationDone } from './replication-pool.js';
import { runReplication } from './run-replication.js';
import { runReplications, type PrecisionTarget } from './run-replications.js';
import type { RunObserver } from './counting-monitor.js';
import { loadInput } from './scenario-input.js';
import { summariseRun, type ScenarioSource } from './summarise-run.js';
import { runSweep, type SweepPointResult } from './sweep.js';
import { allRequiredMet, checkOutcomes, loadTargets, parseTargets, type TargetOutcome, type TargetsFile } from './targets.js';

/** Where each loaded scenario came from, for the header of its results. */
const origins = new WeakMap<ResolvedScenario, { file: string; sha256: string }>();

const sourceOf = (scenario: ResolvedScenario): ScenarioSource => ({ scenario, file: origins.get(scenario)?.file ?? null, sha256: origins.get(scenario)?.sha256 ?? null });

export interface LoadScenarioOptions {
  /** `path=value` overrides, applied in order (`handlers.pools[0].staff=12`). */
  sets?: readonly string[];
  /** A call log (CSV) replayed instead of the arrival profiles. */
  traceFile?: string;
  /** For scenario data (not a file): where its relative `trace` and `plugin` paths are read from (default: the working directory). */
  baseDir?: string;
  /** Load a file beyond the size limit and accept work beyond the limits (as `--allow-large`). */
  allowLarge?: boolean;
}

/**
 * A scenario file (YAML or JSON, with its `extends` chain) or scenario data, validated and resolved
 * into the frozen scenario the model runs. Policy modules the scenario names are loaded and
 * registered first. Throws ScenarioError listing every problem (file, line, field, expected, found).
 */
export async function loadScenario(fileOrObject: string | object, options: LoadScenarioOptions = {}): Promise<ResolvedScenario> {
  if (typeof fileOrObject === 'string') {
    const input = await loadInput(fileOrObject, { sets: options.sets, traceFile: options.traceFile, allowLarge: options.allowLarge });
    origins.set(input.scenario, { file: input.file, sha256: input.sha256 });
    return input.scenario;
  }
  if (options.sets !== undefined && options.sets.length > 0) throw new ScenarioError([{ path: '', expected: 'no sets with scenario data (change the data itself)', found: options.sets.join(', ') }]);
  const baseDir = resolvePath(options.baseDir ?? process.cwd());
  const data = structuredClone(fileOrObject) as Record<string, unknown>;
  absolutePlugins(data, baseDir, nodeFiles);
  await loadScenarioPlugins('<scenario data>', pluginFiles(data));
  return resolveScenario(data, { baseDir });
}

export interface SimulateOptions {
  /** Replication index: its random streams are derived from (seed, replication). Default 0. */
  replication?: number;
  /** Sees every record the model reports (calls as they end, queue visits, pool levels...). */
  monitor?: RunObserver;
}

/** One replication of a scenario in this thread; the same scenario and replication give the same metrics, bit for bit. */
export function simulate(scenario: ResolvedScenario, options: SimulateOptions = {}): ReplicationResult {
  return runReplication(scenario, options.replication ?? 0, { monitor: options.monitor });
}

export interface RunOptions {
  /** Replications (default: the scenario's). With `precision`, the first batch. */
  replications?: number;
  /** Root seed (default: the scenario's). */
  seed?: number;
  /** Worker threads (default: available cores; 1 runs in this thread). */
  threads?: number;
  /** Add replications until each metric's 95% half-width is at most its target. */
  precision?: readonly PrecisionTarget[];
  /** Cap on replications with `precision` (default 200). */
  maxReplications?: number;
  /** Called after each replication. */
  onReplication?: ReplicationDone;
}

/** Replications 0..n-1 of a scenario on worker threads, summarised (same seed, same results whatever `threads`). */
export async function runScenario(scenario: ResolvedScenario, options: RunOptions = {}): Promise<Results> {
  const source = sourceOf(scenario);
  const run = { ...scenario, seed: options.seed ?? scenario.seed, replications: options.replications ?? scenario.replications };
  const pool = new ReplicationPool(options.threads ?? availableParallelism());
  try {
    const done = await runReplications(pool, run, { replications: run.replications, precision: options.precision, maxReplications: options.maxReplications }, options.onReplication);
    return summariseRun(done.results, { ...source, scenario: run });
  } finally {
    await pool.close();
  }
}

/**
 * Scenarios under common random numbers (the same seed and replication indices for all): each
 * summary, and per metric the paired difference of each scenario against the first.
 */
export async function compareScenarios(
  scenarios: readonly ResolvedScenario[],
  options: Omit<RunOptions, 'precision' | 'maxReplications'> = {},
): Promise<ComparisonResults> {
  const pool = new ReplicationPool(options.threads ?? availableParallelism());
  try {
    return await compareOnPool(pool, scenarios.map(sourceOf), { replications: options.replications, seed: options.seed }, options.onReplication);
  } finally {
    await pool.close();
  }
}

export interface SweepOptions extends Omit<RunOptions, 'precision' | 'maxReplications'> {
  /** The axes: field path -> values (`{ 'handlers.pools[0].staff': [10, 12, 14] }`), or `path=v1,v2` texts. */
  vary: Readonly<Record<string, readonly unknown[]>> | readonly string[];
  /** Overrides applied to every point before the point's own. */
  sets?: readonly string[];
  /** Called after each point, in grid order. */
  onPoint?: (point: SweepPointResult) => void;
}

const axisValue = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

/** Every point of a grid over a scenario file (first axis slowest), each summarised. */
export async function sweep(file: string, options: SweepOptions): Promise<SweepPointResult[]> {
  const axes: SweepAxis[] = Array.isArray(options.vary)
    ? (options.vary as readonly string[]).map(parseVary)
    : Object.entries(options.vary as Record<string, readonly unknown[]>).map(([path, values]) => ({ path, values: values.map(axisValue) }));
  const pool = new ReplicationPool(options.threads ?? availableParallelism());
  try {
    return await runSweep(pool, { file, axes, sets: options.sets, seed: options.seed, replications: options.replications }, { onPoint: options.onPoint, onReplication: options.onReplication });
  } finally {
    await pool.close();
  }
}

/** Results judged against targets (a targets file, or its data): each target's outcome, and whether every required one is met. */
export function checkTargets(results: Results, targets: string | object): { outcomes: TargetOutcome[]; allRequiredMet: boolean } {
  const file: TargetsFile = typeof targets === 'string' ? loadTargets(targets) : parseTargets(targets);
  const outcomes = checkOutcomes(file, results);
  return { outcomes, allRequiredMet: allRequiredMet(outcomes) };
}
