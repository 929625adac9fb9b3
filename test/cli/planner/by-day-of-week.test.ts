/**
 * "Which days of the week miss the standard, and what would one more handler do on Fridays?"
 * `--by dayOfWeek` on run and compare, as a planner types it: the figures by local day appear in the
 * printed table, the CSV (one row per measure and day) and the JSON, and the days are the room's
 * local days across the clock change.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../cli.js';
import { blockRows } from './readme-command.js';

const WEEK = 'test/cli/fixtures/week.yaml';
const SUNDAY_NIGHT = 'test/cli/fixtures/sunday-night.yaml';
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

interface Series { by: string; keys: string[]; mean: (number | null)[]; ci95: (number | null)[] }
const json = (stdout: string): { metrics: Record<string, { mean: number }>; series: Record<string, Series> } => JSON.parse(stdout);

describe('--by dayOfWeek', () => {
  it('run: the table has one row per local day, Monday first, with mean ± half-width and the verdict', () => {
    const r = cli(['run', WEEK, '--by', 'dayOfWeek', '--threads', '1', '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rows = blockRows(r.stdout, 'queues.999.answeredWithinTarget');
    expect([...rows.keys()].filter((k) => k !== '')).toEqual(DAYS);
    for (const day of DAYS) expect(rows.get(day)).toEqual([expect.stringMatching(/^\d+\.\d% ± \d+\.\d+$/), expect.stringMatching(/^(met|missed)$/)]);
    // The profile's Friday peak (1.3 times the mean) on four handlers answers fewer calls in 10 s than Sunday (0.8).
    const share = (day: string): number => Number(rows.get(day)![0].split('%')[0]);
    expect(share('Friday')).toBeLessThan(share('Sunday'));
  });

  it('run --format json: day-of-week series only when asked; offered calls by day match the profile and sum to the total', () => {
    const plain = json(cli(['run', WEEK, '--format', 'json', '--threads', '1', '--quiet']).stdout);
    expect(Object.values(plain.series).some((s) => s.by === 'dayOfWeek')).toBe(false);
    const r = cli(['run', WEEK, '--by', 'dayOfWeek', '--format', 'json', '--threads', '1', '--quiet']);
    expect(r.code).toBe(0);
    const results = json(r.stdout);
    const offered = results.series['queues.999.offered.byDayOfWeek'];
    expect(offered).toMatchObject({ by: 'dayOfWeek', keys: DAYS });
    expect(results.series['queues.999.abandonedRatio.byDayOfWeek'].keys).toEqual(DAYS);
    // Every other series and metric is the default output's, unchanged.
    for (const [name, s] of Object.entries(plain.series)) expect(results.series[name]).toEqual(s);
    // The week runs from Monday 00:00 local for seven local days on a constant roster, so every day
    // has the same staffed time and the mean of the daily occupancies is the week's occupancy.
    const occupancy = results.series['handlers.handlers.occupancy.byDayOfWeek'];
    expect(occupancy.keys).toEqual(DAYS);
    expect(occupancy.mean.reduce((a: number, b) => a + (b ?? NaN), 0) / 7).toBeCloseTo(results.metrics['handlers.handlers.occupancy'].mean, 9);
    expect(Math.max(...occupancy.mean.map(Number))).toBe(occupancy.mean[4]);
    const total = offered.mean.reduce((a: number, b) => a + (b ?? NaN), 0);
    expect(total).toBeCloseTo(results.metrics['queues.999.offered'].mean, 6);
    // Poisson arrivals: a day's count has variance equal to its mean, 60 an hour x 24 h x weight
    // (weights average 1); the mean of 3 replications lies within 4 standard errors.
    const weights = [1, 1, 1, 1, 1.3, 0.9, 0.8];
    weights.forEach((w, i) => {
      const expected = 60 * 24 * w;
      expect(Math.abs(offered.mean[i]! - expected)).toBeLessThan(4 * Math.sqrt(expected / 3));
    });
  });

  it('run --format csv: one row per measure and day (metric, unit, by, key, mean, ci95)', () => {
    const r = cli(['run', WEEK, '--by', 'dayOfWeek', '--format', 'csv', '--metrics', 'queues.999.abandonedRatio', '--metrics', 'queues.999.offered', '--threads', '1', '--quiet']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('metric,unit,by,key,mean,ci95');
    expect(lines).toHaveLength(1 + 2 * 7);
    const friday = lines.find((l) => l.startsWith('queues.999.abandonedRatio,ratio,dayOfWeek,Friday,'))!.split(',');
    expect(Number(friday[4])).toBeGreaterThan(0);
    expect(Number(friday[4])).toBeLessThan(1);
    expect(Number(friday[5])).toBeGreaterThan(0);
    expect(lines.filter((l) => l.startsWith('queues.999.offered,calls,dayOfWeek,')).map((l) => l.split(',')[3])).toEqual(DAYS);
  });

  it('compare: each day with both scenarios and the paired difference with its interval, in the table, the CSV and the JSON', () => {
    const args = ['compare', WEEK, '--variant', 'five:handlers.pools[0].staff=5', '--by', 'dayOfWeek', '--threads', '1', '--quiet'];
    const table = cli(args);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('change B: handlers pool, staff: 4 -> 5');
    const friday = blockRows(table.stdout, 'queues.999.answeredWithinTarget').get('Friday')!;
    // A, B, B − A: a fifth handler on the busiest day raises the share answered in 10 s, significantly.
    expect(friday[0]).toMatch(/^\d+\.\d% ± \d+\.\d+$/);
    expect(friday[1]).toMatch(/^\d+\.\d% ± \d+\.\d+$/);
    expect(friday[2]).toMatch(/^\+\d+\.\d+% ± \d+\.\d+ \*$/);

    const csv = cli([...args, '--format', 'csv']).stdout.trim().split('\n');
    expect(csv[0]).toBe('metric,unit,by,key,scenario,file,mean,ci95,difference,differenceCi95,significant');
    const rows = csv.filter((l) => l.startsWith('queues.999.answeredWithinTarget,ratio,dayOfWeek,Friday,'));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/,,,$/);
    const [difference, ci95, significant] = rows[1].split(',').slice(-3);
    expect(Number(difference)).toBeGreaterThan(Number(ci95));
    expect(significant).toBe('true');

    const data = JSON.parse(cli([...args, '--format', 'json']).stdout) as { seriesDifferences: Record<string, { by: string; keys: string[]; differences: { mean: number; ci95: number; significant: boolean }[][] }> };
    const d = data.seriesDifferences['queues.999.answeredWithinTarget.byDayOfWeek'];
    expect(d.by).toBe('dayOfWeek');
    expect(d.keys).toEqual(DAYS);
    expect(d.differences[0][4].mean).toBeCloseTo(Number(difference), 12);
    expect(Object.values(data.seriesDifferences).every((s) => s.by === 'dayOfWeek')).toBe(true);
  });

  it('days are local: a call at 23:30 UTC on a Sunday in July is Monday 00:30 in London; in January it stays Sunday', () => {
    const offered = (extra: string[]): (number | null)[] => {
      const r = cli(['run', SUNDAY_NIGHT, '--by', 'dayOfWeek', '--format', 'json', '--quiet', '--threads', '1', ...extra]);
      expect(r.code).toBe(0);
      return json(r.stdout).series['queues.999.offered.byDayOfWeek'].mean;
    };
    expect(offered([])).toEqual([1, 0, 0, 0, 0, 0, 0]);
    expect(offered(['--set', 'start=2022-01-02T00:00:00Z'])).toEqual([0, 0, 0, 0, 0, 0, 1]);
    expect(offered(['--set', 'timeZone=UTC'])).toEqual([0, 0, 0, 0, 0, 0, 1]);
  });

  it('check: a target on a series by day of the week is judged on local days (the worst day named)', () => {
    const targets = join(tempDir(), 'targets.yaml');
    writeFileSync(targets, [
      'targets:',
      '  - { label: 999 abandonment each day, series: queues.999.abandonedRatio, by: dayOfWeek, each: [0, 0.5] }',
      '  - { label: 999 abandonment worst day, series: queues.999.abandonedRatio, by: dayOfWeek, highest: [0, 0.5] }',
      '',
    ].join('\n'));
    const r = cli(['check', WEEK, '--targets', targets, '--threads', '1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/999 abandonment each day +\d+\.\d% ± \d+\.\d+ \(days \d+\.\d% – \d+\.\d%\) .* met/);
    // Friday carries the profile's peak on the same four handlers.
    expect(r.stdout).toMatch(/999 abandonment worst day +\d+\.\d% ± \d+\.\d+ \(Friday\) .* met/);
  });

  it('run --digests --by dayOfWeek: callsim verify reruns it with the same series and matches byte for byte', () => {
    const file = join(tempDir(), 'published.json');
    expect(cli(['run', WEEK, '--by', 'dayOfWeek', '--format', 'json', '--digests', '--reps', '2', '--threads', '1', '--quiet', '--out', file]).code).toBe(0);
    const v = cli(['verify', file, '--threads', '1', '--quiet']);
    expect(v.stdout).toContain('the results file matches the rerun byte for byte');
    expect(v.code).toBe(0);
  });

  it('bad input: --by weekday exits 2 naming the choices, on run, compare and sweep', () => {
    for (const args of [['run', WEEK], ['compare', WEEK, '--variant', 'handlers.pools[0].staff=5'], ['sweep', WEEK, '--vary', 'handlers.pools[0].staff=4,5', '--out', 'never-written.csv']]) {
      const r = cli([...args, '--by', 'weekday', '--quiet']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/by.*weekday/);
      expect(r.stderr).toMatch(/"month", "hourOfDay", "dayOfWeek"/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    // A shard cannot format the breakdown (the merge prints the whole run's output).
    const shard = cli(['run', WEEK, '--by', 'dayOfWeek', '--format', 'csv', '--shard', '0/2', '--out', join(tempDir(), 'part.json'), '--quiet']);
    expect(shard.code).toBe(2);
    expect(shard.stderr).toContain('--shard: --by cannot be used with shards');
  });
});
