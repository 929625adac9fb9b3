/** The work of `callsim sweep` (loaded when the command runs, so --help and other commands do not pay for it). */
import type { ArgumentsCamelCase } from 'yargs';
import { parseVary } from '../../experiment/overrides.js';
import { ReplicationPool } from '../../experiment/replication-pool.js';
import { loadInput } from '../../experiment/scenario-input.js';
import { pointKey, runSweep } from '../../experiment/sweep.js';
import { appendSweepRow, readSweepFile, sweepHeader, sweepRow } from '../../report/sweep-csv.js';
import { UsageError } from '../errors.js';
import { checkOutPath } from '../output.js';
import { listFrom, pluginsFrom, seedFrom, threadsFrom, wholeNumber } from '../options.js';
import { makeProgress } from '../progress.js';
import { shardSweep } from '../shard.js';
import type { SweepArgs } from './sweep.js';

export async function sweepAction(argv: ArgumentsCamelCase<SweepArgs>): Promise<void> {
  const axes = listFrom(argv.vary).map(parseVary);
  if (axes.length === 0) throw new UsageError('sweep: give at least one --vary path=v1,v2,...');
  const paths = axes.map((a) => a.path);
  if (new Set(paths).size !== paths.length) throw new UsageError(`sweep: each --vary path once (found ${paths.join(', ')})`);
  const reps = wholeNumber(argv.reps, 'reps', 1);
  const seed = seedFrom(argv.seed);
  const sets = listFrom(argv.set);
  const threads = threadsFrom(argv.threads);
  if (argv.shard !== undefined) return shardSweep(argv, axes, { sets, seed, reps });
  // The output is checked against every file the scenario reads before the output itself is read.
  checkOutPath('--out', argv.out, (await loadInput(argv.file, { sets, seed, replications: reps, threads, allowLarge: argv.allowLarge, plugins: pluginsFrom(argv) })).inputs);
  let existing = readSweepFile(argv.out, paths);
  const done = new Set((existing?.done ?? []).map(pointKey));
  let progress: ReturnType<typeof makeProgress> | undefined;
  let ran = 0;
  const pool = new ReplicationPool(threads);
  try {
    await runSweep(
      pool,
      { file: argv.file, axes, sets, seed, replications: reps, threads, allowLarge: argv.allowLarge, plugins: pluginsFrom(argv), skip: (values) => done.has(pointKey(values)) },
      {
        onPlanned: (points, replications, inputs) => {
          // A point's --set may name another trace: never write the sweep over it.
          for (const read of inputs) checkOutPath('--out', argv.out, read);
          if (!argv.quiet && done.size > 0) process.stderr.write(`${argv.out}: ${done.size} points already done, ${points} to run\n`);
          progress = makeProgress(replications, { quiet: argv.quiet, label: 'sweep' });
        },
        onReplication: () => progress?.tick(),
        onPoint: ({ point, results }) => {
          const header = existing?.header ?? sweepHeader(paths, results);
          existing = appendSweepRow(argv.out, paths, header, point.values, (h) => sweepRow(h, point.values, results));
          ran++;
        },
      },
    );
  } finally {
    progress?.stop();
    await pool.close();
  }
  if (!argv.quiet) process.stderr.write(`wrote ${argv.out} (${ran} points run, ${done.size} already there)\n`);
}

