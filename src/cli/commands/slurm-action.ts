/** The work of `callsim slurm` (loaded when the command runs, so --help and other commands do not pay for it). */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import yargs, { type ArgumentsCamelCase } from 'yargs';
import { clusterCommand } from '../../experiment/shard/cluster-command.js';
import { ShardInputError } from '../../experiment/shard/shard-spec.js';
import { slurmScripts } from '../../experiment/shard/slurm-script.js';
import { writeFileAtomic } from '../../report/atomic-write.js';
import { unitCount } from '../../experiment/shard/plan.js';
import { UsageError } from '../errors.js';
import { listFrom, wholeNumber } from '../options.js';
import { planOnly } from '../shard.js';
import { compareCommand } from './compare.js';
import { runCommand } from './run.js';
import { sweepCommand } from './sweep.js';
import type { SlurmArgs } from './slurm.js';

/**
 * Parses the command with shard 0 and plans its job here, so a bad option or scenario fails now
 * rather than in every array task; returns the number of units.
 */
async function checkCommand(words: readonly string[], shards: number): Promise<number> {
  const planned = await planOnly(() =>
    yargs([...words, '--shard', `0/${shards}`, '--out', 'unused.json'])
      .command(runCommand)
      .command(compareCommand)
      .command(sweepCommand)
      .strict()
      .exitProcess(false)
      .fail((message: string | undefined, error: Error | undefined) => {
        throw error ?? new UsageError(`slurm: the command to split: ${message ?? 'bad arguments'}`);
      })
      .parseAsync(),
  );
  return unitCount(planned.job);
}

/** The command after `--` (yargs leaves words after `--` in `_`, after the command's own name). */
export const wordsAfter = (argv: { words?: unknown; _: (string | number)[] }, name: string): string[] => [
  ...listFrom(argv.words),
  ...argv._.map(String).slice(argv._.map(String)[0] === name ? 1 : 0),
];

/** How a job starts this callsim: this node and this main script, by absolute path. */
export const launcher = (node: string | undefined): string[] => [node ?? process.execPath, resolve(process.argv[1])];

/** Runs sbatch --parsable and returns the job id. */
function sbatch(args: readonly string[]): string {
  const r = spawnSync('sbatch', ['--parsable', ...args], { encoding: 'utf8' });
  if (r.error !== undefined) throw new ShardInputError(`slurm --submit: cannot run sbatch (${r.error.message}); submit submit.sh on the cluster's login node instead`);
  if (r.status !== 0) throw new ShardInputError(`slurm --submit: sbatch ${args.join(' ')} failed: ${(r.stderr || r.stdout).trim()}`);
  return r.stdout.trim().split(';')[0];
}

export async function slurmAction(argv: ArgumentsCamelCase<SlurmArgs>): Promise<void> {
  const shards = wholeNumber(argv.shards, 'shards', 1)!;
  const cpus = wholeNumber(argv.cpus, 'cpus', 1) ?? 1;
  const command = clusterCommand(wordsAfter(argv, 'slurm'), 'slurm');
  if (argv.check) {
    const units = await checkCommand([command.command, ...command.args], shards);
    if (!argv.quiet) {
      const idle = shards > units ? `; ${shards - units} tasks will have no unit (use --shards ${units})` : '';
      process.stderr.write(`checked: ${units} units of work over ${shards} shards (${Math.floor(units / shards)}-${Math.ceil(units / shards)} each)${idle}\n`);
    }
  }
  const dir = resolve(argv.dir);
  const scripts = slurmScripts(command, {
    shards, dir, workDir: process.cwd(), launcher: launcher(argv.node), jobName: `callsim-${command.command}`, cpusPerTask: cpus,
    time: argv.time, partition: argv.partition, account: argv.account, extra: listFrom(argv.sbatch),
  });
  for (const sub of ['parts', 'logs']) mkdirSync(join(dir, sub), { recursive: true });
  writeFileAtomic(join(dir, 'array.sbatch'), scripts.array);
  writeFileAtomic(join(dir, 'merge.sbatch'), scripts.merge);
  writeFileAtomic(join(dir, 'submit.sh'), scripts.submit);
  chmodSync(join(dir, 'submit.sh'), 0o755);
  if (!argv.quiet) process.stderr.write(`wrote ${join(dir, 'array.sbatch')} (${shards} array tasks), ${join(dir, 'merge.sbatch')} and ${join(dir, 'submit.sh')}\n`);
  if (!argv.submit) return;
  const arrayId = sbatch([join(dir, 'array.sbatch')]);
  const mergeId = sbatch([`--dependency=afterok:${arrayId}`, join(dir, 'merge.sbatch')]);
  process.stdout.write(`submitted array job ${arrayId} (${shards} tasks) and merge job ${mergeId} (after ${arrayId} succeeds); merged result: ${command.out}\n`);
}

