/**
 * A real Slurm cluster on this machine: test/support/slurm/start.sh starts munged, slurmctld and
 * slurmd (Debian's slurm-wlm and munge; one node, localhost only), `callsim slurm --submit` submits
 * the job array of shards and the merge job that depends on it, and the merged result must equal
 * the single-process run byte for byte. The daemons are stopped by their process ids afterwards,
 * also on failure. If Slurm cannot start, the test fails with the reason, unless
 * CALLSIM_SKIP_SLURM=1.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, MAIN, ROOT, tempDir, TINY } from '../cli/cli.js';

const SKIP = process.env.CALLSIM_SKIP_SLURM === '1';
const SCRIPTS = join(ROOT, 'test', 'support', 'slurm');
const state = tempDir();
const work = tempDir();
let started: { conf: string } | { reason: string } = { reason: 'not started' };

const COMMAND = ['run', TINY, '--reps', '5', '--format', 'json'];

beforeAll(() => {
  if (SKIP) return;
  const r = spawnSync('bash', [join(SCRIPTS, 'start.sh'), state], { encoding: 'utf8', timeout: 60_000 });
  const conf = /^SLURM_CONF=(.+)$/m.exec(r.stdout ?? '')?.[1];
  started = r.status === 0 && conf !== undefined ? { conf } : { reason: `start.sh exit ${r.status}: ${(r.stdout ?? '') + (r.stderr ?? '')}${r.error?.message ?? ''}` };
});

afterAll(() => {
  spawnSync('bash', [join(SCRIPTS, 'stop.sh'), state], { encoding: 'utf8', timeout: 60_000 });
});

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

describe('callsim slurm', () => {
  it('writes a job array of n shards and a merge job that runs after it succeeds', () => {
    const dir = join(work, 'scripts-only');
    const r = cli(['slurm', '--shards', '4', '--dir', dir, '--time', '00:10:00', '--sbatch=--mem=1G', '--quiet', '--', ...COMMAND, '--out', join(work, 'x.json')]);
    expect(r.code, r.stderr).toBe(0);
    const array = readFileSync(join(dir, 'array.sbatch'), 'utf8');
    expect(array).toMatch(/^#SBATCH --array=0-3$/m);
    expect(array).toMatch(/^#SBATCH --time=00:10:00$/m);
    expect(array).toMatch(/^#SBATCH --mem=1G$/m);
    expect(array).toMatch(/^#SBATCH --output=.*\/logs\/shard-%a\.log$/m);
    expect(array).toMatch(/i="\$\{SLURM_ARRAY_TASK_ID:\?/);
    expect(array).toMatch(/--shard "\$i\/4" --out .*\/parts\/"part-\$i\.json"/);
    expect(readFileSync(join(dir, 'merge.sbatch'), 'utf8')).toMatch(/ merge .*\/parts --out .*x\.json --quiet$/m);
    expect(readFileSync(join(dir, 'submit.sh'), 'utf8')).toMatch(/sbatch --parsable --dependency=afterok:\$array /);
  });

  it('checks the command here first: a bad scenario or option fails before any script is written (exit 2)', () => {
    const dir = join(work, 'refused');
    const cases: [string[], RegExp][] = [
      [['run', 'no/such.yaml', '--format', 'json', '--out', 'x.json'], /no\/such\.yaml/],
      [['run', TINY, '--format', 'json', '--rep', '3', '--out', 'x.json'], /slurm: the command to split: Unknown argument: rep/],
      [['run', TINY, '--out', 'x.json', '--html', 'r.html'], /slurm: --html cannot be used in a sharded job/],
    ];
    for (const [words, message] of cases) {
      const r = cli(['slurm', '--shards', '2', '--dir', dir, '--', ...words]);
      expect(r.code, words.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(existsSync(dir)).toBe(false);
    }
  });

  it('says how the units spread over the shards, and when tasks would have none', () => {
    const r = cli(['slurm', '--shards', '7', '--dir', join(work, 'wide'), '--', ...COMMAND, '--out', join(work, 'y.json')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/checked: 5 units of work over 7 shards \(0-1 each\); 2 tasks will have no unit \(use --shards 5\)/);
  });

  it.skipIf(SKIP)('on a single-node Slurm cluster: array of 3 shards, then the merge job; result equal to one process', async () => {
    if ('reason' in started) throw new Error(`Slurm did not start (set CALLSIM_SKIP_SLURM=1 to skip): ${started.reason}`);
    const env = { ...process.env, SLURM_CONF: started.conf };
    const dir = join(work, 'job');
    const merged = join(work, 'merged.json');
    const submit = spawnSync(process.execPath, [MAIN, 'slurm', '--shards', '3', '--dir', dir, '--submit', '--quiet', '--', ...COMMAND, '--out', merged], { cwd: ROOT, env, encoding: 'utf8' });
    expect(submit.status, submit.stderr).toBe(0);
    expect(submit.stdout).toMatch(/^submitted array job (\d+) \(3 tasks\) and merge job (\d+) \(after \1 succeeds\)/);
    // Bounded wait: the jobs take a few seconds on a quiet machine.
    for (let waited = 0; !existsSync(merged) && waited < 90_000; waited += 250) await sleep(250);
    const logs = (): string => (existsSync(join(dir, 'logs')) ? readdirSync(join(dir, 'logs')).map((f) => `${f}: ${readFileSync(join(dir, 'logs', f), 'utf8')}`).join('\n') : 'no logs');
    const queue = (): string => spawnSync('squeue', [], { env, encoding: 'utf8' }).stdout ?? '';
    expect(existsSync(merged), `no merged result after 90 s\nsqueue:\n${queue()}\nlogs:\n${logs()}`).toBe(true);
    expect(readdirSync(join(dir, 'parts')).sort()).toEqual(['part-0.json', 'part-1.json', 'part-2.json']);
    const whole = cli([...COMMAND, '--threads', '1', '--quiet']);
    expect(whole.code).toBe(0);
    expect(readFileSync(merged, 'utf8')).toBe(whole.stdout);
  });
});
