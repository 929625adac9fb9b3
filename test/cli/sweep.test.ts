import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, MAIN, ROOT, tempDir, TINY } from './cli.js';

const VARY = ['--vary', 'handlers.pools[0].staff=10,11,12', '--vary', 'channels.999.perHour=180,200'];
const ARGS = (out: string): string[] => ['sweep', TINY, ...VARY, '--reps', '2', '--threads', '1', '--quiet', '--out', out];

const dataRows = (file: string): number => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((l) => l !== '').length - 1 : 0);

describe('callsim sweep', () => {
  it('writes one row per grid point, the first axis varying slowest, then the metrics', () => {
    const out = join(tempDir(), 'sweep.csv');
    const r = cli(ARGS(out));
    expect(r.code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    const header = lines[0].split(',');
    expect(header.slice(0, 2)).toEqual(['handlers.pools[0].staff', 'channels.999.perHour']);
    expect(header).toContain('queues.999.serviceLevel.mean');
    expect(header).toContain('queues.999.serviceLevel.ci95');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(' '))).toEqual(['10 180', '10 200', '11 180', '11 200', '12 180', '12 200']);
  });

  it('a rerun skips the points already in the output', () => {
    const out = join(tempDir(), 'sweep.csv');
    cli(ARGS(out));
    const before = readFileSync(out, 'utf8');
    const again = cli(['sweep', TINY, ...VARY, '--reps', '2', '--threads', '1', '--out', out]);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/6 points already done, 0 to run/);
    expect(readFileSync(out, 'utf8')).toBe(before);
  });

  it('killed midway and rerun, it gives the same final CSV as an uninterrupted sweep', async () => {
    const whole = join(tempDir(), 'whole.csv');
    expect(cli(ARGS(whole)).code).toBe(0);
    const dir = tempDir();
    const out = join(dir, 'sweep.csv');
    const child = spawn(process.execPath, [MAIN, ...ARGS(out)], { cwd: ROOT, stdio: 'ignore' });
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    // Kill as soon as the first rows have landed (polling; the sweep takes several seconds).
    for (let i = 0; i < 2000 && dataRows(out) < 2; i++) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGKILL');
    await exited;
    const partial = dataRows(out);
    expect(partial).toBeGreaterThanOrEqual(2);
    expect(partial).toBeLessThan(6);
    // Never a half row: every line of the partial file is complete.
    expect(readFileSync(out, 'utf8').endsWith('\n')).toBe(true);
    expect(cli(ARGS(out)).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(whole, 'utf8'));
    // The killed run may leave its temporary file behind, but never under the output's name.
    expect(readdirSync(dir).filter((f) => !f.startsWith('.'))).toEqual(['sweep.csv']);
  });

  it('an output from another sweep (different axes) is bad input, left untouched', () => {
    const out = join(tempDir(), 'other.csv');
    writeFileSync(out, 'queues.999.targetSeconds,x.mean\n10,1\n');
    const r = cli(ARGS(out));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/this sweep varies handlers\.pools\[0\]\.staff, channels\.999\.perHour/);
    expect(readFileSync(out, 'utf8')).toBe('queues.999.targetSeconds,x.mean\n10,1\n');
  });
});
