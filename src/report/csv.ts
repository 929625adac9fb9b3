/** `--format csv`: one row per metric (run) or per metric and scenario (compare). */
import type { ComparisonResults, Results } from '../metrics/results.js';
import { csvLine } from './csv-cell.js';

/** Columns: metric, unit, mean, ci95, min, max, n (replications with a value). Empty cells for no data. */
export function resultsCsv(results: Results): string {
  const lines = [csvLine(['metric', 'unit', 'mean', 'ci95', 'min', 'max', 'n'])];
  for (const name of Object.keys(results.metrics).sort()) {
    const m = results.metrics[name];
    const n = m.values.filter((v) => v !== null && Number.isFinite(v)).length;
    lines.push(csvLine([name, m.unit, m.mean, m.ci95, m.min, m.max, n]));
  }
  return lines.join('');
}

/**
 * Columns: metric, unit, scenario (name), file, mean, ci95, difference, differenceCi95, significant.
 * The difference is this scenario minus the first (empty for the first).
 */
export function comparisonCsv(c: ComparisonResults): string {
  const lines = [csvLine(['metric', 'unit', 'scenario', 'file', 'mean', 'ci95', 'difference', 'differenceCi95', 'significant'])];
  const base = c.scenarios[0];
  for (const name of Object.keys(base.metrics).sort()) {
    c.scenarios.forEach((s, i) => {
      const m = s.metrics[name];
      const d = i === 0 ? undefined : c.differences[name]?.[i - 1];
      lines.push(csvLine([name, base.metrics[name].unit, s.scenario.name, s.scenario.file, m?.mean ?? null, m?.ci95 ?? null, d?.mean ?? null, d?.ci95 ?? null, d === undefined ? null : d.significant]));
    });
  }
  return lines.join('');
}
