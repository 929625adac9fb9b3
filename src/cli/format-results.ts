/**
 * A run's results in the chosen output format: shared by `callsim run` and `callsim merge`, so that
 * merge never loads run's bundled work (scripts/bundle-actions.mjs folds run-action.ts into one file).
 */
import type { Results } from '../metrics/results.js';
import { resultsCsv } from '../report/csv.js';
import { runBreakdownCsv } from '../report/breakdown-csv.js';
import { resultsJson } from '../report/json.js';
import { resultsTable } from '../report/table.js';
import { runBreakdown, type BreakdownAxis } from '../report/breakdown.js';
import { type Format, changeLines, withChanges } from './options.js';

/** Results in the chosen format (the table by month or hour with `by`; `metrics` globs pick rows of the table). */
export function formatResults(results: Results, format: Format, view: { by?: BreakdownAxis; metrics?: readonly string[]; changes?: readonly string[] } = {}): string {
  if (format === 'json') return resultsJson(results);
  if (format === 'csv') return view.by === undefined ? resultsCsv(results) : runBreakdownCsv(results, view.by, view.metrics);
  const table = view.by === undefined ? resultsTable(results, view.metrics) : runBreakdown(results, view.by, view.metrics);
  return withChanges(table, changeLines(view.changes ?? []));
}
