/** `--html F`: the HTML report helper's rendering of a run or comparison, written atomically. */
import type { ComparisonResults, Results } from '../metrics/results.js';
import { writeFileAtomic } from '../report/atomic-write.js';
import { renderResultsHtml } from '../report/html/write-report.js';

export async function writeHtml(results: Results | ComparisonResults, file: string, quiet: boolean): Promise<void> {
  const html = await renderResultsHtml('scenarios' in results ? { kind: 'comparison', comparison: results } : { kind: 'run', results });
  writeFileAtomic(file, html);
  if (!quiet) process.stderr.write(`wrote ${file}\n`);
}
