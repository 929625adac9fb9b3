/**
 * Targets as data: a force's planner writes the figures a scenario must reproduce (each with a
 * range) in a small YAML or JSON file; `callsim check` runs the scenario and judges each line.
 *
 * A line is **met** when the simulated mean across replications lies inside its range (ends
 * included). The 95% half-width is shown beside the mean so a reader can see how firmly; it does
 * not enter the verdict.
 */
import { seriesName } from '../metrics/metric-names.js';
import { fileProblemWords } from '../scenario/errors.js';
import { MAX_SCENARIO_BYTES } from '../scenario/source.js';
import { readTextBounded } from './bounded-read.js';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { Results } from '../metrics/results.js';

/** A closed range; `null` at either end leaves that side open. Ratios are written as ratios (0.894). */
const rangeSchema = z
  .tuple([z.number().nullable(), z.number().nullable()])
  .refine(([lo, hi]) => lo === null || hi === null || lo <= hi, { message: 'range must be [low, high] with low <= high' });

const commonFields = {
  label: z.string().min(1),
  /** The observed figure the line reproduces (shown, never judged). */
  observed: z.number().optional(),
  /** Where the figure comes from. */
  source: z.string().optional(),
  /** Required lines decide the exit code; informational lines are shown only. Default true when a range is given. */
  required: z.boolean().optional(),
};

const metricTargetSchema = z.strictObject({
  ...commonFields,
  metric: z.string().min(1),
  range: rangeSchema.optional(),
});

const seriesTargetSchema = z
  .strictObject({
    ...commonFields,
    series: z.string().min(1),
    by: z.enum(['hourOfDay', 'month', 'dayOfWeek', 'hourOfWeek', 'day']),
    /** Only these keys of the series (default: every key with data). */
    keys: z.array(z.string()).optional(),
    each: rangeSchema.optional(),
    lowest: rangeSchema.optional(),
    highest: rangeSchema.optional(),
  })
  .refine((t) => [t.each, t.lowest, t.highest].filter((r) => r !== undefined).length === 1, {
    message: 'a series target needs exactly one of each, lowest, highest',
  });

const targetSchema = z.union([metricTargetSchema, seriesTargetSchema]);

const targetsFileSchema = z.strictObject({
  name: z.string().optional(),
  description: z.string().optional(),
  targets: z.array(targetSchema).min(1),
});

export type MetricTarget = z.infer<typeof metricTargetSchema>;
export type SeriesTarget = z.infer<typeof seriesTargetSchema>;
export type Target = MetricTarget | SeriesTarget;
export interface TargetsFile {
  name?: string;
  description?: string;
  targets: Target[];
}

/** A targets file that cannot be used; the message names the file and the field. */
export class TargetsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TargetsError';
  }
}

function pathOf(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
}

/** Validates parsed targets data; `file` is used in messages only. */
export function parseTargets(data: unknown, file = '<targets>'): TargetsFile {
  const parsed = targetsFileSchema.safeParse(data);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const where = pathOf(issue.path) || '(top level)';
      if (issue.code === 'invalid_union' && Array.isArray(issue.path) && issue.path.length === 2) {
        return `${file}: ${where}: expected a metric line { label, metric, range? } or a series line { label, series, by, each | lowest | highest }`;
      }
      return `${file}: ${where}: ${issue.message}`;
    });
    throw new TargetsError(lines.join('\n'));
  }
  return parsed.data as TargetsFile;
}

/** Reads and validates a YAML or JSON targets file. */
export function loadTargets(file: string): TargetsFile {
  let text: string;
  try {
    // A targets file is a page of lines: the scenario file's limit is ample.
    text = readTextBounded(file, MAX_SCENARIO_BYTES);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const expected = code === 'EFBIG' ? `a targets file of at most ${MAX_SCENARIO_BYTES / 1024 / 1024} MB` : 'a readable targets file (YAML or JSON)';
    throw new TargetsError(`${file}: expected ${expected}, found ${fileProblemWords(code)}`);
  }
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    throw new TargetsError(`${file}: not valid YAML or JSON (${(error as Error).message.split('\n')[0]})`);
  }
  return parseTargets(data, file);
}

export type TargetStatus = 'met' | 'missed' | 'shown' | 'noData';

/** One judged line of a targets file. */
export interface TargetOutcome {
  label: string;
  /** Metric or series name. */
  name: string;
  /** `metric`, or how a series is judged. */
  kind: 'metric' | 'each' | 'lowest' | 'highest';
  required: boolean;
  range: [number | null, number | null] | null;
  observed: number | null;
  /** Simulated mean across replications (for `each`, the key farthest from the range). */
  mean: number | null;
  ci95: number | null;
  /** Series key the mean belongs to (the lowest or highest month, or the worst month). */
  key: string | null;
  /** For `each`: the smallest and largest key means. */
  spread: [number, number] | null;
  unit: string;
  status: TargetStatus;
}

