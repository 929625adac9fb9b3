/**
 * One entry point for every command that writes an HTML report (`report`, and `--html FILE` on
 * `run` and `compare`): renders a run or a comparison and writes the file.
 */
import { writeFileSync } from 'node:fs';
import type { ComparisonResults, Results } from '../../metrics/results.js';
import { renderComparisonReport } from './comparison-report.js';
import type { ResultsFile } from './read-results.js';
import { renderRunReport } from './run-report.js';
import type { StandardOptions } from '../../metrics/standards.js';

/** Renders a run or a comparison to HTML (async: charts render to SVG in Node). */
export async function renderResultsHtml(file: ResultsFile, options: StandardOptions & { title?: string } = {}): Promise<string> {
  return file.kind === 'run' ? renderRunReport(file.results, options) : renderComparisonReport(file.comparison, options);
}

/** Renders results (a run's or a comparison's) and writes the HTML file to `out`. */
export async function writeHtmlReport(results: Results | ComparisonResults, out: string, options: StandardOptions & { title?: string } = {}): Promise<void> {
  const file: ResultsFile = 'scenarios' in results ? { kind: 'comparison', comparison: results } : { kind: 'run', results };
  writeFileSync(out, await renderResultsHtml(file, options));
}
