/**
 * Results unchanged, byte for byte: the JSON of every committed scenario for a fixed seed, and the
 * per-call CSV of the Avon and Somerset baseline, hashed. A refactor must leave these digests alone;
 * a change that moves results on purpose updates them in the commit that explains why.
 * Print the current digests with CALLSIM_PRINT_DIGESTS=1 npx vitest run test/results/digests.test.ts
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../cli/cli.js';

const sha = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 32);

/** scenario file -> extra arguments; one replication, seed 11, one thread. */
const RUNS: Record<string, readonly string[]> = {
  'scenarios/examples/mmc-abandonment.yaml': ['--set', 'horizon.days=7', '--reps', '3'],
  'scenarios/examples/mmc-abandonment.json': ['--set', 'horizon.days=7', '--reps', '3'],
  'scenarios/examples/two-queue.yaml': ['--set', 'horizon.days=7', '--reps', '3'],
  'scenarios/examples/replay.yaml': ['--reps', '3'],
  'scenarios/avon-somerset-2022.yaml': ['--reps', '1'],
  'scenarios/what-if/ageing-secondary.yaml': ['--reps', '1'],
  'scenarios/what-if/blended-call-takers.yaml': ['--reps', '1'],
  'scenarios/what-if/callback-channel-shift.yaml': ['--reps', '1'],
  'scenarios/what-if/deflect-online-plus-10.yaml': ['--reps', '1'],
  'scenarios/what-if/late-shift-plus-two.yaml': ['--reps', '1'],
  'scenarios/what-if/priority-split.yaml': ['--reps', '1'],
  'scenarios/what-if/secondary-callback.yaml': ['--reps', '1'],
  'scenarios/what-if/summer-without-hibiscus.yaml': ['--reps', '1'],
  'scenarios/what-if/thrive-recognition-100.yaml': ['--reps', '1'],
};

const EXPECTED: Record<string, string> = {
  'scenarios/examples/mmc-abandonment.yaml': '8d73db7010fac2a82e022e95045792a9',
  'scenarios/examples/mmc-abandonment.json': '0343f475712166cae2ec9efa2ebdc61c',
  'scenarios/examples/two-queue.yaml': 'ca02c79361880d5b4c0160c42bee6e5a',
  'scenarios/examples/replay.yaml': '2144e0ed5fc222fb8bba0a21bb4f9c28',
  'scenarios/avon-somerset-2022.yaml': '4ec3a45ef6df1877341f8e57393f3dec',
  'scenarios/what-if/ageing-secondary.yaml': '5dbb2ebded82387c3c087bef65c07e3f',
  'scenarios/what-if/blended-call-takers.yaml': 'e73637facfc984b95eff4158cf20c4b0',
  'scenarios/what-if/callback-channel-shift.yaml': '384f8c2a51d83ef0f45645984876cc6c',
  'scenarios/what-if/deflect-online-plus-10.yaml': 'd2a6892bd96ebd678942d5cd462210a2',
  'scenarios/what-if/late-shift-plus-two.yaml': 'f9c51bcc4d5070bfb1e43028bb2dfa1a',
  'scenarios/what-if/priority-split.yaml': 'e5f1247c0fbdc25ecd195e07de7745dc',
  'scenarios/what-if/secondary-callback.yaml': '84a129d6df28fd7081561cf24417e3e5',
  'scenarios/what-if/summer-without-hibiscus.yaml': 'c352eef29dc8e629185cc3b336e24bd6',
  'scenarios/what-if/thrive-recognition-100.yaml': '9385d451765207371e905d328d1a8491',
  'baseline calls.csv': '9071468551d7012b65760e4e7c8ae8f4',
};

const PRINT = process.env.CALLSIM_PRINT_DIGESTS === '1';

describe('results digests (fixed seed 11)', () => {
  for (const [file, extra] of Object.entries(RUNS)) {
    it(`${file}: JSON results unchanged`, () => {
      const r = cli(['run', file, '--seed', '11', '--threads', '1', '--format', 'json', '--quiet', ...extra]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const digest = sha(r.stdout);
      if (PRINT) console.log(`  '${file}': '${digest}',`);
      else expect(digest).toBe(EXPECTED[file]);
    });
  }

  it('Avon and Somerset baseline: per-call CSV of replication 0 unchanged', () => {
    const dir = tempDir();
    try {
      const out = join(dir, 'calls.csv');
      const r = cli(['run', 'scenarios/avon-somerset-2022.yaml', '--seed', '11', '--threads', '1', '--reps', '1',
        '--set', 'horizon.days=60', '--set', 'channels.999.surges=[]', '--set', 'channels.101.surges=[]',
        '--format', 'json', '--quiet', '--trace-out', out]);
      expect(r.code).toBe(0);
      const digest = sha(readFileSync(out, 'utf8'));
      if (PRINT) console.log(`  'baseline calls.csv': '${digest}',`);
      else expect(digest).toBe(EXPECTED['baseline calls.csv']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
