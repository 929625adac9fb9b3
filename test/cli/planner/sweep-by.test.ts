/**
 * "How many handlers does each day of the week need?" `sweep --by`: each grid point's breakdown in
 * the output CSV (long format, one row per point, measure and key) and in a table with one column
 * per point, printed at the end; a resumed sweep keeps its kind of file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../cli.js';
import { blockRows } from './readme-command.js';

const WEEK = 'test/cli/fixtures/week.yaml';
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const sweep = (out: string, extra: string[] = []): ReturnType<typeof cli> =>
  cli(['sweep', WEEK, '--vary', 'handlers.pools[0].staff=4,5', '--by', 'dayOfWeek', '--reps', '2', '--threads', '1', '--quiet', '--out', out, ...extra]);

describe('sweep --by dayOfWeek', () => {
  it('prints one column per grid point by local day; the CSV (one row per point, measure and day) and the JSON hold the same figures', () => {
    const dir = tempDir();
    const out = join(dir, 'by-day.csv');
    const jsonFile = join(dir, 'by-day.json');
    const r = sweep(out, ['--metrics', 'queues.999.abandonedRatio', '--json', jsonFile]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Columns: handlers.pools[0].staff');
    const rows = blockRows(r.stdout, 'queues.999.abandonedRatio');
    const friday = rows.get('Friday')!;
    expect(friday).toHaveLength(2);
    for (const cell of friday) expect(cell).toMatch(/^\d+\.\d% ± \d+\.\d+$/);
    // A fifth handler lowers Friday's abandonment.
    expect(Number(friday[1].split('%')[0])).toBeLessThan(Number(friday[0].split('%')[0]));

    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('handlers.pools[0].staff,metric,unit,by,key,mean,ci95');
    expect(lines).toHaveLength(1 + 2 * 7);
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 5).join(' '))).toEqual(
      ['4', '5'].flatMap((staff) => DAYS.map((d) => `${staff} queues.999.abandonedRatio ratio dayOfWeek ${d}`)),
    );
    // The table's Friday cell for 5 handlers is the CSV's mean, as a percentage with one decimal.
    const csvFriday = lines.find((l) => l.startsWith('5,queues.999.abandonedRatio,ratio,dayOfWeek,Friday,'))!.split(',');
    expect(friday[1].startsWith(`${(100 * Number(csvFriday[5])).toFixed(1)}%`)).toBe(true);

    // The JSON: each point's series shaped as in run results.
    const data = JSON.parse(readFileSync(jsonFile, 'utf8')) as { axes: string[]; by: string; points: { values: string[]; series: Record<string, { by: string; keys: string[]; mean: number[] }> }[] };
    expect(data).toMatchObject({ axes: ['handlers.pools[0].staff'], by: 'dayOfWeek' });
    expect(data.points.map((p) => p.values)).toEqual([['4'], ['5']]);
    const series = data.points[1].series['queues.999.abandonedRatio.byDayOfWeek'];
    expect(series).toMatchObject({ by: 'dayOfWeek', keys: DAYS });
    expect(series.mean[4]).toBe(Number(csvFriday[5]));

    // Rerun: every point is there; nothing runs and the table and JSON are written again from the file.
    const json = readFileSync(jsonFile, 'utf8');
    const again = sweep(out, ['--metrics', 'queues.999.abandonedRatio', '--json', jsonFile]);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(r.stdout);
    expect(readFileSync(jsonFile, 'utf8')).toBe(json);
  });

  it('a resumed output of the other kind (no --by, or another axis) is refused, exit 2, and left as it was', () => {
    const dir = tempDir();
    const wide = join(dir, 'wide.csv');
    writeFileSync(wide, 'handlers.pools[0].staff,queues.999.serviceLevel.mean,queues.999.serviceLevel.ci95\n4,0.5,0.01\n');
    const r = sweep(wide);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('holds one row per point (no --by); this sweep writes the breakdown by dayOfWeek');
    expect(readFileSync(wide, 'utf8')).toBe('handlers.pools[0].staff,queues.999.serviceLevel.mean,queues.999.serviceLevel.ci95\n4,0.5,0.01\n');

    const monthly = join(dir, 'monthly.csv');
    writeFileSync(monthly, 'handlers.pools[0].staff,metric,unit,by,key,mean,ci95\n4,queues.999.abandonedRatio,ratio,month,2022-07,0.1,0.01\n');
    const m = sweep(monthly);
    expect(m.code).toBe(2);
    expect(m.stderr).toContain('holds the breakdown by month; this sweep writes the breakdown by dayOfWeek');
  });
});
