/**
 * `callsim compare`: several scenarios under common random numbers. Every scenario runs with the
 * same root seed and the same replication indices, so replication i of each sees the same callers
 * (DESIGN.md section 4) and the paired differences have narrow intervals.
 */
import type { ComparisonResults, PairedDifference, ReplicationResult, Results } from '../metrics/results.js';
import { pairedDifference, summarise } from '../metrics/summary.js';
import type { ResolvedScenario } from '../model/resolved.js';
import type { ReplicationDone, ReplicationPool } from './replication-pool.js';
import { callsimVersion } from './version.js';

/** A scenario to compare, with where it came from (for the results' `scenario` block). */
export interface ComparedScenario {
  scenario: ResolvedScenario;
  file: string | null;
  sha256: string | null;
}

const values = (reps: readonly ReplicationResult[], metric: string): number[] => reps.map((r) => r.metrics[metric] ?? NaN);

/**
 * Runs each scenario's replications 0..replications-1 with `seed` (default: the first scenario's)
 * and returns each summary plus, per metric of the baseline (the first), the paired difference of
 * every other scenario minus the baseline.
 */
export async function compareScenarios(
  pool: ReplicationPool,
  scenarios: readonly ComparedScenario[],
  options: { replications?: number; seed?: number } = {},
  onDone?: ReplicationDone,
): Promise<ComparisonResults> {
  if (scenarios.length < 2) throw new Error('compare needs at least two scenarios');
  const seed = options.seed ?? scenarios[0].scenario.seed;
  const count = options.replications ?? scenarios[0].scenario.replications;
  const indices = Array.from({ length: count }, (_, i) => i);
  const runs: ReplicationResult[][] = [];
  const summaries: Results[] = [];
  for (const s of scenarios) {
    const scenario: ResolvedScenario = { ...s.scenario, seed, replications: count };
    const reps = await pool.run(scenario, indices, onDone);
    runs.push(reps);
    summaries.push(summarise(reps, { callsim: callsimVersion(), scenario: { name: scenario.name, file: s.file, sha256: s.sha256 }, seed }));
  }
  const differences: Record<string, PairedDifference[]> = {};
  for (const metric of Object.keys(summaries[0].metrics)) {
    const base = values(runs[0], metric);
    differences[metric] = runs.slice(1).map((reps, i) =>
      summaries[i + 1].metrics[metric] === undefined ? { mean: null, ci95: null, significant: false } : pairedDifference(base, values(reps, metric)),
    );
  }
  return { callsim: callsimVersion(), seed, replications: count, scenarios: summaries, differences, seriesDifferences: seriesDifferences(runs) };
}

/** Paired differences at each key of every series of the baseline (months, hours). */
function seriesDifferences(runs: readonly ReplicationResult[][]): NonNullable<ComparisonResults['seriesDifferences']> {
  const out: NonNullable<ComparisonResults['seriesDifferences']> = {};
  const first = runs[0][0];
  if (first === undefined) return out;
  for (const [name, series] of Object.entries(first.series)) {
    const at = (reps: readonly ReplicationResult[], key: string): number[] =>
      reps.map((r) => {
        const s = r.series[name];
        const i = s === undefined ? -1 : s.keys.indexOf(key);
        return i < 0 ? NaN : s.values[i];
      });
    out[name] = {
      keys: series.keys,
      differences: runs.slice(1).map((reps) => series.keys.map((k) => pairedDifference(at(runs[0], k), at(reps, k)))),
    };
  }
  return out;
}
