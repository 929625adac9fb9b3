/**
 * Where `callsim slurm` collects the job a command line plans (src/cli/shard.ts, planOnly). Kept in
 * a file of its own with no imports so that it exists once in the process: the build folds a copy of
 * shard.ts into `callsim run`'s bundle (scripts/bundle-actions.mjs), and slurm's own shard.ts and
 * that copy must both see the same sink.
 */
import type { PlannedJob } from '../experiment/shard/plan.js';

let sink: ((planned: PlannedJob) => void) | undefined;

/** The sink set by planOnly, or undefined when the command should run. */
export function planSink(): ((planned: PlannedJob) => void) | undefined {
  return sink;
}

/** Set (or clear, with undefined) the sink. */
export function setPlanSink(next: ((planned: PlannedJob) => void) | undefined): void {
  sink = next;
}
