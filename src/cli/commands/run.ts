/**
 * `callsim run FILE`: replications of a scenario on worker threads, summarised as a table, the
 * section-6 JSON or CSV. `--trace-out` writes every call of replication 0 (run apart from the pool,
 * so the file is the same whatever --threads); `--precision` adds replications until intervals are
 * narrow enough.
 */
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { availableParallelism } from 'node:os';
import { ReplicationPool } from '../../experiment/replication-pool.js';
import { parsePrecision } from '../../experiment/overrides.js';
import { DEFAULT_MAX_REPLICATIONS, runReplications } from '../../experiment/run-replications.js';
import { loadInput } from '../../experiment/scenario-input.js';
import { summariseRun } from '../../experiment/summarise-run.js';
import type { Results } from '../../metrics/results.js';
import { resultsCsv } from '../../report/csv.js';
import { resultsJson } from '../../report/json.js';
import { resultsTable } from '../../report/table.js';
import { erlangBeside } from '../../report/erlang-beside.js';
import { runBreakdown, type BreakdownAxis } from '../../report/breakdown.js';
import { traceOut } from '../isolated-task.js';
import { checkOutPaths, emit } from '../output.js';
import {
  allowLargeOption, type Format, byOption, changeLines, withChanges, formatOption, metricsOption, htmlOption, listFrom, outOption, pluginsFrom, quietOption, repsOption, seedFrom, seedOption, setOption, threadsFrom, threadsOption, wholeNumber,
} from '../options.js';
import { makeProgress } from '../progress.js';
import { digestsOption, shardOption, shardRun } from '../shard.js';
import { verificationOf } from '../../experiment/shard/assemble.js';
import { scenarioDigest } from '../../experiment/shard/plan.js';

interface RunArgs {
  file: string;
  reps?: number;
  seed?: number;
  set?: string[];
  format: Format;
  out?: string;
  trace?: string;
  traceOut?: string;
  threads?: number;
  precision?: string[];
  maxReps?: number;
  quiet: boolean;
  html?: string;
  shard?: string;
  digests?: boolean;
  by?: BreakdownAxis;
  metrics?: string[];
  allowLarge: boolean;
}

/** Results in the chosen format (the table by month or hour with `by`; `metrics` globs pick rows of the table). */
export function formatResults(results: Results, format: Format, view: { by?: BreakdownAxis; metrics?: readonly string[]; changes?: readonly string[] } = {}): string {
  if (format === 'json') return resultsJson(results);
  if (format === 'csv') return resultsCsv(results);
  const table = view.by === undefined ? resultsTable(results, view.metrics) : runBreakdown(results, view.by, view.metrics);
  return withChanges(table, changeLines(view.changes ?? []));
}

async function handler(argv: ArgumentsCamelCase<RunArgs>): Promise<void> {
  const reps = wholeNumber(argv.reps, 'reps', 1);
  const maxReps = wholeNumber(argv.maxReps, 'max-reps', 1);
  const precision = listFrom(argv.precision).map(parsePrecision);
  const threads = threadsFrom(argv.threads);
  if (argv.shard !== undefined) return shardRun(argv, reps, seedFrom(argv.seed));
  const pool = new ReplicationPool(threads);
  // Worker start-up overlaps reading and resolving the scenario.
  pool.warm(reps ?? availableParallelism());
  let input;
  let run;
  try {
    input = await loadInput(argv.file, {
      sets: listFrom(argv.set), traceFile: argv.trace, seed: seedFrom(argv.seed), replications: reps, threads, allowLarge: argv.allowLarge, plugins: pluginsFrom(argv),
      workReplications: precision.length > 0 ? (maxReps ?? DEFAULT_MAX_REPLICATIONS) : undefined,
    });
    // Every output is checked before any simulation: a typing mistake costs nothing.
    checkOutPaths([['--out', argv.out], ['--html', argv.html], ['--trace-out', argv.traceOut]], input.inputs);
    const { scenario } = input;
    if (input.work.traceRowsAfterHorizon > 0 && !argv.quiet) {
      process.stderr.write(`callsim: ${input.work.traceRowsAfterHorizon} trace rows arrive at or after the horizon and are not replayed\n`);
    }
    const done = argv.traceOut === undefined ? [] : [await traceOut(scenario, argv.traceOut)];
    const progress = makeProgress(scenario.replications, { quiet: argv.quiet });
    try {
      progress.tick(done.length);
      run = await runReplications(
        pool,
        scenario,
        { replications: scenario.replications, precision, maxReplications: maxReps ?? DEFAULT_MAX_REPLICATIONS, done },
        () => progress.tick(),
        (total) => progress.setTotal(total),
      );
    } finally {
      progress.stop();
    }
  } finally {
    await pool.close();
  }
  if (!run.precisionMet && !argv.quiet) {
    const misses = precision.filter((t) => !(run.halfWidths[t.metric] <= t.halfWidth)).map((t) => `${t.metric} ± ${run.halfWidths[t.metric]} (wanted ≤ ${t.halfWidth})`);
    process.stderr.write(`callsim: precision not reached after ${run.results.length} replications (--max-reps): ${misses.join('; ')}\n`);
  }
  const results = summariseRun(run.results, input);
  if (argv.digests === true) results.verification = verificationOf(run.results, { sets: listFrom(argv.set), trace: argv.trace ?? null }, scenarioDigest(input.scenario));
  if (argv.format !== 'table' && !argv.quiet) process.stderr.write(changeLines(input.changes));
  emit(formatResults(results, argv.format, { by: argv.by, metrics: listFrom(argv.metrics), changes: input.changes }) + (argv.format === 'table' ? erlangBeside(input.scenario, results) : ''), argv.out, argv.quiet);
  // The report stack (vega, vega-lite) loads only when HTML is asked for.
  if (argv.html !== undefined) await (await import('../html-output.js')).writeHtml(results, argv.html, argv.quiet);
}

export const runCommand: CommandModule<object, RunArgs> = {
  command: 'run <file>',
  describe: 'Run replications of a scenario and summarise them',
  builder: (yargs: Argv) =>
    yargs
      .positional('file', { type: 'string', demandOption: true, describe: 'scenario file (YAML or JSON)' })
      .option('reps', repsOption)
      .option('seed', seedOption)
      .option('set', setOption)
      .option('format', formatOption)
      .option('out', outOption)
      .option('trace', { type: 'string', describe: 'replay this call log (CSV) instead of the arrival profiles' })
      .option('trace-out', { type: 'string', describe: 'write one CSV row per call of replication 0' })
      .option('threads', threadsOption)
      .option('precision', { type: 'string', array: true, describe: 'metric=halfwidth: add replications until the 95% half-width is at most this (repeatable)' })
      .option('max-reps', { type: 'number', describe: `cap on replications with --precision (default ${DEFAULT_MAX_REPLICATIONS})` })
      .option('quiet', quietOption)
      .option('html', htmlOption)
      .option('shard', shardOption)
      .option('digests', digestsOption)
      .option('by', byOption)
      .option('metrics', metricsOption)
      .option('allow-large', allowLargeOption) as unknown as Argv<RunArgs>,
  handler,
};
