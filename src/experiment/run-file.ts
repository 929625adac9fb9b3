/**
 * One call from a scenario file to summarised results, on worker threads: the entry point of
 * `callsim check` (and of scripts that want a file's results without the command line).
 */
import { availableParallelism } from 'node:os';
import type { Results, SeriesAxis } from '../metrics/results.js';
import { ReplicationPool } from './replication-pool.js';
import { runReplications } from './run-replications.js';
import { loadInput, type InputOptions } from './scenario-input.js';
import { summariseRun } from './summarise-run.js';

export interface RunFileOptions extends InputOptions {
  /** Worker threads (default: the machine's available parallelism). */
  threads?: number;
  /** Axes of the series the results carry (default: hour of day and month). */
  axes?: readonly SeriesAxis[];
}

/** Loads, runs and summarises a scenario file (same seed, same results whatever `threads`). */
export async function runScenarioFile(file: string, options: RunFileOptions = {}): Promise<Results> {
  const pool = new ReplicationPool(options.threads ?? availableParallelism());
  // Worker start-up overlaps reading and resolving the scenario.
  pool.warm(options.replications ?? availableParallelism());
  try {
    const input = await loadInput(file, options);
    const run = await runReplications(pool, input.scenario, { replications: input.scenario.replications });
    return summariseRun(run.results, input, input.scenario.seed, options.axes);
  } finally {
    await pool.close();
  }
}
