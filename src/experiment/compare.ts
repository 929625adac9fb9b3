/**
 * `callsim compare`: several scenarios under common random numbers. Every scenario runs with the
 * same root seed and the same replication indices, so replication i of each sees the same callers
 * (DESIGN.md section 4) and the paired differences have narrow intervals.
 */
import type { ComparisonResults, ReplicationResult, Results, RunSetup, SeriesAxis } from '../metrics/results.js';
import { DEFAULT_SERIES_AXES } from '../metrics/summary.js';
import type { ResolvedScenario } from '../model/resolved.js';
import type { ReplicationDone, ReplicationPool } from './replication-pool.js';
import { pairedComparison } from './paired-comparison.js';
import { runSetup } from './run-setup.js';
import { summariseNamed, type ScenarioSource } from './summarise-run.js';
import { callsimVersion } from './version.js';

/** A scenario to compare, with where it came from (for the results' `scenario` block). */
export type ComparedScenario = ScenarioSource;

/**
 * Runs each scenario's replications 0..replications-1 with `seed` (default: the first scenario's)
 * and returns each summary plus, per metric of the baseline (the first), the paired difference of
 * every other scenario minus the baseline.
 */
export async function compareScenarios(
  pool: ReplicationPool,
  scenarios: readonly ComparedScenario[],
  options: { replications?: number; seed?: number; axes?: readonly SeriesAxis[] } = {},
  onDone?: ReplicationDone,
): Promise<ComparisonResults> {
  if (scenarios.length < 2) throw new Error('compare needs at least two scenarios');
  const seed = options.seed ?? scenarios[0].scenario.seed;
  const count = options.replications ?? scenarios[0].scenario.replications;
  const indices = Array.from({ length: count }, (_, i) => i);
  const runs: ReplicationResult[][] = [];
  for (const s of scenarios) runs.push(await pool.run({ ...s.scenario, seed, replications: count }, indices, onDone));
  return comparisonOf(runs, scenarios.map((s) => ({ name: s.scenario.name, file: s.file, sha256: s.sha256, setup: runSetup(s.scenario, s.changes) })), seed, options.axes);
}

/**
 * The comparison of scenarios' replications (each run in index order, the first the baseline):
 * each summary and the paired differences. Shared by a comparison run here and one merged from
 * shards, so both print the same bytes.
 */
export function comparisonOf(
  runs: readonly (readonly ReplicationResult[])[],
  metas: readonly { name: string; file: string | null; sha256: string | null; setup?: RunSetup }[],
  seed: number,
  axes: readonly SeriesAxis[] = DEFAULT_SERIES_AXES,
): ComparisonResults {
  const summaries: Results[] = runs.map((reps, i) => summariseNamed(reps, { name: metas[i].name, file: metas[i].file, sha256: metas[i].sha256 }, seed, axes, metas[i].setup));
  return pairedComparison(runs, summaries, { callsim: callsimVersion(), seed, replications: runs[0].length });
}