const inRange = (x: number, range: readonly [number | null, number | null]): boolean =>
  (range[0] === null || x >= range[0]) && (range[1] === null || x <= range[1]);

/** How far outside a range (0 inside). */
const distanceOut = (x: number, range: readonly [number | null, number | null]): number =>
  Math.max(range[0] === null ? 0 : range[0] - x, range[1] === null ? 0 : x - range[1], 0);

/** Distance outside the range when outside; minus the margin to the nearer end when inside (larger is worse). */
const edgeScore = (x: number, range: readonly [number | null, number | null]): number => {
  const out = distanceOut(x, range);
  if (out > 0) return out;
  return -Math.min(range[0] === null ? Infinity : x - range[0], range[1] === null ? Infinity : range[1] - x);
};

function judge(range: [number | null, number | null] | null, mean: number | null): TargetStatus {
  if (range === null) return 'shown';
  if (mean === null || !Number.isFinite(mean)) return 'noData';
  return inRange(mean, range) ? 'met' : 'missed';
}

function evaluateMetric(target: MetricTarget, results: Results): TargetOutcome {
  const summary = results.metrics[target.metric];
  const range = target.range ?? null;
  const required = range !== null && target.required !== false;
  const mean = summary?.mean ?? null;
  return {
    label: target.label, name: target.metric, kind: 'metric', required, range,
    observed: target.observed ?? null, mean, ci95: summary?.ci95 ?? null, key: null, spread: null,
    unit: summary?.unit ?? '', status: judge(range, mean),
  };
}

/**
 * A series by name and grouping: the results carry it either under its own name (with `by`) or,
 * as the metrics collector writes them, under `NAME.byMonth`, `NAME.byHourOfDay`, ...
 */
function findSeries(results: Results, name: string, by: SeriesTarget['by']): Results['series'][string] | undefined {
  const suffixed = results.series[seriesName(name, by)];
  if (suffixed && suffixed.by === by) return suffixed;
  const plain = results.series[name];
  return plain && plain.by === by ? plain : undefined;
}

function evaluateSeries(target: SeriesTarget, results: Results): TargetOutcome {
  const kind = target.each ? 'each' : target.lowest ? 'lowest' : 'highest';
  const range = (target.each ?? target.lowest ?? target.highest) as [number | null, number | null];
  const required = target.required !== false;
  const base: Omit<TargetOutcome, 'mean' | 'ci95' | 'key' | 'spread' | 'status'> = {
    label: target.label, name: target.series, kind, required, range, observed: target.observed ?? null, unit: 'ratio',
  };
  const series = findSeries(results, target.series, target.by);
  if (!series) {
    return { ...base, mean: null, ci95: null, key: null, spread: null, status: 'noData' };
  }
  const unit = results.metrics[target.series]?.unit;
  if (unit) base.unit = unit;
  const points: { key: string; mean: number; ci95: number | null }[] = [];
  series.keys.forEach((key, i) => {
    const mean = series.mean[i];
    if (target.keys && !target.keys.includes(key)) return;
    if (mean === null || !Number.isFinite(mean)) return;
    points.push({ key, mean, ci95: series.ci95[i] ?? null });
  });
  if (points.length === 0) return { ...base, mean: null, ci95: null, key: null, spread: null, status: 'noData' };
  const means = points.map((p) => p.mean);
  const spread: [number, number] = [Math.min(...means), Math.max(...means)];
  let chosen = points[0];
  if (kind === 'lowest') chosen = points.reduce((a, b) => (b.mean < a.mean ? b : a));
  else if (kind === 'highest') chosen = points.reduce((a, b) => (b.mean > a.mean ? b : a));
  // For `each`, show the key farthest outside the range (or nearest an edge when all are inside).
  else chosen = points.reduce((a, b) => (edgeScore(b.mean, range) > edgeScore(a.mean, range) ? b : a));
  const status: TargetStatus = kind === 'each' ? (means.every((m) => inRange(m, range)) ? 'met' : 'missed') : judge(range, chosen.mean);
  return { ...base, mean: chosen.mean, ci95: chosen.ci95, key: chosen.key, spread, status };
}

/** Judges every target against a run's results, in the file's order. */
export function evaluateTargets(targets: TargetsFile, results: Results): TargetOutcome[] {
  return targets.targets.map((t) => ('metric' in t ? evaluateMetric(t, results) : evaluateSeries(t, results)));
}

/** True when every required line is met (a required line with no data counts as missed). */
export function allRequiredMet(outcomes: readonly TargetOutcome[]): boolean {
  return outcomes.every((o) => !o.required || o.status === 'met');
}
