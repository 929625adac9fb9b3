/**
 * Loading a scenario file for a run: policy modules first (`--plugin`, and those the file names),
 * then the scenario layer reads, validates and resolves it (with `--set` overrides and an optional
 * replayed trace); a seed or replication count from the command line replaces the file's.
 */
import type { ResolvedScenario } from '../model/resolved.js';
import { scenarioPluginFiles } from '../scenario/load.js';
import { loadScenario } from './load-scenario.js';
import { nodeFiles } from './node-files.js';
import { loadPolicyModule, loadScenarioPlugins } from './policy-modules.js';
import { checkWork, estimateWork, type WorkEstimate } from './work-estimate.js';

export interface ScenarioInput {
  scenario: ResolvedScenario;
  file: string;
  sha256: string;
  /** One line in plain words per `--set` applied. */
  changes: string[];
  /** Every file the scenario was read from (scenario, `extends` bases, trace), absolute. */
  inputs: string[];
  /** The work it asks for (with the replications and threads of this run). */
  work: WorkEstimate;
}

export interface InputOptions {
  /** `path=value` overrides, applied in order. */
  sets?: readonly string[];
  /** A call log replayed instead of the arrival profiles. */
  traceFile?: string;
  seed?: number;
  replications?: number;
  /** Replications the run may grow to (`--precision` adds them up to `--max-reps`): the work is checked at this many. */
  workReplications?: number;
  /** Threads the run will use (for the memory estimate; default 1). */
  threads?: number;
  /** Run work beyond the limits and read scenario files beyond the size limit (`--allow-large`). */
  allowLarge?: boolean;
  /** Policy modules to load first (`--plugin FILE`). */
  plugins?: readonly string[];
}

/**
 * Reads a scenario file and estimates its work; throws the scenario layer's ScenarioError for bad
 * input, and for a headcount or a run too large to attempt (see work-estimate.ts).
 */
export async function loadInput(file: string, options: InputOptions = {}): Promise<ScenarioInput> {
  const allowLarge = options.allowLarge === true;
  for (const plugin of options.plugins ?? []) await loadPolicyModule(plugin);
  const load = { sets: options.sets === undefined ? undefined : [...options.sets], traceFile: options.traceFile, allowLarge };
  await loadScenarioPlugins(file, scenarioPluginFiles(nodeFiles, file, load));
  const loaded = loadScenario(file, load);
  let scenario = loaded.resolved;
  if (options.seed !== undefined || options.replications !== undefined) {
    scenario = { ...scenario, seed: options.seed ?? scenario.seed, replications: options.replications ?? scenario.replications };
  }
  const work = estimateWork(scenario, options.threads ?? 1);
  const most = options.workReplications ?? 0;
  if (most > scenario.replications) {
    const grown = { ...scenario, replications: most };
    checkWork(estimateWork(grown, options.threads ?? 1), grown, file, allowLarge);
  } else {
    checkWork(work, scenario, file, allowLarge);
  }
  return { scenario, file: loaded.file, sha256: loaded.sha256, inputs: loaded.inputs, work, changes: loaded.changes };
}
