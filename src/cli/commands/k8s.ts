/**
 * `callsim k8s --shards n --image IMAGE --claim PVC -- run|compare|sweep ... --out FILE`: writes a
 * Kubernetes Indexed Job (pod i runs shard i/n from JOB_COMPLETION_INDEX, parts on the shared
 * volume), the merge Job, and apply.sh (apply, wait for completion, apply the merge).
 */
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { quietOption } from '../options.js';

export interface K8sArgs {
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
  handler: async (argv: ArgumentsCamelCase<K8sArgs>) => (await import('./k8s-action.js')).k8sAction(argv),
};
