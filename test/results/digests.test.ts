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
  'scenarios/avon-somerset-2022.yaml': 'dc97f8e1daa0a63cb0d2b1e7403c7526',
  'scenarios/what-if/ageing-secondary.yaml': 'ba0d77df72c310368b78969a348e6c58',
  'scenarios/what-if/blended-call-takers.yaml': '94bdf82215aced26a3928897f6e9190d',
  'scenarios/what-if/deflect-online-plus-10.yaml': '2db9e979ead75aaef274dfb45a3f1bda',
  'scenarios/what-if/late-shift-plus-two.yaml': '6f994d138be995df16aa69e3693d15ee',
  'scenarios/what-if/secondary-callback.yaml': '0ca9b04bee705f1d77f29850d275ca91',
  'scenarios/what-if/summer-without-hibiscus.yaml': '39745157c326cf2fa2c9e32c552c8c26',
  'scenarios/what-if/thrive-recognition-100.yaml': 'dab8b992f3f6c316184fbfc0057074b5',
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
