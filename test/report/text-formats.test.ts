import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ComparisonResults, MetricSummary, Results } from '../../src/metrics/results.js';
import { writeFileAtomic } from '../../src/report/atomic-write.js';
import { comparisonCsv, resultsCsv } from '../../src/report/csv.js';
import { csvLine, splitCsvLine } from '../../src/report/csv-cell.js';
import { canonicalResults, resultsJson } from '../../src/report/json.js';
import { appendSweepRow, readSweepFile, sweepHeader, sweepRow } from '../../src/report/sweep-csv.js';
import { comparisonTable, resultsTable } from '../../src/report/table.js';

const m = (mean: number | null, ci95: number | null, unit: string, values: (number | null)[] = [mean]): MetricSummary => ({ mean, ci95, min: mean, max: mean, unit, values });

function results(overrides: Record<string, MetricSummary> = {}): Results {
  return {
    callsim: '0.1.0',
    scenario: { name: 'test', file: 'x.yaml', sha256: 'ab'.repeat(32) },
    seed: 1,
    replications: 2,
    // Deliberately out of order: outputs sort them.
    metrics: {
      'queues.secondary.abandonedRatio': m(0.2, 0.01, 'ratio'),
      'queues.999.answeredWithinTarget': m(0.91, 0.004, 'ratio'),
      'queues.999.serviceLevel': m(0.85, 0.01, 'ratio'),
      'queues.primary.abandonedRatio': m(0.017, 0.002, 'ratio'),
      'queues.999.waitSeconds.mean': m(NaN, null, 'seconds', [NaN, 3]),
      ...overrides,
    },
    series: {},
  };
}

describe('json', () => {
  it('puts keys in the contract order, sorts metric names and writes NaN as null', () => {
    const text = resultsJson(results());
    const parsed = JSON.parse(text) as Results;
    expect(Object.keys(parsed)).toEqual(['callsim', 'scenario', 'seed', 'replications', 'metrics', 'series']);
    expect(Object.keys(parsed.metrics)).toEqual([...Object.keys(parsed.metrics)].sort());
    expect(parsed.metrics['queues.999.waitSeconds.mean']).toEqual({ mean: null, ci95: null, min: null, max: null, unit: 'seconds', values: [null, 3] });
    expect(text.endsWith('}\n')).toBe(true);
    // Canonical form is stable: rendering twice gives the same bytes.
    expect(resultsJson(canonicalResults(results()))).toBe(text);
  });
});

describe('csv', () => {
  it('quotes cells that need it and reads them back', () => {
    const line = csvLine(['a,b', 'say "hi"', 3, null, NaN, true]);
    expect(line).toBe('"a,b","say ""hi""",3,,,true\n');
    expect(splitCsvLine(line.trimEnd())).toEqual(['a,b', 'say "hi"', '3', '', '', 'true']);
  });

  it('run csv: one row per metric with n counting replications that have a value', () => {
    const lines = resultsCsv(results()).trim().split('\n');
    expect(lines[0]).toBe('metric,unit,mean,ci95,min,max,n');
    expect(lines).toContain('queues.999.serviceLevel,ratio,0.85,0.01,0.85,0.85,1');
    expect(lines).toContain('queues.999.waitSeconds.mean,seconds,,,,,1');
  });
});

