/**
 * The sensitivity tornado as text and JSON. Per target: each tagged assumption's low and high
 * values with the paired change in the target's mean (variant minus baseline, ± the 95%
 * half-width; `*` when the interval excludes 0), largest swing first, and a bar: `L` where the low
 * side moves the target, `H` the high side, left of `|` down, right up, scaled to the target's
 * largest swing.
 */
import type { SensitivityResults, SensitivitySide, SensitivityTarget } from '../experiment/sensitivity.js';
import type { PairedDifference } from '../metrics/results.js';

const BAR_HALF = 10;

const num = (x: number | null): number | null => (x !== null && Number.isFinite(x) ? x : null);

/** A change in the target's unit: ratios in percentage points. */
function formatChange(d: PairedDifference, unit: string): string {
  if (d.mean === null) return 'n/a';
  const ratio = unit === 'ratio';
  const scale = ratio ? 100 : 1;
  const digits = ratio ? 1 : 2;
  const size = (Math.abs(d.mean) * scale).toFixed(digits);
  // A change that rounds to nothing carries no sign.
  const body = Number(size) === 0 ? size : `${d.mean > 0 ? '+' : '-'}${size}`;
  const half = d.ci95 === null ? '' : ` ± ${(d.ci95 * scale).toFixed(digits)}`;
  return `${body}${half}${ratio ? ' pp' : unit ? ` ${unit}` : ''}${d.significant ? ' *' : ''}`;
}

function formatLevel(x: number | null, unit: string): string {
  if (x === null) return 'n/a';
  return unit === 'ratio' ? `${(100 * x).toFixed(1)}%` : `${x.toFixed(2)}${unit ? ` ${unit}` : ''}`;
}

const formatValues = (values: readonly number[]): string => values.join('/');

/** The bar of one row: 2 x BAR_HALF + 1 characters centred on `|`. */
export function tornadoBar(low: number | null, high: number | null, largest: number): string {
  const cells: string[] = Array.from({ length: 2 * BAR_HALF + 1 }, (_, i) => (i === BAR_HALF ? '|' : ' '));
  const paint = (d: number | null, mark: string): void => {
    if (d === null || d === 0 || !(largest > 0)) return;
    const n = Math.max(1, Math.round((Math.abs(d) / largest) * BAR_HALF));
    for (let k = 1; k <= n; k++) cells[BAR_HALF + (d < 0 ? -k : k)] = mark;
  };
  // The longer side first, so the shorter stays visible where both point the same way.
  const sides: [number | null, string][] = [[low, 'L'], [high, 'H']];
  sides.sort((a, b) => Math.abs(b[0] ?? 0) - Math.abs(a[0] ?? 0));
  for (const [d, mark] of sides) paint(d, mark);
  return cells.join('');
}

function targetBlock(t: SensitivityTarget): string[] {
  const largest = Math.max(0, ...t.rows.map((r) => r.swing));
  const side = (s: SensitivitySide): string => `${formatValues(s.values)} → ${formatChange(s.change, t.unit)}`;
  const rows = t.rows.map((r) => [r.assumption, r.kind, formatValues(r.base), side(r.low), side(r.high), tornadoBar(r.low.change.mean, r.high.change.mean, largest)]);
  const header = ['assumption', 'kind', 'value', 'low → change', 'high → change', 'low L / high H'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string => `  ${cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd()}`;
  return [`${t.label} (${t.metric}): baseline ${formatLevel(t.baseMean, t.unit)}`, line(header), ...rows.map(line), ''];
}

/** The tornado table, one block per target. */
export function sensitivityTable(r: SensitivityResults): string {
  const lines = [
    `${r.scenario}: sensitivity, ${r.replications} replications, seed ${r.seed}`,
    'Change = variant minus baseline, paired over the same replications (common random numbers), ± 95% half-width; * = interval excludes 0.',
    '',
    ...r.targets.flatMap(targetBlock),
  ];
  if (r.targets.length > 0 && r.targets[0].rows.length === 0) lines.push('No assumptions are tagged in this scenario (top-level `assumptions:`), so nothing was varied.');
  if (r.skipped.length > 0) lines.push(`Not varied (series targets): ${r.skipped.join('; ')}`);
  return `${lines.join('\n').trimEnd()}\n`;
}

/** The same as JSON (non-finite numbers as null), two-space indent. */
export function sensitivityJson(r: SensitivityResults): string {
  const diff = (d: PairedDifference): PairedDifference => ({ mean: num(d.mean), ci95: num(d.ci95), significant: d.significant });
  const out = {
    scenario: r.scenario, seed: r.seed, replications: r.replications,
    targets: r.targets.map((t) => ({
      label: t.label, metric: t.metric, unit: t.unit, baseMean: num(t.baseMean),
      rows: t.rows.map((row) => ({
        assumption: row.assumption, kind: row.kind, paths: row.paths, base: row.base,
        low: { values: row.low.values, change: diff(row.low.change) },
        high: { values: row.high.values, change: diff(row.high.change) },
        swing: row.swing,
      })),
    })),
    skipped: r.skipped,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
