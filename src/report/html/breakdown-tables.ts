/**
 * Breakdowns in the HTML report (what `--by month|hourOfDay|dayOfWeek` prints as text): for every
 * series axis the results carry, read generically from their series, a table of the measures a
 * planner briefs on (those a national standard judges, occupancy per pool, attendance within the
 * time frame), one row per key. For a comparison, each scenario and the paired difference.
 */
import { parseMetricName, parseSeriesName, seriesName } from '../../metrics/metric-names.js';
import type { ComparisonResults, Results, SeriesAxis, SeriesSummary } from '../../metrics/results.js';
import { judge, standardFor, type StandardOptions } from '../../metrics/standards.js';
import { measureUsed } from '../used-measures.js';
import { escapeHtml, formatDifference, formatHalfWidth, formatValue } from './format.js';
import { metricLabel } from './metric-labels.js';
import { monthLabels } from './monthly-charts.js';
import { findSeries } from './results-index.js';

const AXES: readonly SeriesAxis[] = ['month', 'dayOfWeek', 'hourOfDay', 'hourOfWeek', 'day'];
const AXIS_WORDS: Record<SeriesAxis, { title: string; column: string }> = {
  month: { title: 'By month', column: 'month' },
  dayOfWeek: { title: 'By day of the week', column: 'day' },
  hourOfDay: { title: 'By hour of day (room’s clock)', column: 'hour' },
  hourOfWeek: { title: 'By hour of the week (room’s clock)', column: 'hour of week' },
  day: { title: 'By day', column: 'day' },
};

/** A metric worth a breakdown row: judged by a standard, a pool's occupancy, or attendance within the time frame (all areas). */
function briefed(metric: string, options: StandardOptions): boolean {
  if (standardFor(metric, options)?.informational === false) return true;
  const m = parseMetricName(metric);
  return (m.kind === 'pool' && m.measure === 'occupancy') || (m.kind === 'incident' && !m.byNeed && m.group === 'all' && m.measure === 'withinTarget');
}

/** The measures the results carry a series for along `axis`, judged ones first. */
export function breakdownMeasures(results: Results, axis: SeriesAxis, options: StandardOptions): string[] {
  const names = new Set<string>();
  for (const [name, s] of Object.entries(results.series)) {
    if (s.by !== axis) continue;
    const metric = parseSeriesName(name)?.metric ?? name;
    if (briefed(metric, options) && measureUsed(metric, results.setup?.uses)) names.add(metric);
  }
  const judged = (n: string): number => (standardFor(n, options)?.informational === false ? 0 : 1);
  return [...names].sort((a, b) => judged(a) - judged(b) || a.localeCompare(b));
}

/** Axes the results carry series along, in reading order. */
export function breakdownAxes(results: Results): SeriesAxis[] {
  const present = new Set(Object.values(results.series).map((s) => s.by));
  return AXES.filter((a) => present.has(a));
}

function keyLabels(axis: SeriesAxis, keys: readonly string[]): Map<string, string> {
  return axis === 'month' ? monthLabels(keys) : new Map(keys.map((k) => [k, k]));
}

function cell(metric: string, s: SeriesSummary | undefined, key: string, unit: string, options: StandardOptions): string {
  const i = s === undefined ? -1 : s.keys.indexOf(key);
  const mean = i < 0 ? null : s!.mean[i];
  if (mean === null) return '<td class="num">–</td>';
  const half = s!.ci95[i];
  const j = judge(metric, { mean, ci95: half, min: null, max: null, unit, values: [] }, options);
  const missed = j?.status === 'missed';
  return `<td class="num${missed ? ' missed' : ''}"${missed ? ' data-verdict="missed"' : ''}>${missed ? '✗ ' : ''}${formatValue(mean, unit)} <span class="soft">${escapeHtml(formatHalfWidth(half, unit))}</span></td>`;
}

