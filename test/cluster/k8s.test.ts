/**
 * `callsim k8s` writes an Indexed Job and a merge Job that the Kubernetes Job schema accepts
 * (kubernetes-models: the batch/v1 Job model with JSON-schema validation generated from the
 * Kubernetes OpenAPI specification), with the shard taken from JOB_COMPLETION_INDEX.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cli, STACK_LINE, tempDir, TINY } from '../cli/cli.js';

const dir = tempDir();
const ARGS = ['k8s', '--shards', '5', '--parallelism', '2', '--image', 'registry.example/callsim:0.1.0', '--claim', 'callsim-data', '--cpus', '2', '--memory', '1Gi', '--dir', dir, '--quiet', '--'];
const COMMAND = ['sweep', 'scenarios/avon-somerset-2022.yaml', '--vary', 'handlers.pools[0].staff=40,44', '--reps', '20', '--out', 'results/sweep.csv'];

interface Container { name: string; image: string; command: string[]; args: string[]; workingDir: string; volumeMounts: { mountPath: string }[] }
interface Manifest { kind: string; metadata: { name: string }; spec: { completionMode?: string; completions: number; parallelism?: number; template: { spec: { restartPolicy: string; containers: Container[]; volumes: { persistentVolumeClaim: { claimName: string } }[] } } } }

describe('callsim k8s', () => {
  const r = cli([...ARGS, ...COMMAND]);
  const job = parse(readFileSync(join(dir, 'job.yaml'), 'utf8')) as Manifest;
  const merge = parse(readFileSync(join(dir, 'merge-job.yaml'), 'utf8')) as Manifest;

  it('both manifests pass the Kubernetes Job schema', () => {
    expect(r.code, r.stderr).toBe(0);
    expect(() => new Job(job as never).validate()).not.toThrow();
    expect(() => new Job(merge as never).validate()).not.toThrow();
  });

  it('the schema check can fail: a broken copy is rejected', () => {
    const broken = structuredClone(job);
    (broken.spec as { completionMode: string }).completionMode = 'Indexd';
    expect(() => new Job(broken as never).validate()).toThrow(/completionMode/);
    const noName = structuredClone(job) as unknown as { spec: { template: { spec: { containers: { name?: string }[] } } } };
    delete noName.spec.template.spec.containers[0].name;
    expect(() => new Job(noName as never).validate()).toThrow(/name/);
  });

  it('an Indexed Job of 5 completions; pod i runs shard i/5 from JOB_COMPLETION_INDEX and writes its part on the volume', () => {
    expect(job.spec.completionMode).toBe('Indexed');
    expect(job.spec.completions).toBe(5);
    expect(job.spec.parallelism).toBe(2);
    const c = job.spec.template.spec.containers[0];
    expect(c.image).toBe('registry.example/callsim:0.1.0');
    expect(c.command).toEqual(['callsim']);
    expect(c.workingDir).toBe('/data');
    expect(c.volumeMounts[0].mountPath).toBe('/data');
    expect(job.spec.template.spec.volumes[0].persistentVolumeClaim.claimName).toBe('callsim-data');
    expect(c.args).toEqual([
      ...COMMAND.slice(0, -2),
      '--shard', '$(JOB_COMPLETION_INDEX)/5', '--out', 'callsim-parts/callsim/part-$(JOB_COMPLETION_INDEX).json', '--quiet', '--threads', '2',
    ]);
  });

  it('the merge Job joins that parts folder into the command\'s --out', () => {
    expect(merge.metadata.name).toBe('callsim-merge');
    expect(merge.spec.completionMode).toBeUndefined();
    expect(merge.spec.template.spec.containers[0].args).toEqual(['merge', 'callsim-parts/callsim', '--out', 'results/sweep.csv', '--quiet']);
    expect(readFileSync(join(dir, 'apply.sh'), 'utf8')).toMatch(/kubectl wait --for=condition=complete --timeout=24h job\/callsim\n.*merge-job\.yaml/);
  });

  it('bad input: exit 2 with the reason', () => {
    const cases: [string[], RegExp][] = [
      [[...ARGS, 'run', TINY], /k8s: the run command needs --out FILE/],
      [[...ARGS, 'validate', TINY, '--out', 'x'], /k8s: give the command to split after --, one of run, compare, sweep \(found "validate"\)/],
      [[...ARGS, 'run', TINY, '--out', 'x.json', '--shard', '0/2'], /k8s: --shard cannot be used in a sharded job/],
      [['k8s', '--shards', '2', '--image', 'i', '--claim', 'c', '--name', 'Bad_Name', '--dir', dir, '--', 'run', TINY, '--out', 'x.json'], /--name "Bad_Name": expected lower-case letters/],
    ];
    for (const [args, message] of cases) {
      const bad = cli(args);
      expect(bad.code, args.join(' ')).toBe(2);
      expect(bad.stderr).toMatch(message);
      expect(bad.stderr).not.toMatch(STACK_LINE);
    }
  });
});
