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
  'scenarios/examples/mmc-abandonment.yaml': '2d4663e4c0b543f565b440de992966c5',
  'scenarios/examples/mmc-abandonment.json': 'c220613100e3fddea81b2312776ce09c',
  'scenarios/examples/two-queue.yaml': '196c4fbc2f77fc6f37d7f0f77176a4e9',
  'scenarios/examples/replay.yaml': 'd5dcfada7995d3409f0015948ae54da2',
  'scenarios/avon-somerset-2022.yaml': '3b2ea23cc5ebb9c12cf6793a420b7be6',
  'scenarios/what-if/ageing-secondary.yaml': 'c6e1e055ca8c8132f030532be4b20722',
  'scenarios/what-if/blended-call-takers.yaml': '8a789a42fe98f746d68778c51426ab1f',
  'scenarios/what-if/callback-channel-shift.yaml': '72670553df5dfb6d0daac1f5ed36fd4c',
  'scenarios/what-if/deflect-online-plus-10.yaml': 'd692178e8809d892242ca8442cd9a849',
  'scenarios/what-if/late-shift-plus-two.yaml': '08dacb9284e92225264b7d3ffcba5b5b',
  'scenarios/what-if/priority-split.yaml': 'a63d2d97a8419416a9597d6bf91be363',
  'scenarios/what-if/secondary-callback.yaml': '7cb88026ec833f02326941773a5f9ad9',
  'scenarios/what-if/summer-without-hibiscus.yaml': '57daaa6200a171d6530b870f2bad804f',
  'scenarios/what-if/thrive-recognition-100.yaml': 'cbd8fc29bf0c3305f60e4e7e7692e691',
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
