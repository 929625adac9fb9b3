/**
 * Tagged assumptions: a scenario's top-level `assumptions:` list names the fitted or assumed
 * numbers a reader should distrust (`callsim sensitivity` varies each one). An entry tags one or
 * more numeric fields by their `--set` path; the fields of one entry move together (the shifts of
 * one roster), by +-`change` (a share, default 0.2) or to the ends of a stated `range`.
 */
import { z } from 'zod';
import { ScenarioError, type ScenarioProblem } from './errors.js';
import type { ScenarioFiles } from './files.js';
import { applySets } from './overrides.js';
import { formatPath, parsePath } from './paths.js';
import { loadChain } from './source.js';

export const assumptionSchema = z
  .strictObject({
    name: z.string().min(1).describe('What the numbers are (shown in the tornado table).'),
    kind: z.enum(['fitted', 'assumed']).describe('fitted: chosen to meet a target; assumed: no source.'),
    paths: z.array(z.string().min(1)).min(1).describe('Numeric fields, as --set paths; they move together.'),
    change: z.number().gt(0).lt(1).describe('Relative change each way. Default 0.2 (+-20%).').optional(),
    range: z.tuple([z.number(), z.number()]).describe('Low and high values instead of +-change (one path only).').optional(),
    whole: z.boolean().describe('Round the varied values to whole numbers (headcounts). Default false.').optional(),
    source: z.string().describe('Why these values and this range (free text).').optional(),
  })
  .refine((a) => a.range === undefined || (a.paths.length === 1 && a.range[0] <= a.range[1]), { message: 'range needs exactly one path and low <= high' })
  .refine((a) => a.range === undefined || a.change === undefined, { message: 'give change or range, not both' });

export const assumptionsSchema = z.array(assumptionSchema).describe('Fitted or assumed numbers that `callsim sensitivity` varies. Default: none.');

/** One side of an assumption's swing: the `--set` overrides that make it, and the values set. */
export interface AssumptionSide {
  sets: string[];
  values: number[];
}

/** A tagged assumption with its values in the (overridden) scenario and its low and high sides. */
export interface Assumption {
  name: string;
  kind: 'fitted' | 'assumed';
  paths: string[];
  base: number[];
  low: AssumptionSide;
  high: AssumptionSide;
  source?: string;
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let node = data;
  for (const seg of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[seg];
  }
  return node;
}

/** Floating-point noise out of a scaled value (0.8 x 5600 = 4480, not 4479.999...). */
const tidy = (x: number): number => Number(x.toPrecision(12));

/**
 * The `assumptions:` of a scenario file (after `extends` and `sets`), each with its low and high
 * overrides. Throws ScenarioError naming the file and the entry for a list that is malformed or
 * a path that does not hold a number.
 */
export function readAssumptions(files: ScenarioFiles, file: string, options: { sets?: readonly string[]; allowLarge?: boolean } = {}): Assumption[] {
  const { data } = loadChain(files, file, [], undefined, { allowLarge: options.allowLarge });
  applySets(data, options.sets ?? []);
  if (data.assumptions === undefined) return [];
  const parsed = assumptionsSchema.safeParse(data.assumptions);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ScenarioError([{ file, path: formatPath(['assumptions', ...(issue.path as (string | number)[])]), expected: issue.message, found: 'a malformed entry' }]);
  }
  const problems: ScenarioProblem[] = [];
  const out: Assumption[] = [];
  parsed.data.forEach((a, i) => {
    const base: number[] = [];
    a.paths.forEach((text, j) => {
      const path = parsePath(text);
      const value = path === null ? undefined : valueAt(data, path);
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        problems.push({ file, path: `assumptions[${i}].paths[${j}]`, expected: 'the path of a number in this scenario', found: `${JSON.stringify(text)} holding ${value === undefined ? 'nothing' : JSON.stringify(value)}` });
      } else base.push(value);
    });
    if (base.length !== a.paths.length) return;
    const change = a.change ?? 0.2;
    const side = (factor: number, fixed: number | undefined): AssumptionSide => {
      const values = base.map((b) => {
        const v = fixed ?? tidy(b * factor);
        return a.whole === true ? Math.round(v) : v;
      });
      return { values, sets: a.paths.map((p, j) => `${p}=${values[j]}`) };
    };
    out.push({ name: a.name, kind: a.kind, paths: a.paths, base, low: side(1 - change, a.range?.[0]), high: side(1 + change, a.range?.[1]), ...(a.source === undefined ? {} : { source: a.source }) });
  });
  if (problems.length > 0) throw new ScenarioError(problems);
  return out;
}
