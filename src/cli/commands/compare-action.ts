/** The work of `callsim compare` (loaded when the command runs, so --help and other commands do not pay for it). */
import type { ArgumentsCamelCase } from 'yargs';
import { compareScenarios, type ComparedScenario } from '../../experiment/compare.js';
import { parseVariant } from '../../experiment/overrides.js';
import { ReplicationPool } from '../../experiment/replication-pool.js';
import { loadInput } from '../../experiment/scenario-input.js';
import type { ComparisonResults } from '../../metrics/results.js';
import { comparisonCsv } from '../../report/csv.js';
import { comparisonBreakdownCsv } from '../../report/breakdown-csv.js';
import { seriesAxesWith } from '../../metrics/summary.js';
import { comparisonJson } from '../../report/json.js';
import { comparisonTable } from '../../report/table.js';
import { comparisonBreakdown, type BreakdownAxis } from '../../report/breakdown.js';
import { UsageError } from '../errors.js';
import { type Format, changeLines, withChanges, listFrom, pluginsFrom, seedFrom, threadsFrom, wholeNumber } from '../options.js';
import { checkOutPaths, emit } from '../output.js';
import { makeProgress } from '../progress.js';
import { shardCompare } from '../shard.js';
import type { CompareArgs } from './compare.js';

/** A comparison in the chosen format. */
export function formatComparison(c: ComparisonResults, format: Format, view: { by?: BreakdownAxis; metrics?: readonly string[]; changes?: string } = {}): string {
  if (format === 'json') return comparisonJson(c, view.by);
  if (format === 'csv') return view.by === undefined ? comparisonCsv(c) : comparisonBreakdownCsv(c, view.by, view.metrics);
  return withChanges(view.by === undefined ? comparisonTable(c, view.metrics) : comparisonBreakdown(c, view.by, view.metrics), view.changes ?? '');
}

/** The scenarios to compare: several files, or one file and its variants (the file itself first). */
async function loadScenarios(argv: ArgumentsCamelCase<CompareArgs>, threads: number): Promise<{ scenarios: ComparedScenario[]; inputs: string[]; changes: string }> {
  const files = listFrom(argv.files);
  const variants = listFrom(argv.variant);
  const sets = listFrom(argv.set);
  const seed = seedFrom(argv.seed);
  if (variants.length > 0 && files.length !== 1) throw new UsageError('compare: give one scenario file with --variant, or several files without it');
  if (variants.length === 0 && files.length < 2) throw new UsageError('compare: give at least two scenario files, or one file and --variant');
  const inputs = variants.length === 0
    ? files.map((f) => ({ file: f, sets, name: undefined as string | undefined }))
    : [{ file: files[0], sets, name: undefined as string | undefined }, ...variants.map((v) => { const p = parseVariant(v); return { file: files[0], sets: [...sets, ...p.sets], name: p.label }; })];
  const read: string[] = [];
  let changes = '';
  const scenarios: ComparedScenario[] = [];
  for (const [n, i] of inputs.entries()) {
    const loaded = await loadInput(i.file, { sets: i.sets, seed, threads, allowLarge: argv.allowLarge, replications: wholeNumber(argv.reps, 'reps', 1), plugins: pluginsFrom(argv) });
    read.push(...loaded.inputs);
    changes += changeLines(loaded.changes, ` ${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[n] ?? n + 1}`);
    // A variant keeps its file's name; say which label or overrides made it.
    const scenario = i.name === undefined ? loaded.scenario : { ...loaded.scenario, name: `${loaded.scenario.name} [${i.name}]` };
    scenarios.push({ scenario, file: loaded.file, sha256: loaded.sha256, changes: loaded.changes });
  }
  return { scenarios, inputs: read, changes };
}

export async function compareAction(argv: ArgumentsCamelCase<CompareArgs>): Promise<void> {
  const reps = wholeNumber(argv.reps, 'reps', 1);
  const threads = threadsFrom(argv.threads);
  const { scenarios, inputs, changes } = await loadScenarios(argv, threads);
  const count = reps ?? scenarios[0].scenario.replications;
  if (argv.shard !== undefined) return shardCompare(argv, scenarios, count, seedFrom(argv.seed), inputs);
  checkOutPaths([['--out', argv.out], ['--html', argv.html]], inputs);
  const progress = makeProgress(count * scenarios.length, { quiet: argv.quiet, label: `${scenarios.length} scenarios x ${count} replications` });
  const pool = new ReplicationPool(threads);
  let comparison: ComparisonResults;
  try {
    comparison = await compareScenarios(pool, scenarios, { replications: count, seed: seedFrom(argv.seed), axes: seriesAxesWith(argv.by) }, () => progress.tick());
  } finally {
    progress.stop();
    await pool.close();
  }
  if (argv.format !== 'table' && !argv.quiet) process.stderr.write(changes);
  emit(formatComparison(comparison, argv.format, { by: argv.by, metrics: listFrom(argv.metrics), changes }), argv.out, argv.quiet);
  // The report stack (vega, vega-lite) loads only when HTML is asked for.
  if (argv.html !== undefined) await (await import('../html-output.js')).writeHtml(comparison, argv.html, argv.quiet);
}

