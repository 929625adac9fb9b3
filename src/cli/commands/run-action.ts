/** The work of `callsim run` (loaded when the command runs, so --help and other commands do not pay for it). */
import type { ArgumentsCamelCase } from 'yargs';
import { availableParallelism } from 'node:os';
import { ReplicationPool } from '../../experiment/replication-pool.js';
import { parsePrecision } from '../../experiment/overrides.js';
import { DEFAULT_MAX_REPLICATIONS, runReplications } from '../../experiment/run-replications.js';
import { loadInput } from '../../experiment/scenario-input.js';
import { summariseRun } from '../../experiment/summarise-run.js';
import { seriesAxesWith } from '../../metrics/summary.js';
import { erlangBeside } from '../../report/erlang-beside.js';
import { formatResults } from '../format-results.js';
import { traceOut } from '../isolated-task.js';
import { checkOutPaths, emit } from '../output.js';
import { changeLines, listFrom, pluginsFrom, seedFrom, threadsFrom, wholeNumber } from '../options.js';
import { makeProgress } from '../progress.js';
import { shardRun } from '../shard.js';
import { verificationOf } from '../../experiment/shard/assemble.js';
import { scenarioDigest } from '../../experiment/shard/plan.js';
import type { RunArgs } from './run.js';

export async function runAction(argv: ArgumentsCamelCase<RunArgs>): Promise<void> {
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
  const results = summariseRun(run.results, input, input.scenario.seed, seriesAxesWith(argv.by));
  if (argv.digests === true) results.verification = verificationOf(run.results, { sets: listFrom(argv.set), trace: argv.trace ?? null }, scenarioDigest(input.scenario));
  if (argv.format !== 'table' && !argv.quiet) process.stderr.write(changeLines(input.changes));
  emit(formatResults(results, argv.format, { by: argv.by, metrics: listFrom(argv.metrics), changes: input.changes }) + (argv.format === 'table' ? erlangBeside(input.scenario, results) : ''), argv.out, argv.quiet);
  // The report stack (vega, vega-lite) loads only when HTML is asked for.
  if (argv.html !== undefined) await (await import('../html-output.js')).writeHtml(results, argv.html, argv.quiet);
}

