/**
 * `callsim run FILE`: replications of a scenario on worker threads, summarised as a table, the
 * section-6 JSON or CSV. `--trace-out` writes every call of replication 0 (run in this thread, so
 * the file is the same whatever --threads); `--precision` adds replications until intervals are
 * narrow enough.
 */
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import type { ReplicationPool } from '../../experiment/replication-pool.js';
import { parsePrecision } from '../../experiment/overrides.js';
import { DEFAULT_MAX_REPLICATIONS, runReplications } from '../../experiment/run-replications.js';
import { callsimVersion } from '../../experiment/version.js';
import type { ReplicationResult, Results } from '../../metrics/results.js';
import { summarise } from '../../metrics/summary.js';
import type { ResolvedScenario } from '../../model/resolved.js';
import {
  allowLargeOption, type Format, formatOption, htmlOption, listFrom, outOption, quietOption, repsOption, seedFrom, seedOption, setOption, threadsFrom, threadsOption, wholeNumber,
} from '../options.js';
import { checkOutPaths, emit } from '../output.js';

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
  allowLarge: boolean;
}

/** Results in the chosen format (each writer loads only when chosen). */
export async function formatResults(results: Results, format: Format): Promise<string> {
  if (format === 'json') return (await import('../../report/json.js')).resultsJson(results);
  if (format === 'csv') return (await import('../../report/csv.js')).resultsCsv(results);
  return (await import('../../report/table.js')).resultsTable(results);
}

/** Runs replication 0 in this thread, streaming each call to `file` (renamed into place when complete). */
async function traceReplicationZero(scenario: ResolvedScenario, file: string): Promise<ReplicationResult> {
  const [{ AtomicStream }, { callCsvRow, callsCsvHeader }, { runReplication }] = await Promise.all([
    import('../../report/atomic-write.js'), import('../../report/calls-csv.js'), import('../../experiment/run-replication.js'),
  ]);
  const stream = new AtomicStream(file);
  try {
    stream.write(callsCsvHeader());
    const result = runReplication(scenario, 0, { callSink: (call) => stream.write(callCsvRow(call)) });
    stream.commit();
    return result;
  } catch (error) {
    stream.abort();
    throw error;
  }
}

async function handler(argv: ArgumentsCamelCase<RunArgs>): Promise<void> {
  const reps = wholeNumber(argv.reps, 'reps', 1);
  const maxReps = wholeNumber(argv.maxReps, 'max-reps', 1);
  const threads = threadsFrom(argv.threads);
  // Only what running needs loads here; the scenario's schema, the workers and the writers load when used.
  const [{ ReplicationPool }, { loadInput }, { makeProgress }] = await Promise.all([
    import('../../experiment/replication-pool.js'), import('../../experiment/scenario-input.js'), import('../progress.js'),
  ]);
  const precision = listFrom(argv.precision).map(parsePrecision);
  const pool: ReplicationPool = new ReplicationPool(threads);
  // Worker start-up overlaps reading and resolving the scenario, when more than one replication is asked for.
  if (reps !== undefined) pool.warm(reps);
  let input;
  let run;
  try {
    input = loadInput(argv.file, { sets: listFrom(argv.set), traceFile: argv.trace, seed: seedFrom(argv.seed), replications: reps, threads, allowLarge: argv.allowLarge });
    // Every output is checked before any simulation: a typing mistake costs nothing.
    checkOutPaths([['--out', argv.out], ['--html', argv.html], ['--trace-out', argv.traceOut]], input.inputs);
    const { scenario } = input;
    if (input.work.traceRowsAfterHorizon > 0 && !argv.quiet) {
      process.stderr.write(`callsim: ${input.work.traceRowsAfterHorizon} trace rows arrive at or after the horizon and are not replayed\n`);
    }
    const done = argv.traceOut === undefined ? [] : [await traceReplicationZero(scenario, argv.traceOut)];
    const progress = makeProgress(scenario.replications, { quiet: argv.quiet });
    try {
      for (let i = 0; i < done.length; i++) progress.tick();
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
  const { scenario } = input;
  if (!run.precisionMet && !argv.quiet) {
    const misses = precision.filter((t) => !(run.halfWidths[t.metric] <= t.halfWidth)).map((t) => `${t.metric} ± ${run.halfWidths[t.metric]} (wanted ≤ ${t.halfWidth})`);
    process.stderr.write(`callsim: precision not reached after ${run.results.length} replications (--max-reps): ${misses.join('; ')}\n`);
  }
  const results = summarise(run.results, {
    callsim: callsimVersion(),
    scenario: { name: scenario.name, file: input.file, sha256: input.sha256 },
    seed: scenario.seed,
  });
  const beside = argv.format === 'table' ? (await import('../../report/erlang-beside.js')).erlangBeside(scenario, results) : '';
  emit((await formatResults(results, argv.format)) + beside, argv.out, argv.quiet);
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
      .option('allow-large', allowLargeOption) as unknown as Argv<RunArgs>,
  handler,
};
