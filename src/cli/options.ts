/** Options shared by several commands, and their parsing. */
import { availableParallelism } from 'node:os';
import type { Options } from 'yargs';
import { cutEcho } from '../scenario/errors.js';
import { UsageError } from './errors.js';

export type Format = 'table' | 'json' | 'csv';

export const formatOption: Options = { choices: ['table', 'json', 'csv'], default: 'table', describe: 'output format' };
export const repsOption: Options = { type: 'number', describe: "replications (default: the scenario's)" };
export const seedOption: Options = { type: 'number', describe: "root seed (default: the scenario's)" };
export const setOption: Options = { type: 'string', array: true, describe: 'override a field: path=value (repeatable)' };
export const threadsOption: Options = { type: 'number', describe: 'worker threads (default: available cores)' };
export const quietOption: Options = { type: 'boolean', default: false, describe: 'no progress bar or notes on stderr' };
export const outOption: Options = { type: 'string', describe: 'write to this file (atomically) instead of stdout' };
export const byOption: Options = { choices: ['month', 'hourOfDay'], describe: 'the table by month or by local hour of day (the measures the national standards judge, or those --metrics names)' };
export const metricsOption: Options = { type: 'string', array: true, describe: "measures to show: a name or glob such as 'queues.secondary.*', or all (repeatable)" };
export const allowLargeOption: Options = { type: 'boolean', default: false, describe: 'run work beyond the limits (events, memory, scenario file size) that validate reports' };
export const htmlOption: Options = { type: 'string', describe: 'also write an HTML report to this file' };

/** A value as the user would recognise it: JSON writes Infinity (from `1e400`) and NaN as null. */
const shownValue = (value: unknown): string => cutEcho(typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value)));

/** A whole number >= `min`, or undefined when not given. */

export function wholeNumber(value: unknown, option: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new UsageError(`--${option}: expected a whole number >= ${min}, found ${shownValue(value)}`);
  }
  return value;
}

/** The thread count: --threads, or the machine's available parallelism. */
export const threadsFrom = (value: unknown): number => wholeNumber(value, 'threads', 1) ?? availableParallelism();

/** A seed: a finite integer (negative seeds are allowed by the streams). */
export function seedFrom(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new UsageError(`--seed: expected a whole number, found ${shownValue(value)}`);
  return value;
}

/** A list option as strings (yargs gives a string or a list). */
export function listFrom(value: unknown): string[] {
  if (value === undefined) return [];
  const items = Array.isArray(value) ? value : [value];
  return items.map((v) => String(v));
}

/** Policy modules named by the global `--plugin FILE` option. */
export const pluginsFrom = (argv: object): string[] => listFrom((argv as { plugin?: unknown }).plugin);
/** Writes each applied change in plain words: into the table (stdout) or, for JSON and CSV, to stderr. */
export function changeLines(changes: readonly string[], prefix = ''): string {
  return changes.map((c) => `change${prefix}: ${c}\n`).join('');
}

/** The table with the change lines after its heading line, so the heading stays first. */
export function withChanges(table: string, changes: string): string {
  if (changes === '') return table;
  const nl = table.indexOf('\n');
  return nl < 0 ? `${table}\n${changes}` : `${table.slice(0, nl + 1)}${changes}${table.slice(nl + 1)}`;
}
