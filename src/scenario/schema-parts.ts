import { z } from 'zod';
import { Calendar } from '../engine/calendar.js';
import { makeDistribution } from '../engine/distributions.js';
import type { RosterSpec } from '../engine/profile-types.js';
import { rosterPieces } from '../engine/roster.js';
import { SpecError } from '../engine/spec-error.js';
import { GRADES } from '../model/dispatch/types.js';

/**
 * Building blocks of the written scenario schema. Distributions and rosters are checked by the
 * engine's own validators (one source of truth for their rules); the JSON Schema shows their
 * shapes through metadata.
 */

/** Turn an engine SpecError into a zod issue whose params carry the sub-path and the problem. */
function specIssue(ctx: z.core.$RefinementCtx<unknown>, error: unknown): void {
  if (!(error instanceof SpecError)) throw error;
  const match = /^expected (.*?)(?:, found (.*))?$/s.exec(error.problem);
  ctx.addIssue({
    code: 'custom',
    message: error.problem,
    params: { subPath: error.path, expected: match?.[1] ?? error.problem, found: match?.[2] },
  });
}

const num = { type: 'number', minimum: 0 } as const;
const distributionJson = {
  anyOf: [
    { type: 'number', minimum: 0, description: 'fixed value' },
    { type: 'object', properties: { fixed: num }, required: ['fixed'], additionalProperties: false },
    { type: 'object', properties: { exponential: { type: 'object', properties: { mean: num }, required: ['mean'], additionalProperties: false } }, required: ['exponential'], additionalProperties: false },
    { type: 'object', properties: { lognormal: { type: 'object', properties: { mean: num, cv: num }, required: ['mean', 'cv'], additionalProperties: false } }, required: ['lognormal'], additionalProperties: false },
    { type: 'object', properties: { gamma: { type: 'object', properties: { mean: num, cv: num }, required: ['mean', 'cv'], additionalProperties: false } }, required: ['gamma'], additionalProperties: false },
    { type: 'object', properties: { weibull: { type: 'object', properties: { shape: num, scale: num }, required: ['shape', 'scale'], additionalProperties: false } }, required: ['weibull'], additionalProperties: false },
    { type: 'object', properties: { uniform: { type: 'array', items: num, minItems: 2, maxItems: 2 } }, required: ['uniform'], additionalProperties: false },
    { type: 'object', properties: { triangular: { type: 'array', items: num, minItems: 3, maxItems: 3 } }, required: ['triangular'], additionalProperties: false },
    { type: 'object', properties: { empirical: { type: 'array', items: num, minItems: 1 } }, required: ['empirical'], additionalProperties: false },
    { type: 'object', properties: { mixture: { type: 'array', minItems: 1, items: { type: 'object', required: ['weight'], properties: { weight: num } } } }, required: ['mixture'], additionalProperties: false },
  ],
};

/** A distribution (DESIGN.md section 5); `unit` names what it measures. */
export function distribution(description: string): z.ZodType<unknown> {
  return z
    .unknown()
    .superRefine((value, ctx) => {
      if (value === undefined) {
        ctx.addIssue({ code: 'custom', message: 'missing', params: { expected: 'a distribution such as { exponential: { mean: 60 } }', found: 'nothing' } });
        return;
      }
      try {
        makeDistribution(value, '');
      } catch (error) {
        specIssue(ctx, error);
      }
    })
    .meta({ description: `${description} A distribution: a number (fixed), { fixed }, { exponential: { mean } }, { lognormal: { mean, cv } }, { gamma: { mean, cv } }, { weibull: { shape, scale } }, { uniform: [a, b] }, { triangular: [a, mode, b] }, { empirical: [values] } or { mixture: [{ weight, ...distribution }] }.`, ...distributionJson });
}

const headcountJson = { type: 'integer', minimum: 0 } as const;
const rosterJson = {
  anyOf: [
    { ...headcountJson, description: 'constant headcount' },
    { type: 'object', properties: { constant: headcountJson }, required: ['constant'], additionalProperties: false },
    { type: 'object', properties: { hourOfDay: { type: 'array', items: headcountJson, minItems: 24, maxItems: 24 } }, required: ['hourOfDay'], additionalProperties: false },
    { type: 'object', properties: { hourOfWeek: { type: 'array', items: headcountJson, minItems: 168, maxItems: 168 } }, required: ['hourOfWeek'], additionalProperties: false },
    {
      type: 'object',
      required: ['shifts'],
      additionalProperties: false,
      properties: {
        shifts: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            required: ['start', 'hours', 'staff'],
            additionalProperties: false,
            properties: {
              name: { type: 'string', description: 'A name for --set (late, night); shifts of one roster may share a name (a weekend extra).' },
              start: { type: 'string', pattern: '^\\d{1,2}:\\d{2}$', description: 'Local clock time (the scenario timeZone) the shift starts, "HH:MM".' },
              hours: { type: 'number', exclusiveMinimum: 0, maximum: 24, description: 'Shift length in hours; may run past midnight.' },
              days: { type: 'array', items: { enum: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] }, description: 'Days the shift starts on; default every day.' },
              staff: { ...headcountJson, description: 'Headcount on the shift.' },
            },
          },
        },
      },
    },
    {
      type: 'object',
      required: ['periods'],
      additionalProperties: false,
      properties: {
        periods: {
          type: 'array',
          description: 'Rosters that change by date: each applies from its from instant until the next period.',
          minItems: 1,
          items: {
            type: 'object',
            required: ['roster'],
            additionalProperties: false,
            properties: {
              from: { type: 'string', description: 'ISO-8601 instant this roster starts (the first period may omit it: from the start).' },
              roster: { description: 'The roster of this period (a headcount, constant, hourOfDay, hourOfWeek or shifts).' },
            },
          },
        },
      },
    },
  ],
};

