/**
 * `--shard i/n` on run, compare and sweep: plan the command's units of work as it would run them
 * whole, run only shard i of n, and write its part file (atomically) to --out for `callsim merge`.
 * Each command calls one function here from its handler; the work itself is in
 * src/experiment/shard/.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ComparedScenario } from '../experiment/compare.js';
import type { SweepAxis } from '../experiment/overrides.js';
import { ReplicationPool } from '../experiment/replication-pool.js';
import { loadInput } from '../experiment/scenario-input.js';
import { partText } from '../experiment/shard/part-file.js';
import { type PlannedJob, planJob, runShard, unitCount } from '../experiment/shard/plan.js';
import { parseShard, unitsOfShard, type ShardSpec } from '../experiment/shard/shard-spec.js';
import { loadSweepPoints } from '../experiment/sweep.js';
import { writeFileAtomic } from '../report/atomic-write.js';
import { UsageError } from './errors.js';
import { listFrom, threadsFrom } from './options.js';
import { checkOutPath } from './output.js';
import { planSink, setPlanSink } from './plan-sink.js';
import { makeProgress } from './progress.js';


interface ShardArgs {
  shard?: string;
  out?: string;
  threads?: number;
  quiet: boolean;
}

/** The shard and the part's path, checked before any work; options a shard cannot honour are refused. */
function shardTarget(argv: ShardArgs & Record<string, unknown>, refused: readonly string[]): { shard: ShardSpec; out: string } {
  const shard = parseShard(String(argv.shard));
  for (const option of refused) {
    if (argv[option] !== undefined && argv[option] !== false && !(Array.isArray(argv[option]) && argv[option].length === 0)) {
      throw new UsageError(`--shard: --${option.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} cannot be used with shards (give it to the single-machine command)`);
    }
  }
  if (argv.out === undefined) throw new UsageError('--shard: give --out FILE for the part file (callsim merge joins the parts)');
  return { shard, out: argv.out };
}


/**
 * Runs `parse` (a command line with --shard) through the real commands, but stops once the job is
 * planned and returns it: the options are parsed and every scenario loaded, nothing simulated or
 * written. `callsim slurm` checks the command this way before writing its scripts.
 */
export async function planOnly(parse: () => Promise<unknown>): Promise<PlannedJob> {
  let planned: PlannedJob | undefined;
  setPlanSink((p) => {
    planned = p;
  });
  try {
    await parse();
  } finally {
    setPlanSink(undefined);
  }
  if (planned === undefined) throw new UsageError('the command to split did not reach its shards (see callsim run|compare|sweep --help)');
  return planned;
}

/** The part's folder is made (pods and array tasks start with none), then the path is checked like any output. */
function prepareOut(out: string, inputs: readonly string[]): void {
  mkdirSync(dirname(out), { recursive: true });
  checkOutPath('--out', out, inputs);
}

async function runAndWrite(planned: PlannedJob, target: { shard: ShardSpec; out: string }, argv: ShardArgs): Promise<void> {
  const sink = planSink();
  if (sink !== undefined) return sink(planned);
  const count = unitsOfShard(target.shard, unitCount(planned.job)).length;
  const progress = makeProgress(count, { quiet: argv.quiet, label: `shard ${target.shard.index}/${target.shard.count}` });
  const pool = new ReplicationPool(Math.min(threadsFrom(argv.threads), Math.max(1, count)));
  try {
    const part = await runShard(pool, planned, target.shard, () => progress.tick());
    writeFileAtomic(target.out, partText(part));
  } finally {
    progress.stop();
    await pool.close();
  }
  if (!argv.quiet) process.stderr.write(`wrote ${target.out} (shard ${target.shard.index}/${target.shard.count}: ${count} of ${unitCount(planned.job)} units)\n`);
}

/** `run --shard`: the run's replications. */
export async function shardRun(
  argv: ShardArgs & { file: string; set?: string[]; trace?: string; seed?: number; format: string; digests?: boolean; allowLarge?: boolean } & Record<string, unknown>,
  reps: number | undefined,
  seed: number | undefined,
): Promise<void> {
  // The breakdown (--by) is formatted from the merged results by the single-machine command (a rerun or callsim report).
  const target = shardTarget(argv, ['precision', 'traceOut', 'html', 'by']);
  // The table of a run adds analytical figures from the scenario itself, which parts do not carry.
  if (argv.format === 'table') throw new UsageError('--shard: give --format json or csv (the table of a run needs the whole scenario; callsim report or a rerun prints it)');
  const sets = listFrom(argv.set);
  const input = await loadInput(argv.file, { sets, traceFile: argv.trace, seed, replications: reps, threads: threadsFrom(argv.threads), allowLarge: argv.allowLarge === true });
  prepareOut(target.out, input.inputs);
  const planned = planJob('run', [{ scenario: input.scenario, name: input.scenario.name, file: input.file, sha256: input.sha256, changes: input.changes }], {
    format: argv.format,
    seed: input.scenario.seed,
    digests: argv.digests === true,
    inputs: argv.digests === true ? { sets, trace: argv.trace ?? null } : undefined,
  });
  await runAndWrite(planned, target, argv);
}

/** `compare --shard`: every scenario's replications, scenario by scenario. */
export async function shardCompare(
  argv: ShardArgs & { format: string } & Record<string, unknown>,
  scenarios: readonly ComparedScenario[],
  count: number,
  seed: number | undefined,
  inputs: readonly string[],
): Promise<void> {
  const target = shardTarget(argv, ['html', 'by']);
  prepareOut(target.out, inputs);
  const common = seed ?? scenarios[0].scenario.seed;
  const groups = scenarios.map((s) => ({ scenario: { ...s.scenario, seed: common, replications: count }, name: s.scenario.name, file: s.file, sha256: s.sha256, changes: s.changes }));
  await runAndWrite(planJob('compare', groups, { format: argv.format, seed: common }), target, argv);
}

/** `sweep --shard`: every grid point's replications, in grid order (the part replaces --out's CSV). */
export async function shardSweep(
  argv: ShardArgs & { file: string; allowLarge?: boolean } & Record<string, unknown>,
  axes: readonly SweepAxis[],
  options: { sets: readonly string[]; seed?: number; reps?: number },
): Promise<void> {
  const target = shardTarget(argv, ['by', 'json']);
  const { groups, inputs } = await loadSweepPoints(argv.file, axes, { ...options, threads: threadsFrom(argv.threads), allowLarge: argv.allowLarge === true });
  prepareOut(target.out, inputs);
  await runAndWrite(planJob('sweep', groups, { format: 'csv', seed: groups[0].scenario.seed, axes: axes.map((a) => a.path) }), target, argv);
}
