/**
 * The text of one `--set`: `path=value`, a relative change (`path+=2`, `-=`, `*=`), a demand change
 * over dates (`channels.999.demand=+10% from 2022-06-01 to 2022-08-31`) and policies written as a
 * call (`ageing(from=secondary,to=primary,afterSeconds=900)`). Parsing only: no scenario data.
 */
import { parseDocument } from 'yaml';

export type SetOperator = '=' | '+=' | '-=' | '*=';

export interface SetText {
  pathText: string;
  operator: SetOperator;
  valueText: string;
}

/** Splits `path<op>value` at the first `=` (with the operator character before it), or null. */
export function splitSet(text: string): SetText | null {
  const eq = text.indexOf('=');
  if (eq <= 0) return null;
  const before = text[eq - 1];
  const operator: SetOperator = before === '+' ? '+=' : before === '-' ? '-=' : before === '*' ? '*=' : '=';
  const pathText = text.slice(0, operator === '=' ? eq : eq - 1).trim();
  if (pathText === '') return null;
  return { pathText, operator, valueText: text.slice(eq + 1).trim() };
}

/** A YAML value, or the parser's first complaint. */
export function parseYamlValue(text: string): { value: unknown } | { error: string } {
  const doc = parseDocument(text);
  const trouble = [...doc.errors, ...doc.warnings][0];
  if (trouble !== undefined) return { error: trouble.message.split('\n')[0] };
  try {
    return { value: doc.toJS() };
  } catch (error) {
    return { error: (error as Error).message.split('\n')[0] };
  }
}

/** Splits on `separator` outside brackets, braces, parentheses and quotes, so `a=[1,2],b=3` gives two parts. */
export function splitTopLevel(text: string, separator = ','): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let current = '';
  for (const ch of text) {
    if (quote !== null) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if ('[{('.includes(ch)) depth++;
    else if (']})'.includes(ch)) depth--;
    else if (ch === separator && depth === 0) {
      parts.push(current.trim());
      current = '';
      continue;
    }
    current += ch;
  }
  parts.push(current.trim());
  return parts;
}

/** A call's arguments: the top-level parts, without the empty one after a trailing comma or of `f()`. */
const splitArguments = (text: string): string[] => {
  const parts = splitTopLevel(text);
  return parts[parts.length - 1] === '' ? parts.slice(0, -1) : parts;
};

/**
 * `name(k=v,k=v)` -> `{ name: { k: v, ... } }` (each v read as YAML; `[a,b]` for lists), or null when
 * the text is not written as a call. `name()` gives `{ name: {} }`.
 */
export function parseCall(text: string): { value: Record<string, Record<string, unknown>> } | { error: string } | null {
  const match = /^([A-Za-z][A-Za-z0-9_]*)\s*\((.*)\)$/s.exec(text);
  if (match === null) return null;
  const params: Record<string, unknown> = {};
  for (const arg of splitArguments(match[2])) {
    const eq = arg.indexOf('=');
    if (eq <= 0) return { error: `${match[1]}(...): expected name=value arguments, found ${JSON.stringify(arg)}` };
    const parsed = parseYamlValue(arg.slice(eq + 1));
    if ('error' in parsed) return { error: `${match[1]}(${arg.slice(0, eq)}=...): ${parsed.error}` };
    params[arg.slice(0, eq).trim()] = parsed.value;
  }
  return { value: { [match[1]]: params } };
}

export interface DemandChange {
  /** Percentage change (+10 for ten per cent more). */
  percent: number;
  /** Local dates, inclusive, 'YYYY-MM-DD'. */
  from: string;
  to: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whole-day local dates as [year, month 0-based, day], or null for a date that does not exist. */
export function dateParts(text: string): [number, number, number] | null {
  const m = DATE.exec(text);
  if (m === null) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  const check = new Date(Date.UTC(y, mo, d));
  return check.getUTCFullYear() === y && check.getUTCMonth() === mo && check.getUTCDate() === d ? [y, mo, d] : null;
}

/** `+10% from 2022-06-01 to 2022-08-31` (or `-5%`, `x1.1`), or null when the text is not one. */
export function parseDemandChange(text: string): DemandChange | null {
  const m = /^([+-]\d+(?:\.\d+)?)\s*%\s+from\s+(\S+)\s+to\s+(\S+)$/i.exec(text.trim());
  if (m === null) return null;
  return { percent: Number(m[1]), from: m[2], to: m[3] };
}
