/**
 * Loading a scenario file for a run: policy modules first (`--plugin`, and those the file names),
 * then the scenario layer reads, validates and resolves it (with `--set` overrides and an optional
 * replayed trace); a seed or replication count from the command line replaces the file's.
 */
import type { ResolvedScenario } from '../model/resolved.js';
import { loadScenario, scenarioPluginFiles } from '../scenario/load.js';
import { loadPolicyModule, loadScenarioPlugins } from './policy-modules.js';

export interface ScenarioInput {
  scenario: ResolvedScenario;
  file: string;
  sha256: string;
}

export interface InputOptions {
  /** `path=value` overrides, applied in order. */
  sets?: readonly string[];
  /** A call log replayed instead of the arrival profiles. */
  traceFile?: string;
  seed?: number;
  replications?: number;
  /** Policy modules to load first (`--plugin FILE`). */
  plugins?: readonly string[];
}

/** Reads a scenario file; throws the scenario layer's ScenarioError for bad input. */
export async function loadInput(file: string, options: InputOptions = {}): Promise<ScenarioInput> {
  for (const plugin of options.plugins ?? []) await loadPolicyModule(plugin);
  const load = { sets: options.sets === undefined ? undefined : [...options.sets], traceFile: options.traceFile };
  await loadScenarioPlugins(file, scenarioPluginFiles(file, load));
  const loaded = loadScenario(file, load);
  let scenario = loaded.resolved;
  if (options.seed !== undefined || options.replications !== undefined) {
    scenario = { ...scenario, seed: options.seed ?? scenario.seed, replications: options.replications ?? scenario.replications };
  }
  return { scenario, file: loaded.file, sha256: loaded.sha256 };
}
