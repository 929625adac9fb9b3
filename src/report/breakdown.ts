/**
 * `--by month|hourOfDay|dayOfWeek`: the table by month, hour or day of the week where planners look. One block per measure,
 * one row per month (or local hour, or local day of the week): for a run, the mean ± 95% half-width and the standard's
 * verdict; for a comparison, each scenario and each paired difference against the first with its
 * 95% interval (`*` when it excludes 0).
 */
import { matchesGlob, parseSeriesName } from '../metrics/metric-names.js';
import type { ComparisonResults, Results, SeriesAxis } from '../metrics/results.js';
import { judge, standardFor, withResultTargets } from '../metrics/standards.js';
import { alignRows, meanPlusMinus, unitLabel } from './format-number.js';
import { metricLabel } from './html/metric-labels.js';
import { measureUsed } from './used-measures.js';

export type BreakdownAxis = Extract<SeriesAxis, 'month' | 'hourOfDay' | 'dayOfWeek'>;
export const BREAKDOWN_AXES: readonly BreakdownAxis[] = ['month', 'hourOfDay', 'dayOfWeek'];

export const AXIS_WORD: Record<BreakdownAxis, string> = { month: 'month', hourOfDay: 'hour (local)', dayOfWeek: 'day of week (local)' };

/**
 * Which measures a breakdown shows: the globs given (`all` for every series), or by default the
 * measures a national standard judges and the handlers' occupancy.
 */
export function breakdownMetrics(results: Results, axis: BreakdownAxis, globs: readonly string[]): string[] {
  const options = withResultTargets(results.metrics, {});
  const names: string[] = [];
  for (const [name, series] of Object.entries(results.series)) {
    const parsed = parseSeriesName(name);
    if (parsed === null || series.by !== axis) continue;
    const metric = parsed.metric;
    const wanted = globs.length > 0
      ? globs.some((g) => g === 'all' || matchesGlob(metric, g))
      : (standardFor(metric, options)?.informational === false);
    if (wanted && measureUsed(name, results.setup?.uses)) names.push(name);
  }
  return names.sort();
}

const label = (i: number): string => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[i] ?? `S${i + 1}`;

function title(metric: string, axis: BreakdownAxis, unit: string, standard: string | undefined): string {
  const label = metricLabel(metric);
  return `${label === metric ? metric : `${label} (${metric})`}, by ${AXIS_WORD[axis]}, ${unitLabel(unit)}${standard === undefined ? '' : `; standard ${standard}`}`;
}

/** The run's breakdown by month or hour (a trailing newline included). */
export function runBreakdown(results: Results, axis: BreakdownAxis, globs: readonly string[] = []): string {
  const options = withResultTargets(results.metrics, {});
  const blocks: string[] = [];
  for (const name of breakdownMetrics(results, axis, globs)) {
    const series = results.series[name];
    const metric = parseSeriesName(name)!.metric;
    const unit = results.metrics[metric]?.unit ?? 'ratio';
    const standard = standardFor(metric, options);
    const rows: string[][] = [[AXIS_WORD[axis], 'mean ± 95% half-width', ...(standard?.informational === false ? ['verdict'] : [])]];
    series.keys.forEach((key, i) => {
      const mean = series.mean[i];
      const verdict = standard?.informational === false ? [judge(metric, { mean, ci95: series.ci95[i], min: null, max: null, unit, values: [] }, options)?.status ?? ''] : [];
      rows.push([key, meanPlusMinus(mean, series.ci95[i], unit), ...verdict.map((v) => (v === 'noData' ? '-' : v))]);
    });
    blocks.push([title(metric, axis, unit, standard?.informational === false ? standard.short : undefined), ...alignRows(rows, [false, true])].join('\n'));
  }
  const head = `${results.scenario.name}: ${results.replications} replication${results.replications === 1 ? '' : 's'}, seed ${results.seed}, callsim ${results.callsim}`;
  if (blocks.length === 0) return `${head}\n\nNo measures by ${AXIS_WORD[axis]} match ${globs.length > 0 ? globs.join(', ') : 'the standards'} (try --metrics all).\n`;
  return `${head}\n\n${blocks.join('\n\n')}\n`;
}

/** The comparison's breakdown by month or hour: each scenario and the paired difference per row. */
export function comparisonBreakdown(c: ComparisonResults, axis: BreakdownAxis, globs: readonly string[] = []): string {
  const base = c.scenarios[0];
  const others = c.scenarios.slice(1);
  const blocks: string[] = [];
  for (const name of breakdownMetrics(base, axis, globs)) {
    const metric = parseSeriesName(name)!.metric;
    const unit = base.metrics[metric]?.unit ?? 'ratio';
    const standard = standardFor(metric, withResultTargets(base.metrics, {}));
    const diffs = c.seriesDifferences?.[name];
    const rows: string[][] = [[AXIS_WORD[axis], ...c.scenarios.map((_, i) => label(i)), ...others.map((_, i) => `${label(i + 1)} − A`)]];
    base.series[name].keys.forEach((key) => {
      const cells = c.scenarios.map((s) => {
        const series = s.series[name];
        const i = series === undefined ? -1 : series.keys.indexOf(key);
        return i < 0 ? '-' : meanPlusMinus(series.mean[i], series.ci95[i], unit);
      });
      const differences = others.map((_, j) => {
        const d = diffs?.differences[j]?.[diffs.keys.indexOf(key)];
        if (d === undefined || d.mean === null || !Number.isFinite(d.mean)) return '-';
        return `${d.mean > 0 ? '+' : ''}${meanPlusMinus(d.mean, d.ci95, unit)}${d.significant ? ' *' : ''}`;
      });
      rows.push([key, ...cells, ...differences]);
    });
    blocks.push([title(metric, axis, unit, standard?.informational === false ? standard.short : undefined), ...alignRows(rows, rows[0].map((_, i) => i > 0))].join('\n'));
  }
  const legend = [`Comparison under common random numbers: ${c.replications} replications each, seed ${c.seed}, callsim ${c.callsim}`, ...c.scenarios.map((s, i) => `${label(i)} = ${s.scenario.name}`)];
  if (blocks.length === 0) return `No measures by ${AXIS_WORD[axis]} match ${globs.length > 0 ? globs.join(', ') : 'the standards'} (try --metrics all).\n`;
  return [...legend, '', blocks.join('\n\n'), '', 'Differences are paired (same seeds, same replication index); * marks a 95% interval that excludes 0.', ''].join('\n');
}
