/**
 * `--by AXIS --format csv`: the breakdown in long format, one row per measure and key (month,
 * local hour or local day of the week), so a spreadsheet pivots it without reshaping. The measures
 * are the table's (`breakdownMetrics`: the standards' measures, or those `--metrics` names).
 * run:     metric, unit, by, key, mean, ci95
 * compare: metric, unit, by, key, scenario, file, mean, ci95, difference, differenceCi95, significant
 *          (the difference is this scenario minus the first, paired; empty for the first)
 * sweep:   the grid's axes, then metric, unit, by, key, mean, ci95 (one block of rows per point)
 */
import { parseSeriesName } from '../metrics/metric-names.js';
import type { ComparisonResults, Results } from '../metrics/results.js';
import { breakdownMetrics, type BreakdownAxis } from './breakdown.js';
import { csvLine } from './csv-cell.js';

/** The columns after a sweep's axes (and all of a run's). */
export const BREAKDOWN_COLUMNS: readonly string[] = ['metric', 'unit', 'by', 'key', 'mean', 'ci95'];

/** Rows (cells) of one result's breakdown: metric, unit, by, key, mean, ci95. */
export function breakdownRows(results: Results, axis: BreakdownAxis, globs: readonly string[]): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [];
  for (const name of breakdownMetrics(results, axis, globs)) {
    const metric = parseSeriesName(name)!.metric;
    const unit = results.metrics[metric]?.unit ?? 'ratio';
    const series = results.series[name];
    series.keys.forEach((key, i) => rows.push([metric, unit, axis, key, series.mean[i], series.ci95[i]]));
  }
  return rows;
}

/** A run's breakdown as CSV (header included). */
export function runBreakdownCsv(results: Results, axis: BreakdownAxis, globs: readonly string[] = []): string {
  return [csvLine(BREAKDOWN_COLUMNS), ...breakdownRows(results, axis, globs).map(csvLine)].join('');
}

/** A comparison's breakdown as CSV: every scenario's value at each key, and its paired difference against the first. */
export function comparisonBreakdownCsv(c: ComparisonResults, axis: BreakdownAxis, globs: readonly string[] = []): string {
  const lines = [csvLine(['metric', 'unit', 'by', 'key', 'scenario', 'file', 'mean', 'ci95', 'difference', 'differenceCi95', 'significant'])];
  const base = c.scenarios[0];
  for (const name of breakdownMetrics(base, axis, globs)) {
    const metric = parseSeriesName(name)!.metric;
    const unit = base.metrics[metric]?.unit ?? 'ratio';
    const diffs = c.seriesDifferences?.[name];
    for (const key of base.series[name].keys) {
      c.scenarios.forEach((s, i) => {
        const series = s.series[name];
        const at = series === undefined ? -1 : series.keys.indexOf(key);
        const d = i === 0 || diffs === undefined ? undefined : diffs.differences[i - 1]?.[diffs.keys.indexOf(key)];
        lines.push(csvLine([
          metric, unit, axis, key, s.scenario.name, s.scenario.file,
          at < 0 ? null : series.mean[at], at < 0 ? null : series.ci95[at],
          d?.mean ?? null, d?.ci95 ?? null, d === undefined ? null : d.significant,
        ]));
      });
    }
  }
  return lines.join('');
}
