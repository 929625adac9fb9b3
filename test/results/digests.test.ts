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
  'scenarios/examples/mmc-abandonment.yaml': '9409e913be784a147ad454b6f24007b0',
  'scenarios/examples/mmc-abandonment.json': '1660ab4cc8dc035fa446701127790920',
  'scenarios/examples/two-queue.yaml': 'ba1fb821e8e5363722cf4fe1a3476523',
  'scenarios/examples/replay.yaml': 'b21e426ed57679d2c7cc6f93a4a203e5',
  'scenarios/avon-somerset-2022.yaml': '5d8c28adceb9b74ac9bfa4b09dd54297',
  'scenarios/what-if/ageing-secondary.yaml': 'd1947dd38d124a7e9dbcc46b23988f2d',
  'scenarios/what-if/blended-call-takers.yaml': 'e5417657780fe042e96142079d849ffe',
  'scenarios/what-if/callback-channel-shift.yaml': '0f48df0ffec53101d5196d059014b829',
  'scenarios/what-if/deflect-online-plus-10.yaml': 'dfccb8b816deae684ea970c5c0beb671',
  'scenarios/what-if/late-shift-plus-two.yaml': 'f6d276593f3082dc2bfcf9be6b399c46',
  'scenarios/what-if/priority-split.yaml': '781216056217ed66c6325bdc021f3623',
  'scenarios/what-if/secondary-callback.yaml': '20987189478f0d0c871935615324efba',
  'scenarios/what-if/summer-without-hibiscus.yaml': '704ca33effc93443caf5bf6de0884424',
  'scenarios/what-if/thrive-recognition-100.yaml': '7734aeb6d645d10e2de2ded9a465d661',
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
