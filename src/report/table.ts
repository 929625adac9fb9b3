/**
 * `--format table`: results for people. One line per metric with its unit and the mean ± the 95%
 * half-width across replications; the national standards (90% of 999 calls in 10 s, under 5% of
 * 101 calls abandoned) beside the figures they judge, with met or missed (judged on the mean).
 */
import type { ComparisonResults, Results } from '../metrics/results.js';
import { matchesGlob } from '../metrics/metric-names.js';
import { headlineNames, headlineTable } from './headline.js';
import { alignRows, meanPlusMinus, unitLabel } from './format-number.js';
import { tableStandard, verdict } from './standards.js';
import { usedInAny, usedMeasures } from './used-measures.js';

const NOTE =
  'Judged on the mean across replications. answeredWithinTarget and serviceLevel count answers within the queue\'s targetSeconds ' +
  '(the 999 standard when targetSeconds is 10).';

/** Metric names matching any glob (`all` or none given: every name), sorted. */
function selected(names: readonly string[], globs: readonly string[]): string[] {
  const all = globs.length === 0 || globs.includes('all');
  return names.filter((n) => all || globs.some((g) => matchesGlob(n, g))).sort();
}

function heading(r: Results): string {
  const file = r.scenario.file === null ? '' : ` (${r.scenario.file}${r.scenario.sha256 === null ? '' : `, sha256 ${r.scenario.sha256.slice(0, 12)}`})`;
  return `${r.scenario.name}${file}: ${r.replications} replication${r.replications === 1 ? '' : 's'}, seed ${r.seed}, callsim ${r.callsim}`;
}

/** The run table (a trailing newline included): the headline view, or the measures `globs` name (`all` for every one). */
export function resultsTable(results: Results, globs: readonly string[] = []): string {
  if (globs.length === 0) return headlineTable(results, heading(results));
  const names = selected(usedMeasures(results, Object.keys(results.metrics)), globs);
  const rows: string[][] = [['metric', 'unit', 'mean ± 95% half-width', 'standard', 'verdict']];
  for (const name of names) {
    const m = results.metrics[name];
    rows.push([name, unitLabel(m.unit), meanPlusMinus(m.mean, m.ci95, m.unit), tableStandard(name, results.metrics)?.text ?? '', verdict(name, m, results.metrics)]);
  }
  const judged = names.some((n) => tableStandard(n, results.metrics) !== undefined);
  return [heading(results), '', ...alignRows(rows, [false, false, true]), ...(judged ? ['', NOTE] : []), ''].join('\n');
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const label = (i: number): string => LETTERS[i] ?? `S${i + 1}`;

/**
 * The comparison table: each scenario's mean ± half-width (with met/missed where a standard
 * applies), then each paired difference against the first scenario with its 95% half-width; `*`
 * marks a significant difference (0 outside the interval).
 */
export function comparisonTable(c: ComparisonResults, globs: readonly string[] = []): string {
  const base = c.scenarios[0];
  const others = c.scenarios.slice(1);
  const header = ['metric', 'unit', ...c.scenarios.map((_, i) => label(i)), ...others.map((_, i) => `${label(i + 1)} − A`), 'standard'];
  const rows: string[][] = [header];
  // Without --metrics, the headline measures (standards first); --metrics all for every one.
  const names = globs.length === 0 ? headlineNames(base) : selected(usedInAny(c.scenarios, Object.keys(base.metrics)), globs);
  for (const name of names) {
    const unit = base.metrics[name].unit;
    const cells = c.scenarios.map((s) => {
      const m = s.metrics[name];
      const v = verdict(name, m, s.metrics);
      return `${meanPlusMinus(m?.mean ?? null, m?.ci95 ?? null, unit)}${v === '' ? '' : ` ${v}`}`;
    });
    const diffs = others.map((_, i) => {
      const d = c.differences[name]?.[i];
      if (d === undefined || d.mean === null) return '-';
      const sign = d.mean > 0 ? '+' : '';
      return `${sign}${meanPlusMinus(d.mean, d.ci95, unit)}${d.significant ? ' *' : ''}`;
    });
    rows.push([name, unitLabel(unit), ...cells, ...diffs, tableStandard(name, base.metrics)?.text ?? '']);
  }
  const legend = c.scenarios.map((s, i) => `${label(i)} = ${s.scenario.name}${s.scenario.file === null ? '' : ` (${s.scenario.file})`}`);
  const right = header.map((_, i) => i >= 2 && i < header.length - 1);
  return [
    `Comparison under common random numbers: ${c.replications} replications each, seed ${c.seed}, callsim ${c.callsim}`,
    ...legend,
    '',
    ...alignRows(rows, right),
    '',
    'Differences are paired (same seeds, same replication index); * marks a 95% interval that excludes 0.',
    ...(globs.length === 0 ? [`${usedInAny(c.scenarios, Object.keys(base.metrics)).length - names.length} more measures: --metrics all, or a name or glob such as --metrics 'queues.secondary.*'; --by month for months.`] : []),
    '',
  ].join('\n');
}
