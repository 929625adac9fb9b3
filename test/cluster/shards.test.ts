/**
 * Shards merge bit for bit: each command run whole in one process, and as shards in separate
 * processes merged by `callsim merge`, print the same bytes. Horizons are shortened so the file
 * stays fast; the splits are uneven on purpose (units do not divide by the shard count).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir, TINY } from '../cli/cli.js';

const dir = tempDir();

function ok(args: readonly string[]): string {
  const r = cli(args);
  expect(r.code, `callsim ${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r.stdout;
}

/** Runs `args` as `count` shards, each in its own process, writing part files under `folder`. */
function shards(args: readonly string[], count: number, folder: string): string[] {
  return Array.from({ length: count }, (_, i) => {
    const part = join(dir, folder, `part-${i}.json`);
    ok([...args, '--shard', `${i}/${count}`, '--out', part, '--quiet']);
    return part;
  });
}

// The Avon and Somerset baseline (and its what-ifs) over two days (the dated surges fall later, so they are dropped).
const SHORT = ['--set', 'horizon.days=2', '--set', 'channels.999.surges=[]', '--set', 'channels.101.surges=[]'];
const BASELINE = ['run', 'scenarios/avon-somerset-2022.yaml', ...SHORT, '--reps', '5', '--threads', '1', '--format', 'json'];

describe('run, compare and sweep as shards merge to the single-process output, byte for byte', () => {
  it('the Avon and Somerset baseline: 1 process and 4 shards', () => {
    const whole = ok([...BASELINE, '--quiet']);
    const parts = shards(BASELINE, 4, 'baseline');
    const merged = ok(['merge', ...parts]);
    expect(merged).toBe(whole);
    expect(JSON.parse(whole).replications).toBe(5);
    // A rerun of a shard (a failed or repeated task) writes the same bytes.
    const first = readFileSync(parts[1], 'utf8');
    ok([...BASELINE, '--shard', '1/4', '--out', parts[1], '--quiet']);
    expect(readFileSync(parts[1], 'utf8')).toBe(first);
  });

  it('a unit holds the same values whatever the split, so parts of different splits merge alike', () => {
    const args = ['run', TINY, '--reps', '6', '--threads', '1', '--format', 'csv'];
    const whole = ok([...args, '--quiet']);
    const [two0] = shards(args, 2, 'split2'); // units 0, 2, 4
    const four = shards(args, 4, 'split4'); // 0,4 | 1,5 | 2 | 3
    const units = (file: string): Record<number, string> =>
      Object.fromEntries((JSON.parse(readFileSync(file, 'utf8')) as { units: { index: number; sha256: string }[] }).units.map((u) => [u.index, u.sha256]));
    const a = units(two0);
    const b = { ...units(four[0]), ...units(four[2]) };
    expect(Object.keys(a)).toEqual(['0', '2', '4']);
    expect(a).toEqual({ 0: b[0], 2: b[2], 4: b[4] });
    // Units 0, 2, 4 from the 2-way split; 1, 3, 5 from two shards of the 4-way split.
    expect(ok(['merge', two0, four[1], four[3]])).toBe(whole);
  });

  it('compare: the baseline and a what-if file, 3 shards', () => {
    const args = ['compare', 'scenarios/avon-somerset-2022.yaml', 'scenarios/what-if/late-shift-plus-two.yaml', ...SHORT, '--reps', '4', '--threads', '1', '--format', 'json'];
    const whole = ok([...args, '--quiet']);
    shards(args, 3, 'compare');
    const merged = ok(['merge', join(dir, 'compare')]);
    expect(merged).toBe(whole);
    expect(JSON.parse(whole).scenarios).toHaveLength(2);
  });

  it('sweep: a 3-point grid over the baseline, 4 shards, merged to the CSV a fresh sweep writes', () => {
    const args = ['sweep', 'scenarios/avon-somerset-2022.yaml', ...SHORT, '--vary', 'handlers.pools[1].roster.shifts[1].staff=3,4,5', '--reps', '2', '--threads', '1'];
    const out = join(dir, 'sweep.csv');
    ok([...args, '--out', out, '--quiet']);
    shards(args, 4, 'sweep');
    const merged = join(dir, 'sweep-merged.csv');
    ok(['merge', join(dir, 'sweep'), '--out', merged, '--quiet']);
    expect(readFileSync(merged, 'utf8')).toBe(readFileSync(out, 'utf8'));
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(4);
  });
});
