/**
 * Reads a results JSON file (`callsim run --format json` or `callsim compare --format json`) and
 * tells a `Results` from a `ComparisonResults`. Bad input gets one clear message naming the file
 * and the field, never a stack trace.
 */
import { readTextBounded } from '../../experiment/bounded-read.js';
import { fileProblemWords } from '../../scenario/errors.js';
import { MAX_TEXT_BYTES } from '../../scenario/files.js';
import { z } from 'zod';
import type { ComparisonResults, Results } from '../../metrics/results.js';

const num = z.number().nullable();
const metricSchema = z.object({ mean: num, ci95: num, min: num, max: num, unit: z.string(), values: z.array(num) });
const seriesSchema = z.object({
  by: z.enum(['hourOfDay', 'month', 'dayOfWeek', 'hourOfWeek', 'day']),
  keys: z.array(z.string()),
  mean: z.array(num),
  ci95: z.array(num),
});
const shiftSchema = z.object({
  from: z.string().nullable(),
  name: z.string().nullable(),
  start: z.string(),
  hours: z.number(),
  days: z.array(z.string()).nullable(),
  staff: z.number(),
});
const setupSchema = z.object({
  start: z.string(),
  end: z.string(),
  timeZone: z.string(),
  horizonDays: z.number(),
  warmupHours: z.number(),
  changes: z.array(z.string()),
  rosters: z.array(z.object({ pool: z.string(), serves: z.array(z.string()), shifts: z.array(shiftSchema), note: z.string().nullable() })),
  uses: z.object({
    switchboard: z.boolean(),
    dispatch: z.boolean(),
    grading: z.boolean(),
    victimUpdates: z.boolean(),
    upgrades: z.boolean(),
    ivrChannels: z.array(z.string()),
    callbackQueues: z.array(z.string()),
    redialQueues: z.array(z.string()),
    patienceQueues: z.array(z.string()),
    trace: z.boolean(),
  }),
});
const differenceSchema = z.object({ mean: num, ci95: num, significant: z.boolean() });
const resultsSchema = z.object({
  callsim: z.string(),
  scenario: z.object({ name: z.string(), file: z.string().nullable(), sha256: z.string().nullable() }),
  seed: z.number(),
  replications: z.number().int().nonnegative(),
  metrics: z.record(z.string(), metricSchema),
  series: z.record(z.string(), seriesSchema),
  setup: setupSchema.optional(),
});
const comparisonSchema = z.object({
  callsim: z.string(),
  seed: z.number(),
  replications: z.number().int().nonnegative(),
  scenarios: z.array(resultsSchema).min(1),
  differences: z.record(z.string(), z.array(differenceSchema)),
  seriesDifferences: z.record(z.string(), z.object({ keys: z.array(z.string()), differences: z.array(z.array(differenceSchema)) })).optional(),
});

export type ResultsFile = { kind: 'run'; results: Results } | { kind: 'comparison'; comparison: ComparisonResults };

/** Thrown for a results file that cannot be read; the message names the file and the field. */
export class ResultsFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ResultsFileError';
  }
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Looks like a comparison (it has `scenarios`), whether or not it is valid. */
export function isComparisonResults(data: unknown): boolean {
  return isObject(data) && Array.isArray(data.scenarios);
}

/** Looks like one run's results (it has `metrics` and `scenario`). */
export function isResults(data: unknown): boolean {
  return isObject(data) && isObject(data.metrics) && isObject(data.scenario);
}

function where(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') || '(top level)';
}

/** Validates parsed JSON as Results or ComparisonResults. `file` is used in messages only. */
export function parseResults(data: unknown, file = '<results>'): ResultsFile {
  if (isComparisonResults(data)) {
    const parsed = comparisonSchema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ResultsFileError(`${file}: not valid comparison results: ${where(issue.path)}: ${issue.message}`);
    }
    return { kind: 'comparison', comparison: parsed.data as ComparisonResults };
  }
  if (isResults(data)) {
    const parsed = resultsSchema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ResultsFileError(`${file}: not valid run results: ${where(issue.path)}: ${issue.message}`);
    }
    return { kind: 'run', results: parsed.data as Results };
  }
  throw new ResultsFileError(
    `${file}: expected the JSON of \`callsim run --format json\` (with "scenario" and "metrics") or of \`callsim compare --format json\` (with "scenarios")`,
  );
}

/** Reads and validates a results JSON file. */
export function readResultsFile(file: string): ResultsFile {
  let text: string;
  try {
    text = readTextBounded(file, MAX_TEXT_BYTES);
  } catch (error) {
    throw new ResultsFileError(`${file}: cannot read the results file (${fileProblemWords((error as NodeJS.ErrnoException).code)})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ResultsFileError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  return parseResults(data, file);
}