const ROSTER_KEYS = ['constant', 'hourOfDay', 'hourOfWeek', 'shifts', 'periods'];
const SHIFT_KEYS = ['name', 'start', 'hours', 'days', 'staff'];
const checkCalendar = new Calendar(Date.UTC(2022, 0, 3));

/** A headcount over time (checked for form here; against the real calendar in the semantic checks). */
export function roster(description: string): z.ZodType<RosterSpec | number> {
  return z
    .unknown()
    .superRefine((value, ctx) => {
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        const keys = Object.keys(value);
        if (keys.length !== 1 || !ROSTER_KEYS.includes(keys[0])) {
          ctx.addIssue({ code: 'custom', message: 'roster', params: { expected: `exactly one of ${ROSTER_KEYS.join(', ')}`, found: keys.length ? keys.join(', ') : 'none' } });
          return;
        }
        const shifts = (value as { shifts?: unknown }).shifts;
        if (Array.isArray(shifts)) {
          let malformed = false;
          shifts.forEach((s, i) => {
            if (s === null || typeof s !== 'object' || Array.isArray(s)) {
              // checked here: the engine's shift reader assumes each shift is a map
              ctx.addIssue({ code: 'custom', message: 'shift', params: { subPath: `shifts[${i}]`, expected: 'a shift { name?, start: "HH:MM", hours, days?, staff }', found: JSON.stringify(s) ?? String(s) } });
              malformed = true;
              return;
            }
            for (const k of Object.keys(s)) {
              if (!SHIFT_KEYS.includes(k)) ctx.addIssue({ code: 'custom', message: 'shift', params: { subPath: `shifts[${i}].${k}`, expected: `a shift field (${SHIFT_KEYS.join(', ')})`, found: JSON.stringify(k) } });
            }
          });
          if (malformed) return;
        }
      }
      // Dated periods are checked against the scenario's own start (resolve.ts), not this calendar.
      if (value !== null && typeof value === 'object' && 'periods' in value) return;
      try {
        rosterPieces(value as RosterSpec, checkCalendar, 7 * 86_400, '');
      } catch (error) {
        specIssue(ctx, error);
      }
    })
    .meta({ description: `${description} A roster: a headcount, { constant }, { hourOfDay: [24 headcounts] }, { hourOfWeek: [168 headcounts, Monday 00:00 first] } or { shifts: [{ name?, start: "HH:MM", hours, days?, staff }] } (local clock of the scenario's timeZone); or { periods: [{ from?, roster }] } for rosters that change by date (each roster from its ISO-8601 instant to the next period's).`, ...rosterJson }) as z.ZodType<RosterSpec | number>;
}

/** A probability in [0, 1]. */
export const probability = (description: string) => z.number().min(0).max(1).describe(`${description} A probability in [0, 1].`);
export const nonNegative = (description: string) => z.number().min(0).describe(description);
export const positive = (description: string) => z.number().positive().describe(description);

/** An ISO-8601 instant with a zone, such as 2022-01-01T00:00:00Z. */
export const instant = (description: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/, { error: 'an ISO-8601 instant with a zone, such as 2022-01-01T00:00:00Z' })
    .refine((s) => Number.isFinite(Date.parse(s)), { error: 'a real calendar instant' })
    .describe(`${description} ISO-8601 instant with a zone (UTC: 2022-01-01T00:00:00Z).`);

/** A span of time written as days, hours, minutes and seconds (summed). */
export const duration = (description: string) =>
  z
    .strictObject({
      days: nonNegative('Days.').optional(),
      hours: nonNegative('Hours.').optional(),
      minutes: nonNegative('Minutes.').optional(),
      seconds: nonNegative('Seconds.').optional(),
    })
    .describe(`${description} { days?, hours?, minutes?, seconds? }, summed; each defaults to 0.`);

export const grade = z.enum(GRADES as [string, ...string[]]);

/** A needed-grade mix: probabilities by grade summing to 1. */
export const needMix = z
  .strictObject(Object.fromEntries(GRADES.map((g) => [g, probability(`Share of ${g}.`).optional()])))
  .describe('Probabilities of each needed grade (immediate, priority, scheduled, resolvedWithoutDeployment, none), summing to 1; absent grades 0.');
