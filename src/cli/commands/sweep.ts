/**
 * `callsim sweep FILE --vary k=v1,v2 [--vary ...] --out results.csv`: every point of the grid
 * (first axis slowest), one CSV row per point: the point's values, then each metric's mean and
 * 95% half-width. Resumable: points already in the output are skipped. The file is replaced whole
 * after each point (temp file and rename), so an interrupted sweep leaves only complete rows; each
 * write locks the file and merges with it, so two sweeps sharing `--out` lose no rows.
 */
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { parseVary } from '../../experiment/overrides.js';
import { runReplications } from '../../experiment/run-replications.js';
import { pointKey, sweepGrid } from '../../experiment/sweep.js';
import { callsimVersion } from '../../experiment/version.js';
import { summarise } from '../../metrics/summary.js';
import { appendSweepRow, readSweepFile, sweepHeader, sweepRow } from '../../report/sweep-csv.js';
import { UsageError } from '../errors.js';
import { checkOutPath } from '../output.js';
import { allowLargeOption, listFrom, quietOption, repsOption, seedFrom, seedOption, setOption, threadsFrom, threadsOption, wholeNumber } from '../options.js';

interface SweepArgs {
  file: string;
  vary: string[];
  out: string;
  reps?: number;
  seed?: number;
  set?: string[];
  threads?: number;
  quiet: boolean;
  allowLarge: boolean;
}

async function handler(argv: ArgumentsCamelCase<SweepArgs>): Promise<void> {
  const axes = listFrom(argv.vary).map(parseVary);
  if (axes.length === 0) throw new UsageError('sweep: give at least one --vary path=v1,v2,...');
  const paths = axes.map((a) => a.path);
  if (new Set(paths).size !== paths.length) throw new UsageError(`sweep: each --vary path once (found ${paths.join(', ')})`);
  const reps = wholeNumber(argv.reps, 'reps', 1);
  const seed = seedFrom(argv.seed);
  const sets = listFrom(argv.set);
  const threads = threadsFrom(argv.threads);
  const [{ loadInput }, { makeProgress }, { ReplicationPool }] = await Promise.all([
    import('../../experiment/scenario-input.js'), import('../progress.js'), import('../../experiment/replication-pool.js'),
  ]);
  // The output is checked against every file the scenario reads before the output itself is read.
  checkOutPath('--out', argv.out, loadInput(argv.file, { sets, seed, replications: reps, threads, allowLarge: argv.allowLarge }).inputs);
  let existing = readSweepFile(argv.out, paths);
  const done = new Set((existing?.done ?? []).map(pointKey));
  // Load every remaining point first, so a bad value fails before any simulation.
  const todo = sweepGrid(axes)
    .filter((p) => !done.has(pointKey(p.values)))
    .map((p) => ({ point: p, input: loadInput(argv.file, { sets: [...sets, ...p.sets], seed, replications: reps, threads, allowLarge: argv.allowLarge }) }));
  // A point's --set may name another trace: never write the sweep over it.
  for (const { input } of todo) checkOutPath('--out', argv.out, input.inputs);
  const total = todo.reduce((n, t) => n + t.input.scenario.replications, 0);
  if (!argv.quiet && done.size > 0) process.stderr.write(`${argv.out}: ${done.size} points already done, ${todo.length} to run\n`);
  const progress = makeProgress(total, { quiet: argv.quiet, label: 'sweep' });
  const pool = new ReplicationPool(threads);
  try {
    for (const { point, input } of todo) {
      const run = await runReplications(pool, input.scenario, { replications: input.scenario.replications }, () => progress.tick());
      const results = summarise(run.results, {
        callsim: callsimVersion(),
        scenario: { name: input.scenario.name, file: input.file, sha256: input.sha256 },
        seed: input.scenario.seed,
      });
      const header = existing?.header ?? sweepHeader(paths, results);
      existing = appendSweepRow(argv.out, paths, header, point.values, (h) => sweepRow(h, point.values, results));
    }
  } finally {
    progress.stop();
    await pool.close();
  }
  if (!argv.quiet) process.stderr.write(`wrote ${argv.out} (${todo.length} points run, ${done.size} already there)\n`);
}

export const sweepCommand: CommandModule<object, SweepArgs> = {
  command: 'sweep <file>',
  describe: 'Run a grid of variants; one CSV row per point (resumable)',
  builder: (yargs: Argv) =>
    yargs
      .positional('file', { type: 'string', demandOption: true, describe: 'scenario file (YAML or JSON)' })
      .option('vary', { type: 'string', array: true, demandOption: true, describe: 'path=v1,v2,... (repeatable; the grid is every combination)' })
      .option('out', { type: 'string', demandOption: true, describe: 'CSV file; points already in it are skipped' })
      .option('reps', repsOption)
      .option('seed', seedOption)
      .option('set', setOption)
      .option('threads', threadsOption)
      .option('quiet', quietOption)
      .option('allow-large', allowLargeOption) as unknown as Argv<SweepArgs>,
  handler,
};
