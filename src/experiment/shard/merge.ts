/**
 * Merging parts: every part must come from the same job (command, callsim version, seed, format
 * and scenario contents), no unit may appear twice, and none may be missing. The checks name the
 * files and, for missing units, the shards to rerun; only a complete, consistent set gives the
 * replications back, in the order a single machine would have summarised them.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ReplicationResult } from '../../metrics/results.js';
import { callsimVersion } from '../version.js';
import { type PartFile, type ShardJob, readPart } from './part-file.js';
import { shardOfUnit, unitAt, unitCount } from './plan.js';
import { ranges, ShardInputError } from './shard-spec.js';

/** The part files named: files as given, folders as their `*.json` files (hidden temp files skipped). */
export function partFiles(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const p of paths) {
    if (statSync(p).isDirectory()) {
      const inside = readdirSync(p).filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort();
      if (inside.length === 0) throw new ShardInputError(`${p}: a folder with no part files (*.json)`);
      files.push(...inside.map((n) => join(p, n)));
    } else {
      files.push(p);
    }
  }
  if (files.length === 0) throw new ShardInputError('merge: give part files or a folder of them');
  return files;
}

/** The first field in which two jobs differ, as words for a message. */
function difference(a: ShardJob, b: ShardJob): string {
  if (a.callsim !== b.callsim) return `made by callsim ${b.callsim}, not ${a.callsim}`;
  if (a.command !== b.command) return `from \`callsim ${b.command}\`, not \`callsim ${a.command}\``;
  if (a.seed !== b.seed) return `seed ${b.seed}, not ${a.seed}`;
  const contents = (j: ShardJob): string => j.groups.map((g) => g.contentSha256).join(',');
  if (contents(a) !== contents(b)) {
    const names = (j: ShardJob): string => j.groups.map((g) => `${g.name} (${g.contentSha256.slice(0, 12)})`).join(', ');
    return `a different scenario: ${names(b)}, not ${names(a)}`;
  }
  if (a.groups.map((g) => g.replications).join() !== b.groups.map((g) => g.replications).join()) return 'different replication counts';
  if (a.format !== b.format) return `output format ${b.format}, not ${a.format}`;
  return 'different options (file names, sweep axes, --digests or --set)';
}

export interface MergedJob {
  job: ShardJob;
  /** Per group, its replications in index order. */
  groups: ReplicationResult[][];
  files: string[];
}

/** Reads, checks and merges parts; throws ShardInputError naming the files for any problem. */
export function mergeParts(paths: readonly string[]): MergedJob {
  const files = partFiles(paths);
  const parts: { file: string; part: PartFile }[] = files.map((file) => ({ file, part: readPart(file) }));
  const first = parts[0];
  for (const { file, part } of parts.slice(1)) {
    if (part.jobSha256 !== first.part.jobSha256) {
      throw new ShardInputError(`${file} and ${first.file} are parts of different jobs: ${file} has ${difference(first.part.job, part.job)}`);
    }
  }
  const job = first.part.job;
  if (job.callsim !== callsimVersion()) {
    throw new ShardInputError(`${first.file}: made by callsim ${job.callsim}; this is callsim ${callsimVersion()} (merge with the version that ran the shards)`);
  }
  const total = unitCount(job);
  const owner = new Map<number, string>();
  const duplicates: string[] = [];
  const results = new Map<number, ReplicationResult>();
  for (const { file, part } of parts) {
    for (const unit of part.units) {
      if (unit.index >= total) throw new ShardInputError(`${file}: unit ${unit.index} is beyond the job's ${total} units (0-${total - 1})`);
      const seen = owner.get(unit.index);
      if (seen !== undefined) duplicates.push(`unit ${unit.index} in ${seen} and ${file}`);
      owner.set(unit.index, file);
      results.set(unit.index, unit.result);
    }
  }
  if (duplicates.length > 0) {
    const shown = duplicates.slice(0, 5).join('; ');
    throw new ShardInputError(`merge: duplicated units (each must come from one part): ${shown}${duplicates.length > 5 ? `; and ${duplicates.length - 5} more` : ''}`);
  }
  const missing: number[] = [];
  for (let k = 0; k < total; k++) if (!results.has(k)) missing.push(k);
  if (missing.length > 0) {
    // Say which shards to rerun in the split of the first part.
    const count = parts[0].part.shard.count;
    const shards = [...new Set(missing.map((k) => shardOfUnit(k, count)))];
    throw new ShardInputError(
      `merge: ${missing.length} of ${total} units missing from ${files.length} part file(s): units ${ranges(missing)}; rerun --shard ${shards.slice(0, 20).join(', ')}${shards.length > 20 ? ' ...' : ''}`,
    );
  }
  const groups: ReplicationResult[][] = job.groups.map(() => []);
  for (let k = 0; k < total; k++) {
    const { group, replication } = unitAt(job, k);
    const r = results.get(k)!;
    if (r.replication !== replication) throw new ShardInputError(`${owner.get(k)}: unit ${k} holds replication ${r.replication}, expected ${replication}`);
    groups[group].push(r);
  }
  return { job, groups, files };
}
