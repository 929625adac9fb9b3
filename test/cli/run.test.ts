import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { halfWidth } from '../../src/metrics/summary.js';
import type { Results } from '../../src/metrics/results.js';
import { cli, tempDir, TINY } from './cli.js';

describe('callsim run', () => {
  it('prints the headline view: the 999 standard first, in words, with units, judged; the rest with --metrics', () => {
    const r = cli(['run', TINY, '--threads', '1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^tiny M\/M\/c\+M \(test\/cli\/fixtures\/tiny.yaml, sha256 [0-9a-f]{12}\): 4 replications, seed 11/);
    const rows = r.stdout.split('\n').slice(3);
    expect(rows[0]).toMatch(/^999 queue: answered within target \(share of answered\)\s+\d+\.\d% ± \d+\.\d\s+%\s+≥ 90% in 10 s\s+(met|missed)\s+queues\.999\.answeredWithinTarget$/);
    expect(r.stdout).toMatch(/^999 queue: time to answer, mean\s+\S+ ± \S+\s+seconds\s+queues\.999\.waitSeconds\.mean$/m);
    expect(r.stdout).toMatch(/^\d+ more measures: --metrics all/m);
    const all = cli(['run', TINY, '--threads', '1', '--metrics', 'all']);
    expect(all.stdout).toMatch(/^queues\.999\.waitSeconds\.mean\s+seconds\s+/m);
    expect(all.stdout).toMatch(/^queues\.999\.serviceLevel\s+%/m);
    const glob = cli(['run', TINY, '--threads', '1', '--metrics', 'queues.999.wait*']);
    expect(glob.stdout.split('\n').filter((l) => l.startsWith('queues.'))).toEqual(expect.arrayContaining([expect.stringMatching(/^queues\.999\.waitSeconds\.p90/)]));
    expect(glob.stdout).not.toMatch(/^queues\.999\.offered/m);
  });

  it('json is the section-6 results object: keys in order, one value per replication', () => {
    const r = cli(['run', TINY, '--format', 'json', '--threads', '1', '--reps', '3']);
    expect(r.code).toBe(0);
    const results = JSON.parse(r.stdout) as Results;
    expect(Object.keys(results)).toEqual(['callsim', 'scenario', 'seed', 'replications', 'metrics', 'series', 'setup']);
    expect(results.scenario.file).toBe(TINY);
    expect(results.scenario.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(results.seed).toBe(11);
    expect(results.replications).toBe(3);
    const offered = results.metrics['queues.999.offered'];
    expect(Object.keys(offered)).toEqual(['mean', 'ci95', 'min', 'max', 'unit', 'values']);
    expect(offered.values).toHaveLength(3);
    expect(offered.unit).toBe('calls');
    expect(Object.keys(results.metrics)).toEqual(Object.keys(results.metrics).sort());
  });

  it('csv has one row per metric: name, unit, mean, ci95, min, max, n', () => {
    const r = cli(['run', TINY, '--format', 'csv', '--threads', '1', '--reps', '2']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('metric,unit,mean,ci95,min,max,n');
    const offered = lines.find((l) => l.startsWith('queues.999.offered,'))!.split(',');
    expect(offered[1]).toBe('calls');
    expect(offered[6]).toBe('2');
    expect(Number(offered[4])).toBeLessThanOrEqual(Number(offered[2]));
  });

  it('same seed, same JSON byte for byte with 1 and 2 worker threads', () => {
    const one = cli(['run', TINY, '--format', 'json', '--threads', '1', '--reps', '5']);
    const two = cli(['run', TINY, '--format', 'json', '--threads', '2', '--reps', '5']);
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    // And a different seed gives different numbers (the comparison above could not pass by accident).
    const other = cli(['run', TINY, '--format', 'json', '--threads', '2', '--reps', '5', '--seed', '12']);
    expect(other.stdout).not.toBe(one.stdout);
  });

  it('--out writes the file whole (no temporary file left) and --set changes the run', () => {
    const dir = tempDir();
    const out = join(dir, 'results.json');
    const r = cli(['run', TINY, '--format', 'json', '--threads', '1', '--reps', '2', '--out', out, '--set', 'handlers.pools[0].staff=14']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readdirSync(dir)).toEqual(['results.json']);
    const base = JSON.parse(cli(['run', TINY, '--format', 'json', '--threads', '1', '--reps', '2']).stdout) as Results;
    const more = JSON.parse(readFileSync(out, 'utf8')) as Results;
    expect(more.metrics['queues.999.serviceLevel'].mean!).toBeGreaterThan(base.metrics['queues.999.serviceLevel'].mean!);
  });

  it('--trace-out writes one row per call of replication 0, the same file whatever --threads', () => {
    const dir = tempDir();
    const a = join(dir, 'a.csv');
    const b = join(dir, 'b.csv');
    const json = cli(['run', TINY, '--format', 'json', '--threads', '1', '--reps', '3', '--trace-out', a]);
    expect(cli(['run', TINY, '--format', 'json', '--threads', '2', '--reps', '3', '--trace-out', b]).stdout).toBe(json.stdout);
    const text = readFileSync(a, 'utf8');
    expect(readFileSync(b, 'utf8')).toBe(text);
    const rows = text.trim().split('\n');
    expect(rows[0].startsWith('id,channel,arrivedAt,counted,')).toBe(true);
    // Every call of replication 0 that arrived after the warm-up is a counted row.
    const counted = rows.slice(1).filter((l) => l.split(',')[3] === 'true').length;
    const results = JSON.parse(json.stdout) as Results;
    expect(counted).toBe(results.metrics['calls.offered'].values[0]);
  });

  it('--precision stops at the first batch whose half-width meets the target', () => {
    const metric = 'queues.999.serviceLevel';
    // Half-widths after each batch of 2, computed from a fixed 12-replication run.
    const full = JSON.parse(cli(['run', TINY, '--format', 'json', '--threads', '2', '--reps', '12']).stdout) as Results;
    const values = full.metrics[metric].values as number[];
    const widths = [2, 4, 6, 8, 10, 12].map((n) => halfWidth(values.slice(0, n)));
    // A target between the widest and the narrowest batches, so the answer is neither the first nor unreachable.
    const target = (Math.max(...widths.slice(1)) + Math.min(...widths)) / 2;
    const expected = [2, 4, 6, 8, 10, 12].find((n, i) => widths[i] <= target)!;
    const r = cli(['run', TINY, '--format', 'json', '--threads', '2', '--reps', '2', '--precision', `${metric}=${target}`, '--max-reps', '12']);
    expect(r.code).toBe(0);
    const results = JSON.parse(r.stdout) as Results;
    expect(results.replications).toBe(expected);
    expect(results.metrics[metric].values).toEqual(values.slice(0, expected));
  });

  it('--precision that cannot be met stops at --max-reps with a note on stderr', () => {
    const r = cli(['run', TINY, '--format', 'json', '--threads', '1', '--reps', '2', '--precision', 'queues.999.serviceLevel=0.000001', '--max-reps', '5']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Results).replications).toBe(5);
    expect(r.stderr).toMatch(/precision not reached after 5 replications/);
  });

  it('--html writes a report beside the results', () => {
    const dir = tempDir();
    const html = join(dir, 'run.html');
    const r = cli(['run', TINY, '--threads', '1', '--reps', '2', '--quiet', '--html', html]);
    expect(r.code).toBe(0);
    expect(existsSync(html)).toBe(true);
    expect(readFileSync(html, 'utf8')).toMatch(/<html/i);
  });
});
