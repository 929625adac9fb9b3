/**
 * The HTML report of one run (a `Results`): the briefing (what was run, the standards in sentences,
 * monthly charts), more charts, the breakdowns by month, hour and day, every metric, and a footer
 * naming the scenario, seed, replications and callsim version.
 */
import type { Results } from '../../metrics/results.js';
import type { ChartPlan } from './chart-specs.js';
import { escapeHtml } from './format.js';
import { chartFigures, footer, htmlDocument } from './page.js';
import { abandonmentByMonth, answerBands, answered999ByHour, waitStatistics } from './run-charts-calls.js';
import { attendanceByGrade, dispatchWaitingByHour, occupancyByHour } from './run-charts-resources.js';
import { withResultTargets, type StandardOptions } from '../../metrics/standards.js';
import { allMetricsTable, summaryRows } from './summary-table.js';
import { runBriefing } from './briefing.js';
import { runBreakdownTables } from './breakdown-tables.js';

export interface RunReportOptions extends StandardOptions {
  /** Page title (default: the scenario name). */
  title?: string;
}

/** The charts of a run report, in page order; absent data gives a plan with a note. */
export function runChartPlans(results: Results, options: StandardOptions = {}): ChartPlan[] {
  return [
    answered999ByHour(results),
    abandonmentByMonth(results),
    waitStatistics(results),
    answerBands(results),
    occupancyByHour(results),
    attendanceByGrade(results, options),
    dispatchWaitingByHour(results),
  ];
}

/**
 * One self-contained HTML file for a run. Async because Vega renders its scenegraph to SVG
 * asynchronously; the charts are rendered here, in Node, so the page itself has no script.
 */
export async function renderRunReport(results: Results, given: RunReportOptions = {}): Promise<string> {
  const options: RunReportOptions = { ...given, ...withResultTargets(results.metrics, given) };
  const title = options.title ?? `callsim report: ${results.scenario.name}`;
  const rows = summaryRows(results, options);
  const breakdowns = runBreakdownTables(results, options);
  const body =
    `<header><h1>${escapeHtml(title)}</h1>` +
    `<p class="lede">${results.replications} replications, seed ${results.seed}. Figures are means across replications with 95% intervals; only the national standards are judged.</p></header>` +
    `<main>${await runBriefing(results, options)}` +
    `<section aria-labelledby="h-charts"><h2 id="h-charts">More charts</h2>${await chartFigures(runChartPlans(results, options))}</section>` +
    (breakdowns === '' ? '' : `<section aria-labelledby="h-by"><h2 id="h-by">Breakdowns</h2>${breakdowns}</section>`) +
    `<section aria-labelledby="h-all"><h2 id="h-all">Every metric</h2>${allMetricsTable(rows)}` +
    '<p class="note">Measures of features this scenario does not use are left out (decided from the scenario as run, not from zero values).</p></section></main>' +
    footer({ scenarios: [results.scenario], seed: results.seed, replications: results.replications, callsim: results.callsim });
  return htmlDocument(title, body);
}
