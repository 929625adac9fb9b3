import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportCommand } from '../../../src/cli/commands/report.js';
import { parseResults, readResultsFile } from '../../../src/report/html/read-results.js';
import { comparisonFixture, FIXTURES, runFixture } from './fixtures.js';

describe('reading results files', () => {
  it('tells a run from a comparison', () => {
    expect(readResultsFile(join(FIXTURES, 'run-results.json')).kind).toBe('run');
    expect(readResultsFile(join(FIXTURES, 'comparison-results.json')).kind).toBe('comparison');
  });

  it('names the file and the field of bad input', () => {
    const bad = runFixture() as unknown as { seed: unknown };
    bad.seed = 'x';
    expect(() => parseResults(bad, 'r.json')).toThrow(/^r\.json: not valid run results: seed: /);
    const c = comparisonFixture() as unknown as { scenarios: { replications: unknown }[] };
    c.scenarios[1].replications = -1;
    expect(() => parseResults(c, 'c.json')).toThrow(/^c\.json: not valid comparison results: scenarios\[1\]\.replications: /);
    expect(() => parseResults({ hello: 1 }, 'x.json')).toThrow(/x\.json: expected the JSON of `callsim run --format json`/);
    expect(() => readResultsFile('/nonexistent/r.json')).toThrow(/\/nonexistent\/r\.json: cannot read the results file/);
  });
});

describe('callsim report command', () => {
  const run = async (argv: Record<string, unknown>): Promise<void> => {
    await (reportCommand.handler as (a: unknown) => Promise<void>)({ _: [], $0: 'callsim', ...argv });
  };

  it('writes a run report and a comparison report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'callsim-report-'));
    await run({ results: join(FIXTURES, 'run-results.json'), out: join(dir, 'run.html') });
    await run({ results: join(FIXTURES, 'comparison-results.json'), out: join(dir, 'cmp.html') });
    expect(readFileSync(join(dir, 'run.html'), 'utf8')).toContain('data-chart="answered-999-by-hour"');
    expect(readFileSync(join(dir, 'cmp.html'), 'utf8')).toContain('data-chart="comparison-differences"');
  });

  it('exits 2 with a one-line message for bad input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'callsim-report-'));
    writeFileSync(join(dir, 'bad.json'), '{ not json');
    const before = process.exitCode;
    const errors: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => (errors.push(String(chunk)), true)) as typeof process.stderr.write;
    try {
      await run({ results: join(dir, 'bad.json'), out: join(dir, 'bad.html') });
      expect(process.exitCode).toBe(2);
    } finally {
      process.stderr.write = write;
      process.exitCode = before;
    }
    expect(errors.join('')).toMatch(/^callsim report: .*bad\.json: not valid JSON/);
  });
});
