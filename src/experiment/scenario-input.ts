/**
 * Loading a scenario file for a run: the scenario layer reads, validates and resolves it (with
 * `--set` overrides and an optional replayed trace); a seed or replication count from the command
 * line replaces the file's.
 */
import type { ResolvedScenario } from '../model/resolved.js';
import { loadScenario } from '../scenario/load.js';

export interface ScenarioInput {
  scenario: ResolvedScenario;
  file: string;
  sha256: string;
  /** One line in plain words per `--set` applied. */
  changes: string[];
}

export interface InputOptions {
  /** `path=value` overrides, applied in order. */
  sets?: readonly string[];
  /** A call log replayed instead of the arrival profiles. */
  traceFile?: string;
  seed?: number;
  replications?: number;
}

/** Reads a scenario file; throws the scenario layer's ScenarioError for bad input. */
export function loadInput(file: string, options: InputOptions = {}): ScenarioInput {
  const loaded = loadScenario(file, { sets: options.sets === undefined ? undefined : [...options.sets], traceFile: options.traceFile });
  let scenario = loaded.resolved;
  if (options.seed !== undefined || options.replications !== undefined) {
    scenario = { ...scenario, seed: options.seed ?? scenario.seed, replications: options.replications ?? scenario.replications };
  }
  return { scenario, file: loaded.file, sha256: loaded.sha256, changes: loaded.changes };
}
