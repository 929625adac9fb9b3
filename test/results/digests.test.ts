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
  'scenarios/avon-somerset-2022.yaml': '6b78966035a01f85ad23be5ebca54515',
  'scenarios/what-if/ageing-secondary.yaml': '2b0419a520c4ae33efb75de3db78b1a9',
  'scenarios/what-if/blended-call-takers.yaml': '9921804f074f4022a77f8caf65069ca1',
  'scenarios/what-if/callback-channel-shift.yaml': 'a969e85d3b54d7b364860dd00716b91b',
  'scenarios/what-if/deflect-online-plus-10.yaml': '58e1d02db2114feeb966eaca6bfb258a',
  'scenarios/what-if/late-shift-plus-two.yaml': 'bc51da1da72343174363a3d9d262c398',
  'scenarios/what-if/priority-split.yaml': '3d1c92e12112231468d9a2f4cc63fac1',
  'scenarios/what-if/secondary-callback.yaml': '8e8b315b9d1934e04c19dbf040ea4d01',
  'scenarios/what-if/summer-without-hibiscus.yaml': 'dfb3a5d0e80b41974e1862a64f0e9aa6',
  'scenarios/what-if/thrive-recognition-100.yaml': '37cda9af90b5ddd55fd05b1ad0fcce18',
  'baseline calls.csv': 'dd793db5720c5f91c5eee16bab78550f',
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
