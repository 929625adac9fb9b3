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
  'scenarios/avon-somerset-2022.yaml': '84d73c0cddb896f9fae0e7694fd00061',
  'scenarios/what-if/ageing-secondary.yaml': '55e767c80b58caa82ae99a95c8206800',
  'scenarios/what-if/blended-call-takers.yaml': '6374a78b514622164634d4fe42b54e63',
  'scenarios/what-if/callback-channel-shift.yaml': '4a1d8f012442bf6918a1117d001dd0f8',
  'scenarios/what-if/deflect-online-plus-10.yaml': '4b2e62c18e16f8764c6b6565253299ef',
  'scenarios/what-if/late-shift-plus-two.yaml': 'fdfbce5a615ed1d7cee6fc38d82bd0eb',
  'scenarios/what-if/priority-split.yaml': '3f5827be19ab0830b54f1363a84b27a2',
  'scenarios/what-if/secondary-callback.yaml': '95df874eac2e0e1df283697bc47bfb40',
  'scenarios/what-if/summer-without-hibiscus.yaml': '81f486a9c5c61cfb1f9e8db63f3b0b20',
  'scenarios/what-if/thrive-recognition-100.yaml': 'be5e74b3c5c3ee4dd1952b59d7417ccf',
  'baseline calls.csv': 'b7f7c2861afcf9a7ab3bbd814ae156a9',
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
