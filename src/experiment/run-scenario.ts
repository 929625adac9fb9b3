import type { ResolvedScenario } from '../model/resolved.js';
import type { Results } from '../metrics/results.js';
import { runReplication } from './run-replication.js';
import { summariseRun } from './summarise-run.js';

export interface RunScenarioOptions {
  /** Replications to run (default: the scenario's). Replication i uses streams (seed, i). */
  replications?: number;
  file?: string | null;
  sha256?: string | null;
}

/** Run a scenario's replications one after another in this thread and summarise them. */
export function runScenario(scenario: ResolvedScenario, options: RunScenarioOptions = {}): Results {
  const count = options.replications ?? scenario.replications;
  const reps = Array.from({ length: count }, (_, i) => runReplication(scenario, i));
  return summariseRun(reps, { scenario, file: options.file ?? null, sha256: options.sha256 ?? null });
}
