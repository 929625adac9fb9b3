/**
 * `callsim verify`: results of `run --digests` (here merged from shards) rerun to the same
 * digests and the same bytes; a changed value, digest or summary is caught (exit 1); results
 * without digests are refused (exit 2).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, STACK_LINE, tempDir, TINY } from '../cli/cli.js';

const dir = tempDir();
const RUN = ['run', TINY, '--reps', '4', '--threads', '1', '--format', 'json', '--digests', '--set', 'handlers.pools[0].staff=10', '--quiet'];
const published = join(dir, 'published.json');

beforeAll(() => {
  for (const i of [0, 1]) expect(cli([...RUN, '--shard', `${i}/2`, '--out', join(dir, 'parts', `p${i}.json`)]).code).toBe(0);
  expect(cli(['merge', join(dir, 'parts'), '--out', published, '--quiet']).code).toBe(0);
});

/** A copy of the published results with `edit` applied to its text. */
function tampered(name: string, edit: (text: string) => string): string {
  const file = join(dir, name);
  writeFileSync(file, edit(readFileSync(published, 'utf8')));
  return file;
}

describe('callsim verify', () => {
  it('merged shards with --digests equal the single-process run with --digests', () => {
    const whole = cli(RUN);
    expect(whole.code).toBe(0);
    expect(readFileSync(published, 'utf8')).toBe(whole.stdout);
    const v = JSON.parse(whole.stdout) as { verification: { sets: string[]; replicationSha256: string[] } };
    expect(v.verification.sets).toEqual(['handlers.pools[0].staff=10']);
    expect(v.verification.replicationSha256).toHaveLength(4);
  });

  it('a full rerun matches every digest and the file byte for byte (exit 0)', () => {
    const r = cli(['verify', published, '--threads', '1', '--quiet']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^replication 3: matches$/m);
    expect(r.stdout).toMatch(/4 of 4 replications rerun match; the results file matches the rerun byte for byte\nverified\n$/);
  });

  it('a sample of 2 replications matches (exit 0)', () => {
    const r = cli(['verify', published, '--sample', '2', '--threads', '1', '--quiet']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/2 of 2 replications rerun match \(a random sample of 2 of 4\)\nverified/);
  });

  it('a changed per-replication value is caught, naming the metric (exit 1)', () => {
    const file = tampered('value.json', (t) => t.replace(/("calls\.offered": \{[^}]*?"values": \[\s*)(\d+)/, (_m, head: string, n: string) => `${head}${Number(n) + 1}`));
    const r = cli(['verify', file, '--threads', '1', '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^replication 0: MISMATCH \(values differ: calls\.offered\)$/m);
    expect(r.stdout).toMatch(/NOT verified/);
  });

  it('a changed digest is caught (exit 1)', () => {
    const digest = (JSON.parse(readFileSync(published, 'utf8')) as { verification: { replicationSha256: string[] } }).verification.replicationSha256[2];
    const file = tampered('digest.json', (t) => t.replace(digest, digest.replace(/^./, (c) => (c === '0' ? '1' : '0'))));
    const r = cli(['verify', file, '--threads', '1', '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^replication 2: MISMATCH \(digest differs\)$/m);
  });

  it('a changed summary (a mean) is caught by the full rerun (exit 1)', () => {
    const file = tampered('mean.json', (t) => t.replace(/"mean": (\d+(\.\d+)?)/, (_m, x: string) => `"mean": ${Number(x) + 1}`));
    const r = cli(['verify', file, '--threads', '1', '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/the results file does NOT match the rerun/);
  });

  it('results without digests are refused with the command to make them (exit 2)', () => {
    const plain = join(dir, 'plain.json');
    writeFileSync(plain, cli(RUN.filter((a) => a !== '--digests')).stdout);
    const r = cli(['verify', plain]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/plain\.json: no "verification" block; make the results with callsim run \.\.\. --format json --digests/);
    expect(r.stderr).not.toMatch(STACK_LINE);
  });
});
