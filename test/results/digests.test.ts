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
  'scenarios/examples/two-queue.yaml': '1f38ca714b01a197cedd45263fb67447',
  'scenarios/examples/replay.yaml': '9f0f6424f37e40b0acae724a2ac82cdb',
  'scenarios/avon-somerset-2022.yaml': '39239b416a772f2477bd4f403bb44fce',
  'scenarios/what-if/ageing-secondary.yaml': 'c0ad31000af711050a1cd84d06eecba3',
  'scenarios/what-if/blended-call-takers.yaml': '82ad6df4c2e9dc04f75a26b435b864a4',
  'scenarios/what-if/callback-channel-shift.yaml': '594057ce92a7c3e2f466e54d166b8591',
  'scenarios/what-if/deflect-online-plus-10.yaml': '4940351b14a8bf7d31fb179cba6a333f',
  'scenarios/what-if/late-shift-plus-two.yaml': 'e9e97b77f0eab6fd930e161057945a66',
  'scenarios/what-if/priority-split.yaml': 'c9084ae8ccc4370a6ece2ce8069f0c13',
  'scenarios/what-if/secondary-callback.yaml': '95a61ee29e5d7513b24f0efe2df8ee40',
  'scenarios/what-if/summer-without-hibiscus.yaml': '4e98aa4e55022760c02628d3b1dcc222',
  'scenarios/what-if/thrive-recognition-100.yaml': 'a480407f54b6fbc1dcd79791e7ddd9a8',
  'baseline calls.csv': 'c3f7dca5064ebc8866c27b01d4539d1a',
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
