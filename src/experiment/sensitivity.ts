/**
 * `callsim sensitivity`: one-at-a-time variation of a scenario's tagged assumptions (fitted or
 * assumed numbers, `assumptions:` in the file) under common random numbers. Each assumption is
 * moved to its low and then its high value, everything else held; every run uses the baseline's
 * seed and replication indices, so replication i of each sees the same callers and the change in
 * each target metric is a paired difference with a narrow 95% interval.
 */
import type { PairedDifference, ReplicationResult } from '../metrics/results.js';
import { pairedDifference } from '../metrics/summary.js';
import type { ResolvedScenario } from '../model/resolved.js';
import { readAssumptions, type Assumption } from '../scenario/assumptions.js';
import type { ReplicationDone, ReplicationPool } from './replication-pool.js';
import { nodeFiles } from './node-files.js';
import { loadInput } from './scenario-input.js';
import { standardMetricNames } from '../metrics/standards.js';
import { standardLabel } from './standard-lines.js';
import type { TargetsFile } from './targets.js';

/** One target metric's move when one assumption goes to one side. */
export interface SensitivitySide {
  values: number[];
  /** Variant minus baseline, per replication paired. */
  change: PairedDifference;
}

export interface SensitivityRow {
  assumption: string;
  kind: 'fitted' | 'assumed';
  paths: string[];
  base: number[];
  low: SensitivitySide;
  high: SensitivitySide;
  /** The larger of |low change| and |high change| (0 when neither has data): the tornado's order. */
  swing: number;
}

export interface SensitivityTarget {
  label: string;
  metric: string;
  unit: string;
  /** The baseline's mean over replications (null without data). */
  baseMean: number | null;
  /** Rows by swing, largest first. */
  rows: SensitivityRow[];
}

export interface SensitivityResults {
  scenario: string;
  seed: number;
  replications: number;
  targets: SensitivityTarget[];
  /** Series targets (by month, hour...) are not varied: named here so none is dropped silently. */
  skipped: string[];
}

export interface SensitivityOptions {
  sets?: readonly string[];
  replications?: number;
  seed?: number;
  threads?: number;
  allowLarge?: boolean;
  /** Told the number of replication runs ahead (for a progress bar) once the scenarios are loaded. */
  onPlan?: (replicationRuns: number) => void;
}

const valuesOf = (reps: readonly ReplicationResult[], metric: string): number[] => reps.map((r) => r.metrics[metric] ?? NaN);

function mean(xs: readonly number[]): number | null {
  const finite = xs.filter(Number.isFinite);
  return finite.length === 0 ? null : finite.reduce((a, b) => a + b, 0) / finite.length;
}

/** The baseline and, per tagged assumption, its low and high scenarios (loaded, not run). */
export async function sensitivityRuns(file: string, options: SensitivityOptions = {}): Promise<{ base: ResolvedScenario; assumptions: Assumption[]; scenarios: { low: ResolvedScenario; high: ResolvedScenario }[] }> {
  const sets = options.sets ?? [];
  const common = { seed: options.seed, replications: options.replications, threads: options.threads, allowLarge: options.allowLarge };
  const base = (await loadInput(file, { ...common, sets })).scenario;
  const assumptions = readAssumptions(nodeFiles, file, { sets, allowLarge: options.allowLarge });
  const scenarios: { low: ResolvedScenario; high: ResolvedScenario }[] = [];
  for (const a of assumptions) {
    scenarios.push({
      low: (await loadInput(file, { ...common, sets: [...sets, ...a.low.sets] })).scenario,
      high: (await loadInput(file, { ...common, sets: [...sets, ...a.high.sets] })).scenario,
    });
  }
  return { base, assumptions, scenarios };
}

/**
 * The tornado: for each metric target of `targets`, how far each assumption's low and high
 * values move the metric from the baseline (paired differences over the same replications).
 */
export async function runSensitivity(pool: ReplicationPool, file: string, targets: TargetsFile, options: SensitivityOptions = {}, onDone?: ReplicationDone): Promise<SensitivityResults> {
  const { base, assumptions, scenarios } = await sensitivityRuns(file, options);
  const seed = base.seed;
  options.onPlan?.(base.replications * (1 + 2 * scenarios.length));
  const indices = Array.from({ length: base.replications }, (_, i) => i);
  const run = (s: ResolvedScenario): Promise<ReplicationResult[]> => pool.run({ ...s, seed, replications: base.replications }, indices, onDone);
  const baseReps = await run(base);
  const sides: { low: ReplicationResult[]; high: ReplicationResult[] }[] = [];
  for (const s of scenarios) sides.push({ low: await run(s.low), high: await run(s.high) });
  const skipped: string[] = [];
  const out: SensitivityTarget[] = [];
  // The file's figures, then the national standards from the standards module (as `check` judges them).
  const standards = standardMetricNames(Object.keys(baseReps[0]?.metrics ?? {})).map((name) => ({ label: standardLabel(name), metric: name }));
  for (const t of [...targets.targets, ...standards]) {
    if (!('metric' in t)) {
      skipped.push(t.label);
      continue;
    }
    const baseValues = valuesOf(baseReps, t.metric);
    const unit = baseReps.find((r) => r.units[t.metric] !== undefined)?.units[t.metric] ?? '';
    const rows = assumptions.map((a, i): SensitivityRow => {
      const low = pairedDifference(baseValues, valuesOf(sides[i].low, t.metric));
      const high = pairedDifference(baseValues, valuesOf(sides[i].high, t.metric));
      const swing = Math.max(Math.abs(low.mean ?? 0), Math.abs(high.mean ?? 0));
      return { assumption: a.name, kind: a.kind, paths: a.paths, base: a.base, low: { values: a.low.values, change: low }, high: { values: a.high.values, change: high }, swing };
    });
    // Stable: equal swings keep the file's order.
    rows.sort((x, y) => y.swing - x.swing);
    out.push({ label: t.label, metric: t.metric, unit, baseMean: mean(baseValues), rows });
  }
  return { scenario: base.name, seed, replications: base.replications, targets: out, skipped };
}
