/**
 * The summary tables at the top of a run report: the metrics a national standard judges (with
 * met or missed), then every metric the results carry, grouped by their first name segment.
 */
import type { MetricSummary, Results } from '../../metrics/results.js';
import { escapeHtml, formatHalfWidth, formatValue, unitLabel } from './format.js';
import { metricLabel } from './metric-labels.js';
import { is101Queue, judge, type Judgement, type StandardOptions } from '../../metrics/standards.js';
import { metricFamily, parseMetricName } from '../../metrics/metric-names.js';
import { usedMeasures } from '../used-measures.js';

/** One row of the summary: a metric, its figures and the judgement of its standard, if any. */
export interface SummaryRow {
  name: string;
  metric: MetricSummary;
  judgement?: Judgement;
}

/** Every metric in name order (of the features the scenario uses), each judged where a standard applies. */
export function summaryRows(results: Results, options: StandardOptions = {}): SummaryRow[] {
  return usedMeasures(results, Object.keys(results.metrics))
    .sort()
    .map((name) => ({ name, metric: results.metrics[name], judgement: judge(name, results.metrics[name], options) }));
}

function interval(m: MetricSummary): string {
  if (m.mean === null || m.ci95 === null || !Number.isFinite(m.ci95)) return '';
  return `${formatValue(m.mean - m.ci95, m.unit)} – ${formatValue(m.mean + m.ci95, m.unit)}`;
}

/** The verdict cell: a word and a symbol, never colour alone. */
export function verdictCell(j: Judgement | undefined): string {
  if (j === undefined || j.status === 'shown') return '<td></td>';
  if (j.status === 'noData') return '<td class="verdict nodata">no data</td>';
  const word = j.status === 'met' ? '✓ met' : '✗ missed';
  const firmness = j.firm ? '' : ' <span class="soft">(95% interval crosses the line)</span>';
  return `<td class="verdict ${j.status}" data-verdict="${j.status}">${word}${firmness}</td>`;
}

/** The metric cell: the plain label, then the metric's name in small code (when they differ). */
export function metricCell(name: string): string {
  const label = metricLabel(name);
  return label === name ? `<code>${escapeHtml(name)}</code>` : `${escapeHtml(label)}<br><code class="name">${escapeHtml(name)}</code>`;
}

function row(r: SummaryRow): string {
  const m = r.metric;
  return (
    `<tr data-metric="${escapeHtml(r.name)}"><th scope="row">${metricCell(r.name)}</th>` +
    `<td class="num">${formatValue(m.mean, m.unit)}</td>` +
    `<td class="num">${escapeHtml(formatHalfWidth(m.ci95, m.unit))}</td>` +
    `<td class="num">${escapeHtml(interval(m))}</td>` +
    `<td>${escapeHtml(unitLabel(m.unit))}</td>` +
    `<td>${r.judgement ? escapeHtml(r.judgement.text) : ''}</td>` +
    verdictCell(r.judgement) +
    '</tr>'
  );
}

const HEAD =
  '<thead><tr><th scope="col">metric</th><th scope="col">mean</th><th scope="col">95% half-width</th>' +
  '<th scope="col">95% interval</th><th scope="col">unit</th><th scope="col">standard</th><th scope="col">verdict</th></tr></thead>';

/** The standards table: the metrics a standard judges (met, missed or no data), attendance by area kind. */
export function standardsTable(rows: SummaryRow[]): string {
  // Calls first (999, then 101 queues), then attendance: the order the report reads them.
  const rank = (r: SummaryRow): number => {
    const m = parseMetricName(r.name);
    return m.kind === 'queue' ? (is101Queue(m.queue) ? 1 : 0) : 2;
  };
  // Attendance by area kind here; each named area's verdict is in the table of every metric.
  const byKind = (r: SummaryRow): boolean => {
    const m = parseMetricName(r.name);
    return m.kind !== 'incident' || m.byNeed || ['urban', 'rural', 'all'].includes(m.group);
  };
  const judged = rows
    .filter((r) => r.judgement !== undefined && r.judgement.status !== 'shown' && byKind(r))
    .sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
  if (judged.length === 0) return '<p class="note">No metric in these results is judged by a national standard.</p>';
  const met = judged.filter((r) => r.judgement?.status === 'met').length;
  const caption = `Standards: ${met} of ${judged.length} met (mean across replications)`;
  return `<table class="summary standards"><caption>${escapeHtml(caption)}</caption>${HEAD}<tbody>${judged.map(row).join('')}</tbody></table>`;
}

/** Every metric, grouped by first name segment (queues, handlers, incidents...). */
export function allMetricsTable(rows: SummaryRow[]): string {
  const groups = new Map<string, SummaryRow[]>();
  for (const r of rows) {
    const head = metricFamily(r.name);
    groups.set(head, [...(groups.get(head) ?? []), r]);
  }
  const bodies = [...groups.entries()].map(
    ([head, list]) => `<tbody><tr class="group"><th scope="rowgroup" colspan="7">${escapeHtml(head)} (${list.length})</th></tr>${list.map(row).join('')}</tbody>`,
  );
  return `<table class="summary all"><caption>Every metric (${rows.length})</caption>${HEAD}${bodies.join('')}</table>`;
}
