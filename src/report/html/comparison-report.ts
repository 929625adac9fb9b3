/**
 * The HTML report of a comparison (`ComparisonResults`): the scenarios side by side per headline
 * metric with 95% intervals and the standard's verdict, the paired differences from the baseline
 * with their intervals and significance, and charts of both.
 */
import { incidentMetric, queueMetric } from '../../metrics/metric-names.js';
import type { ComparisonResults, Results } from '../../metrics/results.js';
import { answered999ByHourPerScenario, pairedDifferences, scenarioLabels, sideBySide } from './comparison-charts.js';
import { escapeHtml, formatDifference, formatHalfWidth, formatValue } from './format.js';
import { chartFigures, footer, htmlDocument } from './page.js';
import { occupancyBases, queueNames } from './results-index.js';
import { judge, withResultTargets, type StandardOptions } from '../../metrics/standards.js';
import { metricCell } from './summary-table.js';
import { usedMeasures } from '../used-measures.js';
import { comparisonBriefing } from './briefing.js';
import { comparisonBreakdownTables } from './breakdown-tables.js';

export interface ComparisonReportOptions extends StandardOptions {
  title?: string;
}

/** Headline metrics of a comparison, in reading order, as carried by the baseline. */
export function headlineMetrics(baseline: Results): string[] {
  const names: string[] = [];
  for (const q of queueNames(baseline)) {
    for (const m of ['answeredWithinTarget', 'serviceLevel', 'abandonedRatio', 'waitSeconds.mean', 'waitSeconds.p90']) names.push(queueMetric(q, m));
  }
  names.push(...occupancyBases(baseline).map((o) => o.base));
  for (const grade of ['immediate', 'priority']) {
    for (const kind of ['urban', 'rural']) {
      for (const m of ['withinTarget', 'attendanceMinutes.mean', 'attendanceMinutes.p90']) names.push(incidentMetric(grade, kind, m));
    }
  }
  names.push('grading.undergraded', 'victimUpdates.missed');
  return usedMeasures(baseline, names.filter((n) => baseline.metrics[n] !== undefined));
}

function cell(s: Results, name: string, options: StandardOptions): string {
  const m = s.metrics[name];
  if (m === undefined) return '<td class="num">–</td>';
  const j = judge(name, m, options);
  const mark = j === undefined || j.status === 'shown' || j.status === 'noData' ? '' : j.status === 'met' ? ' <span title="meets the standard">✓</span>' : ' <span title="misses the standard">✗</span>';
  return `<td class="num">${formatValue(m.mean, m.unit)} <span class="soft">${escapeHtml(formatHalfWidth(m.ci95, m.unit))}</span>${mark}</td>`;
}

function differenceCell(c: ComparisonResults, name: string, i: number, unit: string): string {
  const d = c.differences[name]?.[i];
  if (d === undefined || d.mean === null) return '<td class="num">–</td><td></td>';
  const verdict = d.significant ? 'yes' : 'no';
  return (
    `<td class="num${d.significant ? ' significant' : ''}">${escapeHtml(formatDifference(d.mean, unit))} <span class="soft">${escapeHtml(formatHalfWidth(d.ci95, unit))}</span></td>` +
    `<td data-significant="${verdict}">${d.significant ? '<strong>yes</strong>' : 'no'}</td>`
  );
}

/** The side-by-side table: one row per headline metric; columns per scenario, then per difference. */
export function comparisonTable(c: ComparisonResults, names: string[], options: StandardOptions = {}): string {
  const labels = scenarioLabels(c);
  const head =
    '<thead><tr><th scope="col">metric</th><th scope="col">unit</th>' +
    labels.map((l, i) => `<th scope="col">${escapeHtml(l)}${i === 0 ? ' (baseline)' : ''}<br><span class="soft">mean ± 95%</span></th>`).join('') +
    labels.slice(1).map((l) => `<th scope="col">${escapeHtml(l)} − baseline<br><span class="soft">paired ± 95%</span></th><th scope="col">significant</th>`).join('') +
    '</tr></thead>';
  const rows = names.map((name) => {
    const unit = c.scenarios[0].metrics[name]?.unit ?? '';
    return (
      `<tr data-metric="${escapeHtml(name)}"><th scope="row">${metricCell(name)}</th><td>${escapeHtml(unit === 'ratio' ? '%' : unit)}</td>` +
      c.scenarios.map((s) => cell(s, name, options)).join('') +
      labels.slice(1).map((_, i) => differenceCell(c, name, i, unit)).join('') +
      '</tr>'
    );
  });
  return `<table class="summary comparison"><caption>Headline metrics side by side (✓ / ✗: meets / misses its national standard)</caption>${head}<tbody>${rows.join('')}</tbody></table>`;
}

/** One self-contained HTML file for a comparison (async: charts render to SVG in Node). */
export async function renderComparisonReport(c: ComparisonResults, given: ComparisonReportOptions = {}): Promise<string> {
  if (c.scenarios.length === 0) throw new Error('a comparison needs at least one scenario');
  const options: ComparisonReportOptions = { ...given, ...withResultTargets(c.scenarios[0].metrics, given) };
  const labels = scenarioLabels(c);
  const title = options.title ?? `callsim comparison: ${labels.join(' vs ')}`;
  const names = headlineMetrics(c.scenarios[0]);
  const plans = [sideBySide(c, names), pairedDifferences(c, names), answered999ByHourPerScenario(c)];
  const breakdowns = comparisonBreakdownTables(c, labels, options);
  const body =
    `<header><h1>${escapeHtml(title)}</h1>` +
    `<p class="lede">${c.scenarios.length} scenarios, ${c.replications} replications each with the same seeds (seed ${c.seed}); the first is the baseline. ` +
    'A difference is real when its paired 95% interval excludes zero.</p></header>' +
    `<main>${await comparisonBriefing(c, labels, options)}` +
    `<section aria-labelledby="h-table"><h2 id="h-table">Side by side</h2>${comparisonTable(c, names, options)}</section>` +
    `<section aria-labelledby="h-charts"><h2 id="h-charts">More charts</h2>${await chartFigures(plans)}</section>` +
    (breakdowns === '' ? '' : `<section aria-labelledby="h-by"><h2 id="h-by">Breakdowns</h2>${breakdowns}</section>`) +
    '</main>' +
    footer({ scenarios: c.scenarios.map((s) => s.scenario), seed: c.seed, replications: c.replications, callsim: c.callsim });
  return htmlDocument(title, body);
}
