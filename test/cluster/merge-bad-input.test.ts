/**
 * Bad input to shards and merge: parts of different jobs (seed, scenario, callsim version),
 * duplicated and missing units, a part cut off mid-write, and --shard out of range each give exit
 * 2 and a message naming the files, with no stack trace; the output file is left as it was.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { digestOf } from '../../src/experiment/shard/canonical.js';
import { cli, STACK_LINE, tempDir, TINY } from '../cli/cli.js';

const dir = tempDir();
const RUN = ['run', TINY, '--reps', '4', '--threads', '1', '--format', 'json', '--quiet'];
const part = (name: string): string => join(dir, name);
const OUT = part('merged.json');
const KEPT = 'an earlier result, to be kept\n';

function shard(extra: readonly string[], spec: string, name: string): void {
  const r = cli([...RUN, ...extra, '--shard', spec, '--out', part(name)]);
  expect(r.code, r.stderr).toBe(0);
}

beforeAll(() => {
  shard([], '0/2', 'a0.json');
  shard([], '1/2', 'a1.json');
  shard(['--seed', '12'], '1/2', 'seed12-1.json');
  shard(['--set', 'handlers.pools[0].staff=12'], '1/2', 'staff12-1.json');
  // The same part as a1, re-signed as made by another callsim version.
  const other = JSON.parse(readFileSync(part('a1.json'), 'utf8')) as { job: { callsim: string }; jobSha256: string };
  other.job.callsim = '9.9.9';
  other.jobSha256 = digestOf(other.job);
  writeFileSync(part('v999-1.json'), `${JSON.stringify(other)}\n`);
  copyFileSync(part('a0.json'), part('copy-of-a0.json'));
  const text = readFileSync(part('a1.json'), 'utf8');
  writeFileSync(part('cut-1.json'), text.slice(0, Math.floor(text.length / 2)));
  // A damaged value: the unit no longer matches its digest.
  writeFileSync(part('edited-1.json'), text.replace(/"calls\.offered":(\d+)/, (_m, n: string) => `"calls.offered":${Number(n) + 1}`));
});

/** merge args -> what the message must say. */
const CASES: { name: string; args: () => string[]; message: RegExp }[] = [
  { name: 'parts of different seeds', args: () => [part('a0.json'), part('seed12-1.json')], message: /seed12-1\.json and .*a0\.json are parts of different jobs: .*seed 12, not 11/ },
  { name: 'parts of different scenarios', args: () => [part('a0.json'), part('staff12-1.json')], message: /staff12-1\.json and .*a0\.json are parts of different jobs: .*a different scenario/ },
  { name: 'parts of different callsim versions', args: () => [part('a0.json'), part('v999-1.json')], message: /v999-1\.json .*made by callsim 9\.9\.9, not 0\.|v999-1\.json.*callsim 9\.9\.9/ },
  { name: 'duplicated units', args: () => [part('a0.json'), part('copy-of-a0.json'), part('a1.json')], message: /duplicated units.*unit 0 in .*a0\.json and .*copy-of-a0\.json/ },
  { name: 'missing units, with the shards to rerun', args: () => [part('a0.json')], message: /2 of 4 units missing .*units 1, 3; rerun --shard 1\/2/ },
  { name: 'a part cut off mid-write', args: () => [part('a0.json'), part('cut-1.json')], message: /cut-1\.json: not a usable part file: not complete JSON \(it looks cut off mid-write\)/ },
  { name: 'a part whose values were changed', args: () => [part('a0.json'), part('edited-1.json')], message: /edited-1\.json: .*does not match its digest/ },
  { name: 'a file that is not a part', args: () => [part('a0.json'), TINY], message: /tiny\.yaml: not a usable part file/ },
  { name: 'a folder with no parts', args: () => { mkdirSync(part('empty'), { recursive: true }); return [part('empty')]; }, message: /empty: a folder with no part files/ },
  { name: '--out naming one of the parts', args: () => [part('a0.json'), part('a1.json'), '--out', part('a1.json')], message: /--out .*a1\.json is one of the part files/ },
];

describe('merge refuses bad parts: exit 2, the files named, nothing written', () => {
  for (const c of CASES) {
    it(c.name, () => {
      writeFileSync(OUT, KEPT);
      const args = c.args();
      const r = cli(['merge', ...args, ...(args.includes('--out') ? [] : ['--out', OUT])]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(c.message);
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(readFileSync(OUT, 'utf8')).toBe(KEPT);
    });
  }

  it('the good parts merge (the cases above fail for their own reason)', () => {
    const r = cli(['merge', part('a0.json'), part('a1.json')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(cli(RUN).stdout);
  });
});

describe('--shard bad input: exit 2, the part file untouched', () => {
  const SHARD_CASES: { name: string; args: string[]; message: RegExp }[] = [
    { name: 'an index out of range', args: [...RUN, '--shard', '4/4'], message: /--shard 4\/4: shard index out of range \(0 to 3 for 4 shards\)/ },
    { name: 'zero shards', args: [...RUN, '--shard', '0/0'], message: /--shard 0\/0: the number of shards must be at least 1/ },
    { name: 'not i/n', args: [...RUN, '--shard', 'first'], message: /--shard: expected i\/n/ },
    { name: 'a sweep shard out of range', args: ['sweep', TINY, '--vary', 'seed=1,2', '--shard', '2/2', '--quiet'], message: /--shard 2\/2: shard index out of range/ },
    { name: 'a compare shard out of range', args: ['compare', TINY, '--variant', 'seed=5', '--shard', '3/1', '--quiet'], message: /--shard 3\/1: shard index out of range/ },
    { name: 'a run shard in table format', args: ['run', TINY, '--reps', '2', '--quiet', '--shard', '0/2'], message: /--shard: give --format json or csv/ },
    { name: 'with --precision', args: [...RUN, '--shard', '0/2', '--precision', 'calls.offered=5'], message: /--precision cannot be used with shards/ },
  ];
  for (const c of SHARD_CASES) {
    it(c.name, () => {
      const target = part('kept-part.json');
      writeFileSync(target, KEPT);
      const r = cli([...c.args, '--out', target]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(c.message);
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(readFileSync(target, 'utf8')).toBe(KEPT);
    });
  }

  it('--shard without --out says where the part must go', () => {
    const r = cli([...RUN, '--shard', '0/2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--shard: give --out FILE for the part file/);
  });
});
