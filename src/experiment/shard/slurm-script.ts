/**
 * `callsim slurm`: an sbatch script for a job array (task i runs shard i of n and writes its part),
 * an sbatch script for the merge (submitted with --dependency=afterok on the array), and a submit
 * script doing both. Nothing runs on the cluster but Node and callsim.
 */
import type { ClusterCommand } from './cluster-command.js';
import { shellQuote } from './cluster-command.js';

export interface SlurmOptions {
  shards: number;
  /** Absolute folder of the scripts, parts/ and logs/. */
  dir: string;
  /** Absolute working folder of the jobs (where the command's relative paths point). */
  workDir: string;
  /** How to start callsim: the node executable and callsim's main script. */
  launcher: string[];
  jobName: string;
  cpusPerTask: number;
  time?: string;
  partition?: string;
  account?: string;
  /** Extra `#SBATCH` lines as given (`--mem=4G`). */
  extra: string[];
}

export interface SlurmScripts {
  array: string;
  merge: string;
  submit: string;
}

const q = (words: readonly string[]): string => words.map(shellQuote).join(' ');

function header(o: SlurmOptions, name: string, output: string): string[] {
  return [
    '#!/bin/bash',
    `#SBATCH --job-name=${name}`,
    `#SBATCH --chdir=${o.workDir}`,
    `#SBATCH --output=${output}`,
    ...(o.time === undefined ? [] : [`#SBATCH --time=${o.time}`]),
    ...(o.partition === undefined ? [] : [`#SBATCH --partition=${o.partition}`]),
    ...(o.account === undefined ? [] : [`#SBATCH --account=${o.account}`]),
    ...o.extra.map((e) => `#SBATCH ${e}`),
  ];
}

/** The three scripts' text. */
export function slurmScripts(c: ClusterCommand, o: SlurmOptions): SlurmScripts {
  const parts = `${o.dir}/parts`;
  const array = [
    ...header(o, o.jobName, `${o.dir}/logs/shard-%a.log`),
    `#SBATCH --array=0-${o.shards - 1}`,
    '#SBATCH --ntasks=1',
    `#SBATCH --cpus-per-task=${o.cpusPerTask}`,
    '# One shard per array task; a rerun of a task writes the same part file.',
    'set -euo pipefail',
    'i="${SLURM_ARRAY_TASK_ID:?submit this script with sbatch (it is a job array)}"',
    `exec ${q([...o.launcher, c.command, ...c.args])} \\`,
    `  --shard "$i/${o.shards}" --out ${shellQuote(parts)}/"part-$i.json" --quiet${c.threads ? '' : ' --threads "${SLURM_CPUS_PER_TASK:-1}"'}`,
    '',
  ].join('\n');
  const merge = [
    ...header(o, `${o.jobName}-merge`, `${o.dir}/logs/merge.log`),
    '#SBATCH --ntasks=1',
    '# Runs after every array task succeeded (sbatch --dependency=afterok:ARRAY).',
    'set -euo pipefail',
    `exec ${q([...o.launcher, 'merge', parts, '--out', c.out, '--quiet'])}`,
    '',
  ].join('\n');
  const submit = [
    '#!/bin/sh',
    '# Submits the array, then the merge to run when every task has succeeded.',
    'set -eu',
    `array=$(sbatch --parsable ${shellQuote(`${o.dir}/array.sbatch`)})`,
    'array=${array%%;*}',
    `merge=$(sbatch --parsable --dependency=afterok:$array ${shellQuote(`${o.dir}/merge.sbatch`)})`,
    'echo "submitted array job $array and merge job ${merge%%;*}"',
    '',
  ].join('\n');
  return { array, merge, submit };
}
