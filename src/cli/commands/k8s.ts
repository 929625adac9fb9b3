/**
 * `callsim k8s --shards n --image IMAGE --claim PVC -- run|compare|sweep ... --out FILE`: writes a
 * Kubernetes Indexed Job (pod i runs shard i/n from JOB_COMPLETION_INDEX, parts on the shared
 * volume), the merge Job, and apply.sh (apply, wait for completion, apply the merge).
 */
import { chmodSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { stringify } from 'yaml';
import { clusterCommand, shellQuote } from '../../experiment/shard/cluster-command.js';
import { mergeJob, shardsJob } from '../../experiment/shard/k8s-manifest.js';
import { ShardInputError } from '../../experiment/shard/shard-spec.js';
import { writeFileAtomic } from '../../report/atomic-write.js';
import { quietOption, wholeNumber } from '../options.js';
import { wordsAfter } from './slurm.js';

interface K8sArgs {
  words?: string[];
  shards: number;
  parallelism?: number;
  image: string;
  claim: string;
  mount: string;
  parts?: string;
  name: string;
  callsim: string;
  cpus?: number;
  memory?: string;
  dir: string;
  quiet: boolean;
}

// A Job's name becomes part of its pods' names and labels: a DNS label, with room for the suffixes.
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,45}[a-z0-9])?$/;

async function handler(argv: ArgumentsCamelCase<K8sArgs>): Promise<void> {
  const shards = wholeNumber(argv.shards, 'shards', 1)!;
  const cpus = wholeNumber(argv.cpus, 'cpus', 1) ?? 1;
  if (!DNS_LABEL.test(argv.name)) throw new ShardInputError(`--name ${JSON.stringify(argv.name)}: expected lower-case letters, digits and '-', at most 47 characters, starting and ending with a letter or digit`);
  if (!argv.mount.startsWith('/')) throw new ShardInputError(`--mount ${JSON.stringify(argv.mount)}: expected an absolute path inside the container`);
  const command = clusterCommand(wordsAfter(argv, 'k8s'), 'k8s');
  const options = {
    shards, parallelism: wholeNumber(argv.parallelism, 'parallelism', 1) ?? shards, name: argv.name, image: argv.image,
    launcher: argv.callsim.split(/\s+/).filter((w) => w !== ''), claim: argv.claim, mountPath: argv.mount,
    partsDir: argv.parts ?? `callsim-parts/${argv.name}`, cpus, memory: argv.memory,
  };
  const dir = resolve(argv.dir);
  mkdirSync(dir, { recursive: true });
  writeFileAtomic(join(dir, 'job.yaml'), stringify(shardsJob(command, options)));
  writeFileAtomic(join(dir, 'merge-job.yaml'), stringify(mergeJob(command, options)));
  const apply = [
    '#!/bin/sh',
    '# Runs the shards, waits for every index to complete, then merges.',
    'set -eu',
    `kubectl apply -f ${shellQuote(join(dir, 'job.yaml'))}`,
    `kubectl wait --for=condition=complete --timeout=24h job/${argv.name}`,
    `kubectl apply -f ${shellQuote(join(dir, 'merge-job.yaml'))}`,
    `kubectl wait --for=condition=complete --timeout=1h job/${argv.name}-merge`,
    '',
  ].join('\n');
  writeFileAtomic(join(dir, 'apply.sh'), apply);
  chmodSync(join(dir, 'apply.sh'), 0o755);
  if (!argv.quiet) process.stderr.write(`wrote ${join(dir, 'job.yaml')} (Indexed Job, ${shards} completions), ${join(dir, 'merge-job.yaml')} and ${join(dir, 'apply.sh')}\n`);
}

export const k8sCommand: CommandModule<object, K8sArgs> = {
  command: 'k8s [words..]',
  describe: 'Write a Kubernetes Indexed Job of shards and a merge Job: callsim k8s --shards n --image I --claim PVC -- run FILE ... --out FILE',
  builder: (yargs: Argv) =>
    yargs
      .positional('words', { type: 'string', array: true, describe: 'after --: the run, compare or sweep command to split, with its --out (paths inside the volume)' })
      .option('shards', { type: 'number', demandOption: true, describe: 'completions of the Indexed Job (shards)' })
      .option('parallelism', { type: 'number', describe: 'pods at once (default: all shards)' })
      .option('image', { type: 'string', demandOption: true, describe: 'container image with Node and callsim' })
      .option('claim', { type: 'string', demandOption: true, describe: 'PersistentVolumeClaim shared by the pods (scenarios, parts, result)' })
      .option('mount', { type: 'string', default: '/data', describe: "where the claim is mounted (the pods' working folder)" })
      .option('parts', { type: 'string', describe: 'parts folder relative to the mount (default callsim-parts/NAME)' })
      .option('name', { type: 'string', default: 'callsim', describe: 'Job name; the merge Job is NAME-merge' })
      .option('callsim', { type: 'string', default: 'callsim', describe: 'how the image starts callsim' })
      .option('cpus', { type: 'number', describe: 'CPUs requested per pod (worker threads per shard; default 1)' })
      .option('memory', { type: 'string', describe: "memory requested per pod, e.g. '2Gi'" })
      .option('dir', { type: 'string', default: 'callsim-k8s', describe: 'folder for job.yaml, merge-job.yaml and apply.sh' })
      .option('quiet', quietOption) as unknown as Argv<K8sArgs>,
  handler,
};
