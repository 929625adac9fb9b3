import { beforeAll, describe, expect, it } from 'vitest';
import { formatTargetsTable } from '../../src/cli/commands/check.js';
import { runScenarioFile } from '../../src/experiment/run-file.js';
import { evaluateTargets, loadTargets, type Target, type TargetsFile } from '../../src/experiment/targets.js';
import type { Results } from '../../src/metrics/results.js';

const SCENARIO = 'scenarios/avon-somerset-2022.yaml';
const TARGETS = 'scenarios/avon-somerset-2022.targets.yaml';
const REPS = 5;

/**
 * The baseline judged sharply (issue 16). Each required range in the targets file is the report's
 * figure plus or minus the uncertainty that figure itself carries (its source says which: a
 * binomial interval from the count behind it). Here each end is moved out to the figure plus or
 * minus three simulation half-widths (the 95% half-width of the mean of these replications) when
 * that is wider, and never further: the baseline cannot drift by several points and still pass.
 */
function simulationHalfWidth(target: Target, results: Results): number {
  if ('metric' in target) return results.metrics[target.metric]?.ci95 ?? 0;
  const suffix = `by${target.by.charAt(0).toUpperCase()}${target.by.slice(1)}`;
  const series = results.series[`${target.series}.${suffix}`] ?? results.series[target.series];
  return Math.max(0, ...(series?.ci95 ?? []).map((w) => (w === null || !Number.isFinite(w) ? 0 : w)));
}

function sharpened(target: Target, results: Results): Target {
  const by = 3 * simulationHalfWidth(target, results);
  const observed = target.observed;
  if (observed === undefined) throw new Error(`${target.label}: a required target needs its observed figure`);
  const widen = (range: [number | null, number | null] | undefined): [number | null, number | null] | undefined =>
    range && [range[0] === null ? null : Math.min(range[0], observed - by), range[1] === null ? null : Math.max(range[1], observed + by)];
  if ('metric' in target) return { ...target, range: widen(target.range) };
  return { ...target, each: widen(target.each), lowest: widen(target.lowest), highest: widen(target.highest) };
}

/**
 * Targets the current baseline misses once sharpened. They still run and report (`it.fails`
 * passes only while the target is missed, so a fix shows up as a failure to remove the entry).
 * Fitting the scenario is the fidelity issue's job; this list must not be fixed by widening ranges.
 */
const KNOWN_FAILURES: Record<string, string> = {
  // None since the refit of issue 15 (the 999 bands judged on their own month, April 2022).
};

const targets = loadTargets(TARGETS);
const required = targets.targets.filter((t) => t.required !== false && ('metric' in t ? t.range !== undefined : true));

describe('Avon and Somerset 2022 baseline against its report figures (5 replications)', () => {
  let results: Results;
  beforeAll(async () => {
    // One thread: replications run in this process from the TypeScript sources (no build needed).
    results = await runScenarioFile(SCENARIO, { replications: REPS, threads: 1 });
  }, 120_000);

  it('judges at least eight report figures', () => {
    expect(required.length).toBeGreaterThanOrEqual(8);
  });

  for (const target of required) {
    const known = KNOWN_FAILURES[target.label];
    const test = known === undefined ? it : it.fails;
    test(`${target.label}${known === undefined ? '' : ` (known failure: ${known})`}`, () => {
      const file: TargetsFile = { ...targets, targets: [sharpened(target, results)] };
      const outcomes = evaluateTargets(file, results);
      expect(outcomes[0].status, formatTargetsTable(outcomes, results)).toBe('met');
    });
  }
});
