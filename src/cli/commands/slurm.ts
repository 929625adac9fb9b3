/**
 * `callsim slurm --shards n [--submit] -- run|compare|sweep ... --out FILE`: writes an sbatch job
 * array (task i runs `--shard i/n`), a merge job that depends on it (afterok), and submit.sh; with
 * --submit, submits both with sbatch and prints the job ids.
 */
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { quietOption } from '../options.js';

export interface SlurmArgs {
  words?: string[];
  shards: number;
  dir: string;
  submit: boolean;
  cpus?: number;
  time?: string;
  partition?: string;
  account?: string;
  sbatch?: string[];
  node?: string;
  check: boolean;
  quiet: boolean;
}

export const slurmCommand: CommandModule<object, SlurmArgs> = {
  command: 'slurm [words..]',
  describe: 'Write (and with --submit, submit) a Slurm job array of shards and a merge job: callsim slurm --shards n -- run FILE ... --out FILE',
  builder: (yargs: Argv) =>
    yargs
      .positional('words', { type: 'string', array: true, describe: 'after --: the run, compare or sweep command to split, with its --out' })
      .option('shards', { type: 'number', demandOption: true, describe: 'number of array tasks (shards)' })
      .option('dir', { type: 'string', default: 'callsim-slurm', describe: 'folder for the scripts, parts/ and logs/' })
      .option('submit', { type: 'boolean', default: false, describe: 'submit the array and the merge job with sbatch' })
      .option('cpus', { type: 'number', describe: 'CPUs per array task (worker threads per shard; default 1)' })
      .option('time', { type: 'string', describe: 'time limit per task (sbatch --time)' })
      .option('partition', { type: 'string', describe: 'sbatch --partition' })
      .option('account', { type: 'string', describe: 'sbatch --account' })
      .option('sbatch', { type: 'string', array: true, describe: 'extra #SBATCH line, as --sbatch=--mem=2G (repeatable)' })
      .option('node', { type: 'string', describe: 'node executable on the cluster (default: this one)' })
      .option('check', { type: 'boolean', default: true, describe: 'parse the command and load its scenarios here first (--no-check: the cluster sees other files)' })
      .option('quiet', quietOption) as unknown as Argv<SlurmArgs>,
  handler: async (argv: ArgumentsCamelCase<SlurmArgs>) => (await import('./slurm-action.js')).slurmAction(argv),
};
