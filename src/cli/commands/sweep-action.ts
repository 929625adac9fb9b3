/** The work of `callsim sweep` (loaded when the command runs, so --help and other commands do not pay for it). */
import type { ArgumentsCamelCase } from 'yargs';
import { readFileSync } from 'node:fs';
import { parseVary } from '../../experiment/overrides.js';
import { ReplicationPool } from '../../experiment/replication-pool.js';
import { loadInput } from '../../experiment/scenario-input.js';
import { pointKey, runSweep } from '../../experiment/sweep.js';
import { seriesAxesWith } from '../../metrics/summary.js';
import type { BreakdownAxis } from '../../report/breakdown.js';
import { sweepBreakdownHeader, sweepBreakdownJson, sweepBreakdownRows, sweepBreakdownTable, sweepFileAxis } from '../../report/sweep-breakdown.js';
import { writeFileAtomic } from '../../report/atomic-write.js';
import { appendSweepRows, isBreakdownHeader, readSweepFile, SweepFileError, sweepHeader, sweepRow, type SweepFile } from '../../report/sweep-csv.js';
import { UsageError } from '../errors.js';
import { checkOutPath } from '../output.js';
import { listFrom, pluginsFrom, seedFrom, threadsFrom, wholeNumber } from '../options.js';
import { makeProgress } from '../progress.js';
import { shardSweep } from '../shard.js';
import type { SweepArgs } from './sweep.js';

/** A resumed output must hold the same kind of rows as this sweep writes (the breakdown by the same axis, or one row per point). */
function checkKind(file: string, existing: SweepFile | null, paths: readonly string[], by: BreakdownAxis | undefined): void {
  if (existing === null) return;
  const long = isBreakdownHeader(existing.header, paths);
  const axis = long ? sweepFileAxis(existing.text, paths) : null;
  if (long === (by !== undefined) && (axis === null || axis === by)) return;
  const held = long ? `the breakdown by ${axis ?? '(none yet)'}` : 'one row per point (no --by)';
  const wanted = by === undefined ? 'one row per point (no --by)' : `the breakdown by ${by}`;
  throw new SweepFileError(`${file}: holds ${held}; this sweep writes ${wanted} (use another --out, or the same --by)`);
}

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
  const read = (await loadInput(argv.file, { sets, seed, replications: reps, threads, allowLarge: argv.allowLarge, plugins: pluginsFrom(argv) })).inputs;
  checkOutPath('--out', argv.out, read);
  if (argv.json !== undefined) {
    if (argv.by === undefined) throw new UsageError('sweep: --json writes the breakdown; give --by month, hourOfDay or dayOfWeek with it');
    checkOutPath('--json', argv.json, read, [{ option: '--out', out: argv.out }]);
  }
  let existing = readSweepFile(argv.out, paths);
  checkKind(argv.out, existing, paths, argv.by);
  const by = argv.by;
  const metrics = listFrom(argv.metrics);
  const done = new Set((existing?.done ?? []).map(pointKey));
  let progress: ReturnType<typeof makeProgress> | undefined;
  let ran = 0;
  const pool = new ReplicationPool(threads);
  try {
    await runSweep(
      pool,
      { file: argv.file, axes, sets, seed, replications: reps, threads, allowLarge: argv.allowLarge, plugins: pluginsFrom(argv), seriesAxes: seriesAxesWith(by), skip: (values) => done.has(pointKey(values)) },
      {
        onPlanned: (points, replications, inputs) => {
          // A point's --set may name another trace: never write the sweep over it.
          for (const read of inputs) checkOutPath('--out', argv.out, read);
          if (!argv.quiet && done.size > 0) process.stderr.write(`${argv.out}: ${done.size} points already done, ${points} to run\n`);
          progress = makeProgress(replications, { quiet: argv.quiet, label: 'sweep' });
        },
        onReplication: () => progress?.tick(),
        onPoint: ({ point, results }) => {
          const header = existing?.header ?? (by === undefined ? sweepHeader(paths, results) : sweepBreakdownHeader(paths));
          existing = appendSweepRows(argv.out, paths, header, point.values, (h) => (by === undefined ? [sweepRow(h, point.values, results)] : sweepBreakdownRows(point.values, results, by, metrics)));
          ran++;
        },
      },
    );
  } finally {
    progress?.stop();
    await pool.close();
  }
  if (!argv.quiet) process.stderr.write(`wrote ${argv.out} (${ran} points run, ${done.size} already there)\n`);
  // The table is read back from the file, so points of an earlier (resumed) sweep are in it.
  if (by !== undefined) {
    const text = readFileSync(argv.out, 'utf8');
    if (argv.json !== undefined) {
      writeFileAtomic(argv.json, sweepBreakdownJson(text, paths, by));
      if (!argv.quiet) process.stderr.write(`wrote ${argv.json}\n`);
    }
    process.stdout.write(sweepBreakdownTable(text, paths, by));
  }
}
