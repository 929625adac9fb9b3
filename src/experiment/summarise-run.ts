/** The one place a run's replications become Results with their header (callsim version, scenario, file, digest, seed). */
import type { ReplicationResult, Results, RunSetup, SeriesAxis } from '../metrics/results.js';
import { DEFAULT_SERIES_AXES, summarise } from '../metrics/summary.js';
import type { ResolvedScenario } from '../model/resolved.js';
import { runSetup } from './run-setup.js';
import { callsimVersion } from './version.js';

/** A scenario with where it came from (for the results' `scenario` block). */
export interface ScenarioSource {
  scenario: ResolvedScenario;
  file: string | null;
  sha256: string | null;
  /** One line in words per change applied (`--set`, `--variant`), for the results' `setup`. */
  changes?: readonly string[];
}

/** Summarise replications of `source.scenario` run with `seed` (default: the scenario's), with series on `axes`. */
export function summariseRun(results: readonly ReplicationResult[], source: ScenarioSource, seed = source.scenario.seed, axes: readonly SeriesAxis[] = DEFAULT_SERIES_AXES): Results {
  return summariseNamed(results, { name: source.scenario.name, file: source.file, sha256: source.sha256 }, seed, axes, runSetup(source.scenario, source.changes));
}

/** The same, for replications known by the scenario's name and digest only (merged from shards). */
export function summariseNamed(
  results: readonly ReplicationResult[],
  scenario: { name: string; file: string | null; sha256: string | null },
  seed: number,
  axes: readonly SeriesAxis[] = DEFAULT_SERIES_AXES,
  setup?: RunSetup,
): Results {
  const summary = summarise(results, { callsim: callsimVersion(), scenario, seed }, axes);
  return setup === undefined ? summary : { ...summary, setup };
}
