/**
 * A job split into units of work: each group (a run's scenario, each compared scenario, each
 * sweep point) contributes its replications 0..r-1, numbered in group order. A shard runs the
 * units it holds on the replication pool and returns them as a part; nothing it computes depends
 * on how many shards there are.
 */
import type { ReplicationResult } from '../../metrics/results.js';
import type { ResolvedScenario } from '../../model/resolved.js';
import type { ReplicationDone, ReplicationPool } from '../replication-pool.js';
import { runSetup } from '../run-setup.js';
import { callsimVersion } from '../version.js';
import { digestOf } from './canonical.js';
import { PART_FORMAT, type JobGroup, type PartFile, type ShardCommand, type ShardJob, replicationData, replicationDigest } from './part-file.js';
import { unitsOfShard, type ShardSpec } from './shard-spec.js';

/** A scenario of the job as it will run, with what its results print about it. */
export interface PlannedGroup {
  scenario: ResolvedScenario;
  name: string;
  file: string | null;
  sha256: string | null;
  values?: string[];
  /** One line in words per change applied, for the results' `setup`. */
  changes?: readonly string[];
}

export interface PlannedJob {
  job: ShardJob;
  scenarios: ResolvedScenario[];
}

/** Options of the job that shape the merged output. */
export interface JobOptions {
  format: string;
  seed: number;
  digests?: boolean;
  axes?: string[];
  inputs?: ShardJob['inputs'];
}

/**
 * The digest of what each replication of a scenario runs: the resolved scenario (after extends,
 * --set and traces) without its replication count, which says how many run, not how each runs.
 */
export function scenarioDigest(scenario: ResolvedScenario): string {
  const { replications: _count, ...content } = scenario;
  return digestOf(content);
}

/** The job description every shard of this command writes. */
export function planJob(command: ShardCommand, groups: readonly PlannedGroup[], options: JobOptions): PlannedJob {
  const jobGroups: JobGroup[] = groups.map((g) => ({
    name: g.name,
    file: g.file,
    sha256: g.sha256,
    contentSha256: scenarioDigest(g.scenario),
    seed: g.scenario.seed,
    replications: g.scenario.replications,
    ...(g.values === undefined ? {} : { values: [...g.values] }),
    setup: runSetup(g.scenario, g.changes),
  }));
  const job: ShardJob = {
    command,
    callsim: callsimVersion(),
    format: options.format,
    seed: options.seed,
    ...(options.digests === true ? { digests: true } : {}),
    ...(options.axes === undefined ? {} : { axes: [...options.axes] }),
    ...(options.inputs === undefined ? {} : { inputs: options.inputs }),
    groups: jobGroups,
  };
  return { job, scenarios: groups.map((g) => g.scenario) };
}

/** Units in the job. */
export const unitCount = (job: ShardJob): number => job.groups.reduce((n, g) => n + g.replications, 0);

/** Unit k as (group, replication). */
export function unitAt(job: ShardJob, k: number): { group: number; replication: number } {
  let rest = k;
  for (let g = 0; g < job.groups.length; g++) {
    if (rest < job.groups[g].replications) return { group: g, replication: rest };
    rest -= job.groups[g].replications;
  }
  throw new RangeError(`unit ${k} is beyond the job's ${unitCount(job)} units`);
}

/** Runs the shard's units (group by group, on the pool) and returns its part. */
export async function runShard(pool: ReplicationPool, planned: PlannedJob, shard: ShardSpec, onDone?: ReplicationDone): Promise<PartFile> {
  const { job, scenarios } = planned;
  const mine = unitsOfShard(shard, unitCount(job));
  const byGroup = new Map<number, { unit: number; replication: number }[]>();
  for (const k of mine) {
    const { group, replication } = unitAt(job, k);
    byGroup.set(group, [...(byGroup.get(group) ?? []), { unit: k, replication }]);
  }
  const units: PartFile['units'] = [];
  for (const [group, list] of byGroup) {
    const results: ReplicationResult[] = await pool.run(scenarios[group], list.map((u) => u.replication), onDone);
    const byReplication = new Map(results.map((r) => [r.replication, r]));
    for (const u of list) {
      const result = byReplication.get(u.replication);
      if (result === undefined) throw new Error(`replication ${u.replication} of group ${group} did not come back from the pool`);
      units.push({ index: u.unit, sha256: replicationDigest(result), result: replicationData(result) });
    }
  }
  units.sort((a, b) => a.index - b.index);
  return { format: PART_FORMAT, job, jobSha256: digestOf(job), shard, units };
}

/** The shard command a unit of the job belongs to in a split of n (to say what to rerun). */
export const shardOfUnit = (k: number, count: number): string => `${k % count}/${count}`;
