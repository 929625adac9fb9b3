import type { ComparisonResults, PairedDifference, ReplicationResult, Results } from '../metrics/results.js';
import { pairedDifference } from '../metrics/summary.js';

const values = (reps: readonly ReplicationResult[], metric: string): number[] => reps.map((r) => r.metrics[metric] ?? NaN);

/**
 * A comparison from each scenario's replications (same seed, same indices: common random numbers)
 * and their summaries, the first being the baseline: per baseline metric, the paired difference of
 * every other scenario minus the baseline. Pure, so `callsim compare` and the what-if page share it.
 */
export function pairedComparison(runs: readonly (readonly ReplicationResult[])[], summaries: Results[], meta: { callsim: string; seed: number; replications: number }): ComparisonResults {
  const differences: Record<string, PairedDifference[]> = {};
  for (const metric of Object.keys(summaries[0].metrics)) {
    const base = values(runs[0], metric);
    differences[metric] = runs.slice(1).map((reps, i) =>
      summaries[i + 1].metrics[metric] === undefined ? { mean: null, ci95: null, significant: false } : pairedDifference(base, values(reps, metric)),
    );
  }
  return { callsim: meta.callsim, seed: meta.seed, replications: meta.replications, scenarios: summaries, differences, seriesDifferences: seriesDifferences(runs, summaries[0]) };
}

/** Paired differences at each key of every series of the baseline's summary (months, hours, days). */
function seriesDifferences(runs: readonly (readonly ReplicationResult[])[], base: Results): NonNullable<ComparisonResults['seriesDifferences']> {
  const out: NonNullable<ComparisonResults['seriesDifferences']> = {};
  const first = runs[0][0];
  if (first === undefined) return out;
  for (const [name, series] of Object.entries(first.series)) {
    if (base.series[name] === undefined) continue;
    const at = (reps: readonly ReplicationResult[], key: string): number[] =>
      reps.map((r) => {
        const s = r.series[name];
        const i = s === undefined ? -1 : s.keys.indexOf(key);
        return i < 0 ? NaN : s.values[i];
      });
    out[name] = {
      by: series.by,
      keys: series.keys,
      differences: runs.slice(1).map((reps) => series.keys.map((k) => pairedDifference(at(runs[0], k), at(reps, k)))),
    };
  }
  return out;
}
