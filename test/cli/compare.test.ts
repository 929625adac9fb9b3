import { describe, expect, it } from 'vitest';
import type { ComparisonResults } from '../../src/metrics/results.js';
import { cli, TINY } from './cli.js';

const STAFF_12 = 'handlers.pools[0].staff=12';

describe('callsim compare', () => {
  it('json: every scenario under the same seed (common random numbers) and paired differences against the first', () => {
    const r = cli(['compare', TINY, '--variant', STAFF_12, '--variant', 'handlers.pools[0].staff=10', '--reps', '4', '--threads', '2', '--format', 'json']);
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout) as ComparisonResults;
    expect(Object.keys(c)).toEqual(['callsim', 'seed', 'replications', 'scenarios', 'differences']);
    expect(c.scenarios).toHaveLength(3);
    expect(c.scenarios.map((s) => s.seed)).toEqual([11, 11, 11]);
    expect(c.scenarios[1].scenario.name).toBe(`tiny M/M/c+M [${STAFF_12}]`);
    // Staffing does not change who calls: the same callers in every replication of every scenario.
    const offered = c.scenarios.map((s) => s.metrics['queues.999.offered'].values);
    expect(offered[1]).toEqual(offered[0]);
    expect(offered[2]).toEqual(offered[0]);
    expect(c.differences['queues.999.offered']).toEqual([{ mean: 0, ci95: 0, significant: false }, { mean: 0, ci95: 0, significant: false }]);
    // The difference is the mean of paired differences (B - A), so it equals the difference of means.
    const sl = c.scenarios.map((s) => s.metrics['queues.999.serviceLevel'].mean!);
    const d = c.differences['queues.999.serviceLevel'];
    expect(d[0].mean!).toBeCloseTo(sl[1] - sl[0], 12);
    expect(d[1].mean!).toBeCloseTo(sl[2] - sl[0], 12);
    expect(d[0].significant).toBe(Math.abs(d[0].mean!) > d[0].ci95!);
  });

  it('two files: the table names them, shows A, B, B − A and the standard; csv has a row per metric and scenario', () => {
    const table = cli(['compare', TINY, TINY, '--set', 'channels.999.perHour=150', '--reps', '3', '--threads', '1']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^Comparison under common random numbers: 3 replications each, seed 11/);
    expect(table.stdout).toMatch(/^A = tiny M\/M\/c\+M \(test\/cli\/fixtures\/tiny.yaml\)$/m);
    expect(table.stdout).toMatch(/^metric\s+unit\s+A\s+B\s+B − A\s+standard$/m);
    expect(table.stdout).toMatch(/^queues\.999\.answeredWithinTarget\s+%.*(met|missed).*≥ 90% in 10 s$/m);
    const csv = cli(['compare', TINY, TINY, '--reps', '2', '--threads', '1', '--format', 'csv']);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe('metric,unit,scenario,file,mean,ci95,difference,differenceCi95,significant');
    const sl = lines.filter((l) => l.startsWith('queues.999.serviceLevel,'));
    expect(sl).toHaveLength(2);
    // The same file twice: identical runs, a zero difference, not significant.
    expect(sl[1].split(',').slice(6)).toEqual(['0', '0', 'false']);
  });

  it('one file without --variant is bad input (exit 2)', () => {
    const r = cli(['compare', TINY]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/at least two scenario files, or one file and --variant/);
  });
});
