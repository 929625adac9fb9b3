/**
 * `sweep --by`: each grid point's breakdown. The output file holds it in long format (the axes,
 * then metric, unit, by, key, mean, ci95; `breakdownRows`); the table printed at the end is read
 * back from that file, so points run before a resume are in it too: one block per measure, one
 * row per key, one column per grid point.
 */
import { seriesName } from '../metrics/metric-names.js';
import type { Results } from '../metrics/results.js';
import { AXIS_WORD, type BreakdownAxis } from './breakdown.js';
import { BREAKDOWN_COLUMNS, breakdownRows } from './breakdown-csv.js';
import { splitCsvLine } from './csv-cell.js';
import { alignRows, meanPlusMinus, unitLabel } from './format-number.js';
import { metricLabel } from './html/metric-labels.js';

/** The long header of a sweep by `--by`. */
export const sweepBreakdownHeader = (axes: readonly string[]): string[] => [...axes, ...BREAKDOWN_COLUMNS];

/** One point's rows under the long header: its axis values, then each measure and key. */
export function sweepBreakdownRows(values: readonly string[], results: Results, axis: BreakdownAxis, globs: readonly string[]): string[][] {
  const cell = (x: string | number | null): string => (x === null || (typeof x === 'number' && !Number.isFinite(x)) ? '' : String(x));
  return breakdownRows(results, axis, globs).map((row) => [...values, ...row.map(cell)]);
}

/** The axis (`by` column) of a long sweep file's first data row, or null for an empty file. */
export function sweepFileAxis(text: string, axes: readonly string[]): string | null {
  const line = text.split('\n').slice(1).find((l) => l.trim() !== '');
  return line === undefined ? null : (splitCsvLine(line)[axes.length + 2] ?? null);
}

/** The table of a long sweep file (a trailing newline included): one block per measure, one column per point. */
export function sweepBreakdownTable(text: string, axes: readonly string[], axis: BreakdownAxis): string {
  const rows = text.split('\n').slice(1).filter((l) => l.trim() !== '').map((l) => splitCsvLine(l.replace(/\r$/, '')));
  const n = axes.length;
  const points: string[] = [];
  const measures = new Map<string, { unit: string; keys: string[]; cells: Map<string, string> }>();
  for (const row of rows) {
    const point = row.slice(0, n).join(', ');
    const [metric, unit, by, key, mean, ci95] = row.slice(n);
    if (by !== axis) continue;
    if (!points.includes(point)) points.push(point);
    let m = measures.get(metric);
    if (m === undefined) measures.set(metric, (m = { unit, keys: [], cells: new Map() }));
    if (!m.keys.includes(key)) m.keys.push(key);
    const value = (x: string): number | null => (x === '' || x === undefined ? null : Number(x));
    m.cells.set(`${point}\u0000${key}`, meanPlusMinus(value(mean), value(ci95), unit));
  }
  const blocks = [...measures.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([metric, m]) => {
    const label = metricLabel(metric);
    const title = `${label === metric ? metric : `${label} (${metric})`}, by ${AXIS_WORD[axis]}, ${unitLabel(m.unit)}`;
    const table = [[AXIS_WORD[axis], ...points], ...m.keys.map((key) => [key, ...points.map((p) => m.cells.get(`${p}\u0000${key}`) ?? '-')])];
    return [title, ...alignRows(table, table[0].map((_, i) => i > 0))].join('\n');
  });
  if (blocks.length === 0) return `No measures by ${AXIS_WORD[axis]} in the sweep (try --metrics all).\n`;
  return `Columns: ${axes.join(', ')} (each grid point; mean ± 95% half-width)\n\n${blocks.join('\n\n')}\n`;
}

/** A series of one grid point in `sweep --by --json`: the results contract's series shape. */
export interface SweepPointSeries {
  values: string[];
  series: Record<string, { by: BreakdownAxis; keys: string[]; mean: (number | null)[]; ci95: (number | null)[] }>;
}

/**
 * The long sweep file as JSON text: `{ axes, by, units, points: [{ values, series }] }`, each
 * point's series named and shaped as in a run's results (`NAME.byDayOfWeek: { by, keys, mean,
 * ci95 }`), so one reader serves both. Read back from the file, like the table.
 */
export function sweepBreakdownJson(text: string, axes: readonly string[], axis: BreakdownAxis): string {
  const rows = text.split('\n').slice(1).filter((l) => l.trim() !== '').map((l) => splitCsvLine(l.replace(/\r$/, '')));
  const n = axes.length;
  const points = new Map<string, SweepPointSeries>();
  const units: Record<string, string> = {};
  for (const row of rows) {
    const [metric, unit, by, key, mean, ci95] = row.slice(n);
    if (by !== axis) continue;
    const values = row.slice(0, n);
    const id = JSON.stringify(values);
    let point = points.get(id);
    if (point === undefined) points.set(id, (point = { values, series: {} }));
    const name = seriesName(metric, axis);
    const s = (point.series[name] ??= { by: axis, keys: [], mean: [], ci95: [] });
    s.keys.push(key);
    s.mean.push(mean === '' ? null : Number(mean));
    s.ci95.push(ci95 === '' ? null : Number(ci95));
    units[metric] = unit;
  }
  return `${JSON.stringify({ axes: [...axes], by: axis, units, points: [...points.values()] }, null, 2)}\n`;
}
