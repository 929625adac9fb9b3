/**
 * `callsim check FILE --targets T`: run a scenario and judge it against a targets file (targets
 * as data, `src/experiment/targets.ts`). Prints one line per target with the simulated mean ± the
 * 95% half-width and met / missed. Exit 0 when every required target is met, 1 when one is
 * missed, 2 for bad input (an unreadable or invalid scenario or targets file).
 */
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import type { TargetOutcome } from '../../experiment/targets.js';
import type { Results } from '../../metrics/results.js';
import { isBadInput } from '../errors.js';
import { allowLargeOption, seedFrom, threadsFrom, wholeNumber } from '../options.js';

interface CheckArgs {
  file: string;
  targets: string;
  reps?: number;
  threads?: number;
  seed?: number;
  format: 'table' | 'json';
  allowLarge: boolean;
}

const percent = (x: number): string => `${(100 * x).toFixed(1)}%`;

function formatValue(x: number | null, unit: string): string {
  if (x === null || !Number.isFinite(x)) return '-';
  if (unit === 'ratio') return percent(x);
  return `${Number.isInteger(x) ? x : x.toFixed(2)}${unit ? ` ${unit}` : ''}`;
}

function formatHalfWidth(x: number | null, unit: string): string {
  if (x === null || !Number.isFinite(x)) return '';
  return unit === 'ratio' ? `± ${(100 * x).toFixed(1)}` : `± ${x.toFixed(2)}`;
}

function formatRange(range: TargetOutcome['range'], unit: string): string {
  if (range === null) return '';
  const [lo, hi] = range;
  const f = (x: number): string => (unit === 'ratio' ? percent(x) : String(x));
  if (lo === null && hi !== null) return `≤ ${f(hi)}`;
  if (hi === null && lo !== null) return `≥ ${f(lo)}`;
  return `${f(lo as number)} – ${f(hi as number)}`;
}

const VERDICT: Record<TargetOutcome['status'], string> = { met: 'met', missed: 'MISSED', shown: '', noData: 'NO DATA' };

/** The targets table as text (monospace columns). */
export function formatTargetsTable(outcomes: readonly TargetOutcome[], results: Results): string {
  const rows = outcomes.map((o) => {
    const which = o.kind === 'metric' ? '' : o.kind === 'each' && o.spread ? ` (months ${formatValue(o.spread[0], o.unit)} – ${formatValue(o.spread[1], o.unit)})` : o.key ? ` (${o.key})` : '';
    return [
      o.label,
      `${formatValue(o.mean, o.unit)} ${formatHalfWidth(o.ci95, o.unit)}${which}`.trim(),
      formatRange(o.range, o.unit),
      o.observed === null ? '' : formatValue(o.observed, o.unit),
      o.status === 'shown' ? '' : o.required ? VERDICT[o.status] : `${VERDICT[o.status]} (info)`,
    ];
  });
  const header = ['target', 'simulated mean ± 95% half-width', 'range', 'report', 'verdict'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  const required = outcomes.filter((o) => o.required);
  const met = required.filter((o) => o.status === 'met').length;
  return [
    `${results.scenario.name}: ${results.replications} replications, seed ${results.seed}`,
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    `${met} of ${required.length} required targets met (met: the mean across replications lies in the range).`,
  ].join('\n');
}

/** Runs a scenario file into summarised results (the experiment layer's entry point). */
export type ScenarioFileRunner = (file: string, options: { replications?: number; threads?: number; seed?: number; allowLarge?: boolean }) => Promise<Results>;

/** The experiment layer's runner: replications on worker threads (same seed, same results whatever `threads`). */
const defaultRunner: ScenarioFileRunner = async (file, options) =>
  (await import('../../experiment/run-file.js')).runScenarioFile(file, { replications: options.replications, seed: options.seed, threads: options.threads, allowLarge: options.allowLarge });

/** The `check` command with an injected runner (tests pass their own). */
export function makeCheckCommand(runScenarioFile: ScenarioFileRunner = defaultRunner): CommandModule<object, CheckArgs> {
  return {
  command: 'check <file>',
  describe: 'Run a scenario and judge it against a targets file',
  builder: (yargs: Argv) =>
    yargs
      .positional('file', { type: 'string', demandOption: true, describe: 'scenario file (YAML or JSON)' })
      .option('targets', { alias: 't', type: 'string', demandOption: true, describe: 'targets file (YAML or JSON)' })
      .option('reps', { type: 'number', describe: 'replications (default: the scenario\'s)' })
      .option('threads', { type: 'number', describe: 'worker threads' })
      .option('seed', { type: 'number', describe: 'root seed (default: the scenario\'s)' })
      .option('format', { choices: ['table', 'json'] as const, default: 'table' as const })
      .option('allow-large', allowLargeOption) as unknown as Argv<CheckArgs>,
  handler: async (argv: ArgumentsCamelCase<CheckArgs>) => {
    // Targets and scenarios (yaml, zod) load only when this command runs.
    const { allRequiredMet, evaluateTargets, loadTargets } = await import('../../experiment/targets.js');
    let targets;
    try {
      targets = loadTargets(argv.targets);
    } catch (error) {
      process.stderr.write(`${(error as Error).message}\n`);
      process.exitCode = 2;
      return;
    }
    // Bad arguments throw UsageError (exit 2 through main's error handling).
    const options = { replications: wholeNumber(argv.reps, 'reps', 1), threads: threadsFrom(argv.threads), seed: seedFrom(argv.seed), allowLarge: argv.allowLarge };
    let results: Results;
    try {
      results = await runScenarioFile(argv.file, options);
    } catch (error) {
      // A bad scenario file is bad input (exit 2); anything else is an unexpected failure (main reports it, exit 1).
      if (!isBadInput(error)) throw error;
      process.stderr.write(`callsim check: ${(error as Error).message}\n`);
      process.exitCode = 2;
      return;
    }
    const outcomes = evaluateTargets(targets, results);
    const ok = allRequiredMet(outcomes);
    if (argv.format === 'json') {
      process.stdout.write(`${JSON.stringify({ scenario: results.scenario, seed: results.seed, replications: results.replications, allRequiredMet: ok, targets: outcomes }, null, 2)}\n`);
    } else {
      process.stdout.write(`${formatTargetsTable(outcomes, results)}\n`);
    }
    process.exitCode = ok ? 0 : 1;
  },
  };
}

export const checkCommand = makeCheckCommand();
