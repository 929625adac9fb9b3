import { randomInt } from 'node:crypto';
/**
 * `callsim verify`: rerun replications of a published run and compare them with what it printed.
 * The results of `run --digests` carry the overrides and trace the run used, the resolved
 * scenario's digest, and one digest per replication of its raw values; a rerun on any machine
 * must give the same digests, and the same value of every metric in `values`.
 */
import { MAX_TEXT_BYTES } from '../../scenario/files.js';
import { readTextBounded } from '../bounded-read.js';
import { z } from 'zod';
import type { ReplicationResult, Verification } from '../../metrics/results.js';
import type { ResolvedScenario } from '../../model/resolved.js';
import type { ReplicationDone, ReplicationPool } from '../replication-pool.js';
import { loadInput } from '../scenario-input.js';
import { replicationDigest } from './part-file.js';
import { scenarioDigest } from './plan.js';
import { ShardInputError } from './shard-spec.js';

const published = z.object({
  callsim: z.string(),
  scenario: z.object({ name: z.string(), file: z.string().nullable(), sha256: z.string().nullable() }),
  seed: z.number().int(),
  replications: z.number().int().min(1),
  metrics: z.record(z.string(), z.object({ values: z.array(z.number().nullable()) })),
  // Which breakdowns the file carries (a rerun summarises the same ones).
  series: z.record(z.string(), z.object({ by: z.enum(['hourOfDay', 'month', 'dayOfWeek', 'hourOfWeek', 'day']) })).optional(),
  verification: z.object({
    sets: z.array(z.string()),
    trace: z.string().nullable(),
    contentSha256: z.string(),
    replicationSha256: z.array(z.string()),
  }),
});

export type PublishedRun = z.infer<typeof published> & { verification: Verification };

/** Reads the JSON results of `run --digests`; the message says what is missing. */
export function readPublishedRun(file: string): PublishedRun {
  let data: unknown;
  try {
    data = JSON.parse(readTextBounded(file, MAX_TEXT_BYTES));
  } catch (error) {
    if ((error as { code?: string }).code !== undefined) throw error;
    throw new ShardInputError(`${file}: not JSON (${(error as Error).message}); verify reads the output of callsim run --format json --digests`);
  }
  const hasBlock = typeof data === 'object' && data !== null && 'verification' in data;
  if (!hasBlock) throw new ShardInputError(`${file}: no "verification" block; make the results with callsim run ... --format json --digests`);
  const parsed = published.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ShardInputError(`${file}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  const run = parsed.data;
  if (run.scenario.file === null) throw new ShardInputError(`${file}: the results name no scenario file to rerun`);
  if (run.verification.replicationSha256.length !== run.replications) {
    throw new ShardInputError(`${file}: verification.replicationSha256 has ${run.verification.replicationSha256.length} digests for ${run.replications} replications`);
  }
  return run;
}

export interface ReplicationCheck {
  replication: number;
  digestMatches: boolean;
  /** Metrics whose published value differs from the rerun's (NaN printed as null). */
  differing: string[];
}

export interface VerifyOutcome {
  scenario: ResolvedScenario;
  /** One line in words per override applied (for the rebuilt results' `setup`). */
  changes: readonly string[];
  fileSha256: string;
  contentMatches: boolean;
  checks: ReplicationCheck[];
  /** The rerun replications, in the order asked. */
  reruns: ReplicationResult[];
}

const printed = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** Reruns `indices` of the published run (scenario reloaded from its file with its overrides). */
export async function verifyRun(pool: ReplicationPool, run: PublishedRun, indices: readonly number[], onDone?: ReplicationDone): Promise<VerifyOutcome> {
  const input = await loadInput(run.scenario.file!, { sets: run.verification.sets, traceFile: run.verification.trace ?? undefined, seed: run.seed, replications: run.replications, allowLarge: true });
  const reruns = await pool.run(input.scenario, indices, onDone);
  const checks = reruns.map((r): ReplicationCheck => ({
    replication: r.replication,
    digestMatches: replicationDigest(r) === run.verification.replicationSha256[r.replication],
    differing: Object.keys(run.metrics).filter((m) => printed(r.metrics[m] ?? NaN) !== (run.metrics[m].values[r.replication] ?? null)),
  }));
  return { scenario: input.scenario, changes: input.changes, fileSha256: input.sha256, contentMatches: scenarioDigest(input.scenario) === run.verification.contentSha256, checks, reruns };
}

/** The replications a verification reruns: all of them, or `sample` drawn at random (sorted). */
export function replicationsToVerify(replications: number, sample?: number): number[] {
  const all = Array.from({ length: replications }, (_, i) => i);
  if (sample === undefined) return all;
  const k = Math.min(sample, replications);
  for (let i = 0; i < k; i++) {
    const j = randomInt(i, replications);
    [all[i], all[j]] = [all[j], all[i]];
  }
  return all.slice(0, k).sort((a, b) => a - b);
}
