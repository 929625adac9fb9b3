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
  'scenarios/examples/mmc-abandonment.yaml': '7838b96ff3ef94e882494cb182f132bc',
  'scenarios/examples/mmc-abandonment.json': '50cd78f18f3119b45a766946a0f36871',
  'scenarios/examples/two-queue.yaml': '3d85d1d2d91ce7a7ae434c6e2fed93b2',
  'scenarios/examples/replay.yaml': 'f3742522451ceba1f2598900c75946de',
  'scenarios/avon-somerset-2022.yaml': 'f64872b11bdcca62578179ca416e7f40',
  'scenarios/what-if/ageing-secondary.yaml': '4365122b11b4fdf16fd5b3945d285265',
  'scenarios/what-if/blended-call-takers.yaml': 'e72e49d4f1d2e32ab0663c963c589089',
  'scenarios/what-if/callback-channel-shift.yaml': '0f2f6f8af3737be81c6b3616683d4980',
  'scenarios/what-if/deflect-online-plus-10.yaml': 'aaed28da8d9ec6c7c19875a52e0f4863',
  'scenarios/what-if/late-shift-plus-two.yaml': '34f2ec4f35dfb149a84b157416e89f0c',
  'scenarios/what-if/priority-split.yaml': '357d79f66ad2c8e1471a909c29391014',
  'scenarios/what-if/secondary-callback.yaml': 'df6c49f6a09a0a17a1f977ce2aa38c67',
  'scenarios/what-if/summer-without-hibiscus.yaml': 'e568d55532cde3664a344c4913fd8101',
  'scenarios/what-if/thrive-recognition-100.yaml': '3dbf002c7b1d47ed3bc72c81af4a0e3a',
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