/** The run's breakdown tables, one per axis (the first open), or '' when the results carry none. */
export function runBreakdownTables(results: Results, options: StandardOptions): string {
  const blocks = breakdownAxes(results).map((axis, n) => {
    const metrics = breakdownMeasures(results, axis, options);
    if (metrics.length === 0) return '';
    const series = metrics.map((m) => findSeries(results, m, axis));
    const keys = series.find((s) => s !== undefined)?.keys ?? [];
    const labels = keyLabels(axis, keys);
    const head = `<thead><tr><th scope="col">${AXIS_WORDS[axis].column}</th>${metrics.map((m) => `<th scope="col" class="num">${escapeHtml(metricLabel(m))}</th>`).join('')}</tr></thead>`;
    const rows = keys.map(
      (key) => `<tr><th scope="row">${escapeHtml(labels.get(key) ?? key)}</th>${metrics.map((m, i) => cell(m, series[i], key, results.metrics[m]?.unit ?? 'ratio', options)).join('')}</tr>`,
    );
    return (
      `<details class="breakdown" data-axis="${axis}"${n === 0 ? ' open' : ''}><summary>${AXIS_WORDS[axis].title}</summary>` +
      `<table class="breakdown"><caption>${AXIS_WORDS[axis].title}: mean ± 95% half-width; ✗ marks a value that misses its national standard</caption>${head}<tbody>${rows.join('')}</tbody></table></details>`
    );
  });
  return blocks.join('');
}

/** The comparison's breakdown tables: per axis and judged measure, each scenario and each paired difference. */
export function comparisonBreakdownTables(c: ComparisonResults, labels: readonly string[], options: StandardOptions): string {
  const base = c.scenarios[0];
  const blocks: string[] = [];
  for (const axis of breakdownAxes(base)) {
    for (const metric of breakdownMeasures(base, axis, options)) {
      const series = c.scenarios.map((s) => findSeries(s, metric, axis));
      const keys = series[0]?.keys ?? [];
      const names = keyLabels(axis, keys);
      const unit = base.metrics[metric]?.unit ?? 'ratio';
      // Series are keyed with their axis suffix (or, in older files, by the metric's name alone).
      const diffName = [seriesName(metric, axis), metric].find((n) => base.series[n]?.by === axis && c.seriesDifferences?.[n] !== undefined);
      const diff = diffName === undefined ? undefined : c.seriesDifferences?.[diffName];
      const head =
        `<thead><tr><th scope="col">${AXIS_WORDS[axis].column}</th>${labels.map((l) => `<th scope="col" class="num">${escapeHtml(l)}</th>`).join('')}` +
        `${labels.slice(1).map((l) => `<th scope="col" class="num">${escapeHtml(l)} − ${escapeHtml(labels[0])}</th>`).join('')}</tr></thead>`;
      const rows = keys.map((key) => {
        const k = diff?.keys.indexOf(key) ?? -1;
        const diffs = labels.slice(1).map((_, j) => {
          const d = k < 0 ? undefined : diff?.differences[j]?.[k];
          if (d === undefined || d.mean === null) return '<td class="num">–</td>';
          return `<td class="num${d.significant ? ' significant' : ''}">${escapeHtml(formatDifference(d.mean, unit))} <span class="soft">${escapeHtml(formatHalfWidth(d.ci95, unit))}</span>${d.significant ? ' *' : ''}</td>`;
        });
        return `<tr><th scope="row">${escapeHtml(names.get(key) ?? key)}</th>${series.map((s) => cell(metric, s, key, unit, options)).join('')}${diffs.join('')}</tr>`;
      });
      blocks.push(
        `<details class="breakdown" data-axis="${axis}" data-metric="${escapeHtml(metric)}"><summary>${escapeHtml(metricLabel(metric))}: ${AXIS_WORDS[axis].title.toLowerCase()}</summary>` +
          `<table class="breakdown">${head}<tbody>${rows.join('')}</tbody></table></details>`,
      );
    }
  }
  return blocks.length === 0 ? '' : `${blocks.join('')}<p class="note">Differences are paired (same seeds); * marks a 95% interval that excludes 0.</p>`;
}
