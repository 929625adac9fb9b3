/**
 * Which units of work a shard holds. Units are numbered 0..total-1 in a fixed order (groups in
 * order, replications within a group); shard i of n holds every unit k with k mod n = i, so the
 * shards are disjoint, cover the job, and balance within one unit whatever the grid.
 */

/** Bad input about shards or part files (exit 2 at the command line). */
export class ShardInputError extends Error {
  /** Bad input (exit 2): the command line tells it by this mark, not by class identity (cli/errors.ts). */
  readonly badInput = true;
  constructor(message: string) {
    super(message);
    this.name = 'ShardInputError';
  }
}

export interface ShardSpec {
  /** 0-based shard index. */
  index: number;
  /** Number of shards. */
  count: number;
}

/** Parses `i/n` (0 <= i < n); the message names the option and what was expected. */
export function parseShard(text: string, option = '--shard'): ShardSpec {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (m === null) throw new ShardInputError(`${option}: expected i/n (shard i of n, counting from 0), found ${JSON.stringify(text)}`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (!Number.isSafeInteger(count) || count < 1) throw new ShardInputError(`${option} ${text}: the number of shards must be at least 1`);
  if (!Number.isSafeInteger(index) || index >= count) {
    throw new ShardInputError(`${option} ${text}: shard index out of range (0 to ${count - 1} for ${count} shards)`);
  }
  return { index, count };
}

/** True when unit `k` belongs to the shard. */
export const holds = (shard: ShardSpec, k: number): boolean => k % shard.count === shard.index;

/** The units of `total` that the shard holds, ascending. */
export function unitsOfShard(shard: ShardSpec, total: number): number[] {
  const out: number[] = [];
  for (let k = shard.index; k < total; k += shard.count) out.push(k);
  return out;
}

/** `0-3, 7, 9-10`: a sorted list of whole numbers as ranges. */
export function ranges(indices: readonly number[]): string {
  const sorted = [...indices].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j === i ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}
