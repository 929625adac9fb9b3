/**
 * The output of `callsim sweep`: one row per grid point, the point's parameter values first, then
 * each metric's mean and 95% half-width (`NAME.mean`, `NAME.ci95`). The file is rewritten whole
 * (temp file and rename) after each point, so it always holds complete rows; a rerun reads it and
 * skips the points it already holds. Each write holds a lock file and merges with what is on disk,
 * so sweeps sharing one output (two machines' halves of a grid, or a mistake) keep every row.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Results } from '../metrics/results.js';
import { writeFileAtomic } from './atomic-write.js';
import { csvLine, splitCsvLine } from './csv-cell.js';
import { withFileLock } from './file-lock.js';
import { BREAKDOWN_COLUMNS } from './breakdown-csv.js';

/** An existing sweep output whose columns do not match this sweep. */
export class SweepFileError extends Error {
  /** Bad input (exit 2): the command line tells it by this mark, not by class identity (cli/errors.ts). */
  readonly badInput = true;
  constructor(message: string) {
    super(message);
    this.name = 'SweepFileError';
  }
}

/** The columns of a sweep file: the axes, then mean and ci95 of each metric (sorted). */
export function sweepHeader(axes: readonly string[], results: Results): string[] {
  const metrics = Object.keys(results.metrics).sort();
  return [...axes, ...metrics.flatMap((m) => [`${m}.mean`, `${m}.ci95`])];
}

/** One point's row under `header`. */
export function sweepRow(header: readonly string[], values: readonly string[], results: Results): string[] {
  return header.map((column, i) => {
    if (i < values.length) return values[i];
    const dot = column.lastIndexOf('.');
    const m = results.metrics[column.slice(0, dot)];
    const x = column.slice(dot + 1) === 'mean' ? m?.mean : m?.ci95;
    return x === null || x === undefined || !Number.isFinite(x) ? '' : String(x);
  });
}

/** An existing sweep file: its header and the axis values of the rows it holds. */
export interface SweepFile {
  header: string[];
  text: string;
  done: string[][];
}

/** Reads a sweep output if it exists (null when absent or empty); checks that it starts with the axes. */
export function readSweepFile(file: string, axes: readonly string[]): SweepFile | null {
  if (!existsSync(file)) return null;
  const text = readFileSync(file, 'utf8');
  // Whole-file writes mean every line is complete; a line without its break is not trusted.
  const lines = text.split('\n');
  const complete = lines.slice(0, -1).filter((l) => l.trim() !== '');
  if (complete.length === 0) return null;
  const header = splitCsvLine(complete[0].replace(/\r$/, ''));
  const same = axes.every((a, i) => header[i] === a) && !axes.includes(header[axes.length] ?? '');
  if (!same) {
    throw new SweepFileError(`${file}: its columns start ${header.slice(0, axes.length + 1).join(', ')}; this sweep varies ${axes.join(', ')} (use another --out, or delete the file)`);
  }
  const done = complete.slice(1).map((l) => splitCsvLine(l.replace(/\r$/, '')).slice(0, axes.length));
  return { header, text: `${complete.join('\n')}\n`, done };
}

/** True for a sweep file in the long breakdown format (`--by`): the axes, then metric, unit, by, key, mean, ci95. */
export const isBreakdownHeader = (header: readonly string[], axes: readonly string[]): boolean =>
  header.length === axes.length + BREAKDOWN_COLUMNS.length && BREAKDOWN_COLUMNS.every((c, i) => header[axes.length + i] === c);

/**
 * Adds one point's rows to the sweep file: under the file's lock, reads what is on disk now (rows
 * another sweep wrote since), keeps it, and appends the point's rows unless that point is already
 * there (then the rows on disk stand). Atomic: temp file and rename. `rowsFor` builds the rows
 * under the header in force (the file's, when it has one): one row, or with `--by` one per
 * measure and key.
 */
export function appendSweepRows(file: string, axes: readonly string[], header: readonly string[], values: readonly string[], rowsFor: (header: readonly string[]) => string[][]): SweepFile {
  return withFileLock(file, () => {
    const current = readSweepFile(file, axes);
    const inForce = current?.header ?? [...header];
    const done = current?.done ?? [];
    const key = JSON.stringify(values);
    if (done.some((d) => JSON.stringify(d) === key)) return current as SweepFile;
    const text = (current?.text ?? csvLine(inForce)) + rowsFor(inForce).map(csvLine).join('');
    writeFileAtomic(file, text);
    return { header: inForce, text, done: [...done, [...values]] };
  });
}

/** A whole sweep file as `sweep` writes a fresh one: the header from the first point, then one row per point. */
export function sweepCsv(axes: readonly string[], points: readonly { values: readonly string[]; results: Results }[]): string {
  const header = sweepHeader(axes, points[0].results);
  return csvLine(header) + points.map((p) => csvLine(sweepRow(header, p.values, p.results))).join('');
}

/** One row per point (the wide format): `appendSweepRows` with a single row. */
export const appendSweepRow = (file: string, axes: readonly string[], header: readonly string[], values: readonly string[], rowFor: (header: readonly string[]) => string[]): SweepFile =>
  appendSweepRows(file, axes, header, values, (h) => [rowFor(h)]);
