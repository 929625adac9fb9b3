/**
 * `callsim k8s`: a Kubernetes Indexed Job (completionMode Indexed; pod i runs `--shard i/n` with
 * i from JOB_COMPLETION_INDEX) whose pods write their parts to a shared volume, and a plain Job
 * that merges them, to apply once the first has completed. Typed with kubernetes-models' Job model.
 */
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { ClusterCommand } from './cluster-command.js';

export interface K8sOptions {
  shards: number;
  /** Pods running at once (default: all). */
  parallelism: number;
  /** Job name (a DNS label); the merge job is NAME-merge. */
  name: string;
  /** Container image holding Node and callsim. */
  image: string;
  /** How the image starts callsim (default `callsim`). */
  launcher: string[];
  /** PersistentVolumeClaim shared by every pod: scenarios in, parts and the result out. */
  claim: string;
  /** Where the claim is mounted; the pods' working folder, so the command's relative paths point into it. */
  mountPath: string;
  /** Folder of the parts, relative to the mount. */
  partsDir: string;
  /** CPUs requested per pod (worker threads per shard). */
  cpus: number;
  memory?: string;
}

const INDEX = '$(JOB_COMPLETION_INDEX)';

function podTemplate(o: K8sOptions, container: string, args: string[]): NonNullable<IJob['spec']>['template'] {
  return {
    metadata: { labels: { 'app.kubernetes.io/name': 'callsim', 'callsim/job': o.name } },
    spec: {
      restartPolicy: 'Never',
      containers: [
        {
          name: container,
          image: o.image,
          command: [...o.launcher],
          args,
          workingDir: o.mountPath,
          resources: { requests: { cpu: String(o.cpus), ...(o.memory === undefined ? {} : { memory: o.memory }) } },
          volumeMounts: [{ name: 'data', mountPath: o.mountPath }],
        },
      ],
      volumes: [{ name: 'data', persistentVolumeClaim: { claimName: o.claim } }],
    },
  };
}

/** The Indexed Job of the shards: pod i runs shard i/n and writes PARTS/part-i.json. */
export function shardsJob(c: ClusterCommand, o: K8sOptions): IJob {
  const args = [c.command, ...c.args, '--shard', `${INDEX}/${o.shards}`, '--out', `${o.partsDir}/part-${INDEX}.json`, '--quiet', ...(c.threads ? [] : ['--threads', String(o.cpus)])];
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: o.name, labels: { 'app.kubernetes.io/name': 'callsim' } },
    spec: {
      completionMode: 'Indexed',
      completions: o.shards,
      parallelism: Math.min(o.parallelism, o.shards),
      // A failed pod is retried; its rerun writes the same part.
      backoffLimit: Math.max(6, o.shards),
      template: podTemplate(o, 'shard', args),
    },
  };
}

/** The Job that merges the parts into the command's --out (apply after the shards' job completed). */
export function mergeJob(c: ClusterCommand, o: K8sOptions): IJob {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: `${o.name}-merge`, labels: { 'app.kubernetes.io/name': 'callsim' } },
    spec: { completions: 1, backoffLimit: 2, template: podTemplate(o, 'merge', ['merge', o.partsDir, '--out', c.out, '--quiet']) },
  };
}
