/**
 * Text forms of overrides used by `compare --variant` and `sweep --vary`. A `--set` override is
 * `path=value` (the scenario layer parses the value); these helpers only split lists of them.
 */

import { splitTopLevel } from '../scenario/set-syntax.js';

export { splitTopLevel };

/** Bad text in an override option; the message names the option and what was expected. */
export class OverrideSyntaxError extends Error {
  /** Bad input (exit 2): the command line tells it by this mark, not by class identity (cli/errors.ts). */
  readonly badInput = true;
  constructor(message: string) {
    super(message);
    this.name = 'OverrideSyntaxError';
  }
}

/** A label before the first colon: text without dots, quotes, brackets or `=` (so not part of a path). */
const LABEL = /^([^:=.'"[\]{}()]+):/;

/**
 * `[LABEL:]k=v,k+=n` -> its label (the text itself when none is given) and the overrides, each
 * checked to have a path and a value.
 */
export function parseVariant(text: string): { label: string; sets: string[] } {
  const labelled = LABEL.exec(text);
  const body = labelled === null ? text : text.slice(labelled[0].length);
  const parts = splitTopLevel(body).filter((p) => p !== '');
  if (parts.length === 0) throw new OverrideSyntaxError(`--variant: expected 'LABEL:path=value[,path=value...]' (the label is optional), found ${JSON.stringify(text)}`);
  for (const p of parts) {
    const eq = p.indexOf('=');
    if (eq <= 0) throw new OverrideSyntaxError(`--variant: expected path=value, found ${JSON.stringify(p)} in ${JSON.stringify(text)}`);
  }
  return { label: labelled === null ? text : labelled[1].trim(), sets: parts };
}

/** One `--vary path=v1,v2,...` axis of a sweep. */
export interface SweepAxis {
  path: string;
  values: string[];
}

/** `path=v1,v2,...` -> an axis; values are kept as written (the scenario layer parses them). */
export function parseVary(text: string): SweepAxis {
  const eq = text.indexOf('=');
  const path = eq > 0 ? text.slice(0, eq).trim() : '';
  const values = eq > 0 ? splitTopLevel(text.slice(eq + 1)).filter((v) => v !== '') : [];
  if (path === '' || values.length === 0) throw new OverrideSyntaxError(`--vary: expected 'path=v1,v2,...', found ${JSON.stringify(text)}`);
  if (new Set(values).size !== values.length) throw new OverrideSyntaxError(`--vary ${path}: values repeat in ${JSON.stringify(text)}`);
  return { path, values };
}

/** `metric=halfwidth` -> a precision target. */
export function parsePrecision(text: string): { metric: string; halfWidth: number } {
  const eq = text.lastIndexOf('=');
  const metric = eq > 0 ? text.slice(0, eq).trim() : '';
  const halfWidth = eq > 0 ? Number(text.slice(eq + 1)) : NaN;
  if (metric === '' || !(halfWidth > 0) || !Number.isFinite(halfWidth)) {
    throw new OverrideSyntaxError(`--precision: expected metric=halfwidth with a half-width > 0 (e.g. queues.999.serviceLevel=0.01), found ${JSON.stringify(text)}`);
  }
  return { metric, halfWidth };
}
