/**
 * The pieces under the merge: shards partition the units (each unit in exactly one shard), a part
 * file carries every number exactly (NaN, infinities and -0 included), and the shard syntax.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digestOf } from '../../src/experiment/shard/canonical.js';
import { PART_FORMAT, type PartFile, partText, readPart, replicationDigest } from '../../src/experiment/shard/part-file.js';
import { holds, parseShard, ranges, unitsOfShard } from '../../src/experiment/shard/shard-spec.js';
import type { ReplicationResult } from '../../src/metrics/results.js';
import { tempDir } from '../cli/cli.js';

describe('shards', () => {
  it('every unit belongs to exactly one of n shards, and the shards balance within one unit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 300 }), (n, total) => {
        const lists = Array.from({ length: n }, (_, i) => unitsOfShard({ index: i, count: n }, total));
        const all = lists.flat().sort((a, b) => a - b);
        expect(all).toEqual(Array.from({ length: total }, (_, k) => k));
        const sizes = lists.map((l) => l.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        for (const [i, l] of lists.entries()) for (const k of l) expect(holds({ index: i, count: n }, k)).toBe(true);
      }),
    );
  });

  it('parses i/n and refuses what is out of range', () => {
    expect(parseShard('3/8')).toEqual({ index: 3, count: 8 });
    expect(() => parseShard('8/8')).toThrow(/out of range \(0 to 7 for 8 shards\)/);
    expect(() => parseShard('-1/8')).toThrow(/expected i\/n/);
    expect(() => parseShard('1/0')).toThrow(/at least 1/);
  });

  it('writes missing units as ranges', () => {
    expect(ranges([7, 1, 2, 3, 9, 10])).toBe('1-3, 7, 9-10');
  });
});

describe('part files', () => {
  const result: ReplicationResult = {
    replication: 2,
    metrics: { nan: NaN, inf: Infinity, ninf: -Infinity, nzero: -0, third: 1 / 3, tiny: 5e-324, big: 1.7976931348623157e308 },
    series: { 's.byHour': { by: 'hourOfDay', keys: ['0', '1'], values: [NaN, -0] } },
    units: { nan: 'ratio' },
    eventsRun: 123,
    callsOffered: 45,
  };
  const job = { command: 'run' as const, callsim: '0.1.0', format: 'json', seed: 1, groups: [{ name: 'x', file: null, sha256: null, contentSha256: 'c', seed: 1, replications: 3 }] };
  const part: PartFile = { format: PART_FORMAT, job, jobSha256: digestOf(job), shard: { index: 0, count: 1 }, units: [{ index: 2, sha256: replicationDigest(result), result }] };

  it('a replication read back is the same bit for bit, with the same digest', () => {
    const file = join(tempDir(), 'p.json');
    writeFileSync(file, partText(part));
    const back = readPart(file).units[0].result;
    for (const [k, v] of Object.entries(result.metrics)) expect(Object.is(back.metrics[k], v), k).toBe(true);
    expect(Object.is(back.series['s.byHour'].values[1], -0)).toBe(true);
    expect(replicationDigest(back)).toBe(replicationDigest(result));
  });

  it('a digest tells -0 from 0', () => {
    const zero = { ...result, metrics: { ...result.metrics, nzero: 0 } };
    expect(replicationDigest(zero)).not.toBe(replicationDigest(result));
  });
});