describe('table', () => {
  it('headline view by default: the standards first, in words, with the metric name; the count of the rest', () => {
    const lines = resultsTable(results()).split('\n');
    const body = lines.slice(3, lines.indexOf('', 3));
    expect(body.map((l) => l.split(/\s{2,}/).pop())).toEqual([
      'queues.999.answeredWithinTarget', 'queues.primary.abandonedRatio', 'queues.secondary.abandonedRatio', 'queues.999.waitSeconds.mean',
    ]);
    expect(body[0]).toMatch(/^999 queue: answered within target \(share of answered\)\s+91\.0% ± 0\.4\s+%\s+≥ 90% in 10 s\s+met\s+/);
    expect(lines.join('\n')).toContain('1 more measures: --metrics all');
  });

  it('shows the standards beside the figures they judge, with met or missed on the mean', () => {
    const lines = resultsTable(results(), ['all']).split('\n');
    const row = (name: string): string => lines.find((l) => l.startsWith(`${name} `))!;
    expect(row('queues.999.answeredWithinTarget')).toMatch(/91\.0% ± 0\.4\s+≥ 90% in 10 s\s+met$/);
    // One measure judges the 999 standard: the share of answered calls within 10 s (serviceLevel counts offered calls).
    expect(row('queues.999.serviceLevel')).toMatch(/85\.0% ± 1\.0$/);
    expect(row('queues.primary.abandonedRatio')).toMatch(/1\.7% ± 0\.2\s+< 5% abandoned\s+met$/);
    expect(row('queues.secondary.abandonedRatio')).toMatch(/20\.0% ± 1\.0\s+< 5% abandoned\s+missed$/);
    expect(row('queues.999.waitSeconds.mean')).toMatch(/seconds\s+-$/);
    // Aligned: every metric row puts its unit in the same column.
    const unitColumn = lines.filter((l) => l.startsWith('queues.')).map((l) => l.search(/ (%|seconds) /));
    expect(new Set(unitColumn).size).toBe(1);
  });

  it('comparison table: signed paired differences, * when significant', () => {
    const a = results();
    const b = results({ 'queues.999.serviceLevel': m(0.9, 0.01, 'ratio') });
    const c: ComparisonResults = {
      callsim: '0.1.0', seed: 1, replications: 2, scenarios: [a, b],
      differences: Object.fromEntries(Object.keys(a.metrics).map((k) => [k, [{ mean: 0, ci95: 0, significant: false }]])),
    };
    c.differences['queues.999.serviceLevel'] = [{ mean: 0.05, ci95: 0.01, significant: true }];
    const text = comparisonTable(c, ['all']);
    expect(text).toMatch(/^queues\.999\.serviceLevel\s+%\s+85\.0% ± 1\.0\s+90\.0% ± 1\.0\s+\+5\.0% ± 1\.0 \*$/m);
    expect(text).toMatch(/^queues\.999\.answeredWithinTarget\s+%\s+91\.0% ± 0\.4 met\s+91\.0% ± 0\.4 met\s+0% ± 0\s+≥ 90% in 10 s$/m);
    const csv = comparisonCsv(c).split('\n');
    expect(csv).toContain('queues.999.serviceLevel,ratio,test,x.yaml,0.9,0.01,0.05,0.01,true');
  });
});

describe('sweep file and atomic writes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'callsim-report-'));

  it('appends rows by rewriting the whole file, and reads back which points are done', () => {
    const file = join(dir, 'sweep.csv');
    const r = results();
    const header = sweepHeader(['staff'], r);
    expect(header.slice(0, 3)).toEqual(['staff', 'queues.999.answeredWithinTarget.mean', 'queues.999.answeredWithinTarget.ci95']);
    appendSweepRow(file, ['staff'], header, ['10'], (h) => sweepRow(h, ['10'], r));
    const f = appendSweepRow(file, ['staff'], header, ['[1,2]'], (h) => sweepRow(h, ['[1,2]'], r));
    // A point already on disk (written by another sweep) is not written twice.
    expect(appendSweepRow(file, ['staff'], header, ['10'], (h) => sweepRow(h, ['10'], r)).text).toBe(f.text);
    const back = readSweepFile(file, ['staff'])!;
    expect(back.done).toEqual([['10'], ['[1,2]']]);
    expect(back.text).toBe(readFileSync(file, 'utf8'));
    expect(readdirSync(dir)).toEqual(['sweep.csv']);
  });

  it('ignores a last line without its line break (never trusted as a row)', () => {
    const file = join(dir, 'partial.csv');
    writeFileSync(file, 'staff,x.mean\n10,1\n11,');
    expect(readSweepFile(file, ['staff'])!.done).toEqual([['10']]);
    expect(() => readSweepFile(file, ['seed'])).toThrow(/this sweep varies seed/);
  });

  it('writeFileAtomic replaces the file and leaves no temporary file', () => {
    const file = join(dir, 'r.json');
    writeFileAtomic(file, 'one');
    writeFileAtomic(file, 'two');
    expect(readFileSync(file, 'utf8')).toBe('two');
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});
