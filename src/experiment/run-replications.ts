/**
 * How many replications to run, and running them: a fixed count, or `--precision`: batches of
 * replications until every named metric's 95% half-width is at most its target, up to a cap.
 * The sequence of replication indices is always 0, 1, 2, ... in batches of the initial count, so
 * a run with a precision target is as reproducible as a fixed one.
 */
import type { ReplicationResult } from '../metrics/results.js';
import { halfWidth } from '../metrics/summary.js';
import { DEFAULT_MAX_REPLICATIONS } from './replication-defaults.js';
import type { ResolvedScenario } from '../model/resolved.js';
import type { ReplicationDone, ReplicationPool } from './replication-pool.js';

/** Stop when `metric`'s 95% half-width across replications is at most `halfWidth` (the metric's unit). */
export interface PrecisionTarget {
  metric: string;
  halfWidth: number;
}

export interface ReplicationPlan {
  /** Replications to run first (and the batch size when a precision target is not met). */
  replications: number;
  precision?: readonly PrecisionTarget[];
  /** Cap on replications with a precision target (default 200). */
  maxReplications?: number;
  /** Results of replications 0..k-1 already run (for example replication 0 traced in the main thread). */
  done?: readonly ReplicationResult[];
}

export interface ReplicationsRun {
  results: ReplicationResult[];
  /** True when every precision target was met (true when there is none). */
  precisionMet: boolean;
  /** Each target's half-width after the last batch (NaN with fewer than 2 finite values). */
  halfWidths: Record<string, number>;
}

/** A precision target names a metric the scenario does not produce. */
export class UnknownMetricError extends Error {
  /** Bad input (exit 2): the command line tells it by this mark, not by class identity (cli/errors.ts). */
  readonly badInput = true;
  constructor(readonly metric: string, known: readonly string[]) {
    const near = known.filter((k) => k.split('.').pop() === metric.split('.').pop()).slice(0, 5);
    super(`--precision: no metric named ${metric}${near.length > 0 ? ` (did you mean ${near.join(', ')}?)` : ''}`);
    this.name = 'UnknownMetricError';
  }
}

export { DEFAULT_MAX_REPLICATIONS };

function widths(results: readonly ReplicationResult[], targets: readonly PrecisionTarget[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of targets) out[t.metric] = halfWidth(results.map((r) => r.metrics[t.metric] ?? NaN));
  return out;
}

const met = (w: Record<string, number>, targets: readonly PrecisionTarget[]): boolean =>
  targets.every((t) => Number.isFinite(w[t.metric]) && w[t.metric] <= t.halfWidth);

/**
 * Runs replications 0..n-1 (n = plan.replications) and, with precision targets, further batches
 * of n until all targets are met or the cap is reached. `onBatch` reports the planned total before
 * each batch (for a progress bar).
 */
export async function runReplications(
  pool: ReplicationPool,
  scenario: ResolvedScenario,
  plan: ReplicationPlan,
  onDone?: ReplicationDone,
  onBatch?: (plannedTotal: number) => void,
): Promise<ReplicationsRun> {
  const targets = plan.precision ?? [];
  const cap = targets.length === 0 ? plan.replications : Math.max(plan.replications, plan.maxReplications ?? DEFAULT_MAX_REPLICATIONS);
  // A half-width needs two replications.
  const batch = targets.length === 0 ? plan.replications : Math.max(2, plan.replications);
  // Replications already run elsewhere (replication 0 traced in this thread), in index order from 0.
  const results: ReplicationResult[] = [...(plan.done ?? [])].slice(0, cap);
  let w: Record<string, number> = {};
  let end = 0;
  for (;;) {
    const nextEnd = Math.min(end + batch, cap);
    if (nextEnd <= end) break;
    end = nextEnd;
    onBatch?.(end);
    const from = results.length;
    if (end > from) results.push(...(await pool.run(scenario, Array.from({ length: end - from }, (_, k) => from + k), onDone)));
    if (targets.length === 0) break;
    for (const t of targets) if (!(t.metric in results[0].metrics)) throw new UnknownMetricError(t.metric, Object.keys(results[0].metrics));
    w = widths(results, targets);
    if (met(w, targets)) break;
  }
  return { results, precisionMet: targets.length === 0 || met(w, targets), halfWidths: w };
}
