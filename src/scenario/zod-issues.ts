import type { z } from 'zod';
import { describeValue } from './errors.js';
import type { PathSegments } from './paths.js';
import { parsePath, valueAt } from './paths.js';
import { closest, knownFields } from './suggest.js';

/** A problem before it is placed in a file: path segments, expected, found. */
export interface RawProblem {
  path: (string | number)[];
  expected: string;
  found: string;
}

function bound(issue: { minimum?: unknown; maximum?: unknown; inclusive?: boolean; exact?: boolean; origin?: string }, small: boolean): string {
  const limit = String(small ? issue.minimum : issue.maximum);
  if (issue.origin === 'array') return issue.exact ? `a list of exactly ${limit} values` : `a list of ${small ? 'at least' : 'at most'} ${limit} values`;
  if (issue.origin === 'string') return small ? 'a non-empty text' : `a text of at most ${limit} characters`;
  if (small) return limit === '0' && !issue.inclusive ? 'a positive number' : `a number ${issue.inclusive ? '>=' : '>'} ${limit}`;
  return `a number ${issue.inclusive ? '<=' : '<'} ${limit}`;
}

const TYPE_WORDS: Record<string, string> = {
  object: 'a map of fields', record: 'a map of names to entries (name: value)', map: 'a map of names to entries (name: value)', array: 'a list', tuple: 'a list',
  number: 'a number', string: 'a text', boolean: 'true or false', int: 'a whole number', null: 'nothing (null)', undefined: 'nothing',
};

/** Turn zod's issues into problems with paths, expectations and the values found; `schema` names the known fields. */
export function zodProblems(issues: readonly z.core.$ZodIssue[], input: unknown, schema?: z.ZodType): RawProblem[] {
  const out: RawProblem[] = [];
  for (const issue of issues) {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    const found = (at: PathSegments = path): string => describeValue(valueAt(input, at));
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          const known = schema ? knownFields(schema, path) : [];
          const guess = closest(key, known);
          const expected = guess !== undefined ? `a known field (did you mean ${guess}?)` : known.length ? `one of the fields ${known.join(', ')}` : 'a known field';
          out.push({ path: [...path, key], expected, found: `unknown field ${JSON.stringify(key)}` });
        }
        break;
      case 'invalid_type': {
        const value = valueAt(input, path);
        const expected = TYPE_WORDS[issue.expected] ?? issue.expected;
        out.push({ path, expected: value === undefined ? `${expected} (a required field)` : expected, found: found() });
        break;
      }
      case 'too_small':
        out.push({ path, expected: bound(issue, true), found: issue.origin === 'array' ? `${(valueAt(input, path) as unknown[]).length} values` : found() });
        break;
      case 'too_big':
        out.push({ path, expected: bound(issue, false), found: issue.origin === 'array' ? `${(valueAt(input, path) as unknown[]).length} values` : found() });
        break;
      case 'invalid_value':
        out.push({ path, expected: `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`, found: found() });
        break;
      case 'invalid_key':
        out.push({ path, expected: 'a known key', found: found() });
        break;
      case 'invalid_format':
      case 'invalid_union':
        out.push({ path, expected: issue.message, found: found() });
        break;
      case 'not_multiple_of':
        out.push({ path, expected: `a multiple of ${String(issue.divisor)}`, found: found() });
        break;
      case 'custom': {
        const params = (issue.params ?? {}) as { subPath?: string; expected?: string; found?: string };
        const sub = params.subPath ? (parsePath(params.subPath) ?? [params.subPath]) : [];
        const full = [...path, ...sub];
        out.push({ path: full, expected: params.expected ?? issue.message, found: params.found ?? found(full) });
        break;
      }
      default:
        out.push({ path, expected: issue.message, found: found() });
    }
  }
  return out;
}
