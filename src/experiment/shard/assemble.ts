/**
 * From merged replications to the results a single machine would have printed: the same
 * summarise and comparison code, fed the same replications in the same order.
 */
import type { ComparisonResults, ReplicationResult, Results, Verification } from '../../metrics/results.js';
import { summarise } from '../../metrics/summary.js';
import { comparisonOf } from '../compare.js';
import type { MergedJob } from './merge.js';
import { replicationDigest, type JobGroup } from './part-file.js';

export type MergedOutput =
  | { command: 'run'; format: string; results: Results }
  | { command: 'compare'; format: string; comparison: ComparisonResults }
  | { command: 'sweep'; axes: string[]; points: { values: string[]; results: Results }[] };

function summaryOf(g: JobGroup, reps: readonly ReplicationResult[], callsim: string): Results {
  const results = summarise(reps, { callsim, scenario: { name: g.name, file: g.file, sha256: g.sha256 }, seed: g.seed });
  return g.setup === undefined ? results : { ...results, setup: g.setup };
}

/** The verification block of `run --digests` for these replications (in index order). */
export function verificationOf(reps: readonly ReplicationResult[], inputs: { sets: readonly string[]; trace: string | null }, contentSha256: string): Verification {
  return { sets: [...inputs.sets], trace: inputs.trace, contentSha256, replicationSha256: reps.map(replicationDigest) };
}

/** The merged job's results, ready to format. */
export function assemble(merged: MergedJob): MergedOutput {
  const { job, groups } = merged;
  if (job.command === 'run') {
    const results = summaryOf(job.groups[0], groups[0], job.callsim);
    if (job.digests === true) results.verification = verificationOf(groups[0], job.inputs ?? { sets: [], trace: null }, job.groups[0].contentSha256);
    return { command: 'run', format: job.format, results };
  }
  if (job.command === 'compare') {
    return { command: 'compare', format: job.format, comparison: comparisonOf(groups, job.groups.map((g) => ({ name: g.name, file: g.file, sha256: g.sha256, setup: g.setup })), job.seed) };
  }
  return {
    command: 'sweep',
    axes: job.axes ?? [],
    points: job.groups.map((g, i) => ({ values: g.values ?? [], results: summaryOf(g, groups[i], job.callsim) })),
  };
}
