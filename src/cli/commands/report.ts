/**
 * `callsim report RESULTS.json --out report.html`: turns the JSON of `callsim run --format json`
 * (a Results) or of `callsim compare --format json` (a ComparisonResults, told apart by its
 * `scenarios`) into one self-contained HTML file with charts. Exit 0 on success, 2 for bad input.
 */
import { basename, dirname, extname, join } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { writeFileAtomic } from '../../report/atomic-write.js';
import { checkOutPath } from '../output.js';

interface ReportArgs {
  results: string;
  out?: string;
  title?: string;
}

/** The default output: the results file's name with `.html` (results.json -> results.html). */
export function defaultOut(results: string): string {
  return join(dirname(results), `${basename(results, extname(results))}.html`);
}

export const reportCommand: CommandModule<object, ReportArgs> = {
  command: 'report <results>',
  describe: 'Write a self-contained HTML report (charts inlined) from run or compare JSON results',
  builder: (yargs: Argv) =>
    yargs
      .positional('results', { type: 'string', demandOption: true, describe: 'JSON of `callsim run --format json` or `callsim compare --format json`' })
      .option('out', { alias: 'o', type: 'string', describe: 'HTML file to write (default: RESULTS with .html)' })
      .option('title', { type: 'string', describe: 'page title (default: from the scenario names)' }) as unknown as Argv<ReportArgs>,
  handler: async (argv: ArgumentsCamelCase<ReportArgs>) => {
    const out = argv.out ?? defaultOut(argv.results);
    checkOutPath(argv.out === undefined ? 'the report' : '--out', out, [argv.results]);
    // The report stack (zod for reading, vega and vega-lite for the charts) loads only here.
    const [{ readResultsFile }, { renderResultsHtml }] = await Promise.all([import('../../report/html/read-results.js'), import('../../report/html/write-report.js')]);
    try {
      const html = await renderResultsHtml(readResultsFile(argv.results), { title: argv.title });
      writeFileAtomic(out, html);
    } catch (error) {
      process.stderr.write(`callsim report: ${(error as Error).message}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`wrote ${out}\n`);
  },
};
