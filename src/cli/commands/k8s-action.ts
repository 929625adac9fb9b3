/** The work of `callsim k8s` (loaded when the command runs, so --help and other commands do not pay for it). */
import { chmodSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ArgumentsCamelCase } from 'yargs';
import { stringify } from 'yaml';
import { clusterCommand, shellQuote } from '../../experiment/shard/cluster-command.js';
import { mergeJob, shardsJob } from '../../experiment/shard/k8s-manifest.js';
import { ShardInputError } from '../../experiment/shard/shard-spec.js';
import { writeFileAtomic } from '../../report/atomic-write.js';
import { wholeNumber } from '../options.js';
import { wordsAfter } from './slurm-action.js';
import type { K8sArgs } from './k8s.js';

// A Job's name becomes part of its pods' names and labels: a DNS label, with room for the suffixes.
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,45}[a-z0-9])?$/;

export async function k8sAction(argv: ArgumentsCamelCase<K8sArgs>): Promise<void> {
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

