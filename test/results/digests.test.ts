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
  'scenarios/what-if/deflect-online-plus-10.yaml': ['--reps', '1'],
  'scenarios/what-if/late-shift-plus-two.yaml': ['--reps', '1'],
  'scenarios/what-if/secondary-callback.yaml': ['--reps', '1'],
  'scenarios/what-if/summer-without-hibiscus.yaml': ['--reps', '1'],
  'scenarios/what-if/thrive-recognition-100.yaml': ['--reps', '1'],
};

const EXPECTED: Record<string, string> = {
  'scenarios/examples/mmc-abandonment.yaml': '90855cb3ff18a4d5989a0efa8cef4c3e',
  'scenarios/examples/mmc-abandonment.json': '3cd4736636345aa083171e16181cf5ae',
  'scenarios/examples/two-queue.yaml': '2b44c50fe6b84bd835bcf5bd948ad430',
  'scenarios/examples/replay.yaml': '33c2b6b9187d4a9b8baa2b83ac5c4e0c',
  'scenarios/avon-somerset-2022.yaml': 'b2824b9d1fba5f16c21b5d90499de1f1',
  'scenarios/what-if/ageing-secondary.yaml': 'e1d3f116d7ec11404fd194d32e61e106',
  'scenarios/what-if/blended-call-takers.yaml': '6d56856c0733250f7fafbe32e7f8e1bf',
  'scenarios/what-if/deflect-online-plus-10.yaml': 'ebd5ff4aa661ca8ec266eb339d5fcc80',
  'scenarios/what-if/late-shift-plus-two.yaml': '3c02f8fb472477d88f5e3eac6e66ae8a',
  'scenarios/what-if/secondary-callback.yaml': '99f1a4df8feb25b6caeb7af3da2446c4',
  'scenarios/what-if/summer-without-hibiscus.yaml': '44bfb92dd25bea05805683c1899b5f53',
  'scenarios/what-if/thrive-recognition-100.yaml': 'c9289bafc75edcd8f4649d8cb7a928b9',
  'baseline calls.csv': '73e0701a43100193c61470a2ab12a5e7',
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
