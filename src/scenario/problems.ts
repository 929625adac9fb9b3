import { SpecError } from '../engine/spec-error.js';
import { describeValue } from './errors.js';
import { parsePath } from './paths.js';
import type { RawProblem } from './zod-issues.js';

/** Collects every problem of a scenario (never stops at the first). */
export class Problems {
  readonly list: RawProblem[] = [];

  add(path: (string | number)[], expected: string, found: unknown, raw = false): void {
    this.list.push({ path, expected, found: raw ? String(found) : describeValue(found) });
  }

  /** Run an engine validator; a SpecError becomes a problem under `path`. */
  engine(path: (string | number)[], check: () => void): void {
    try {
      check();
    } catch (error) {
      if (!(error instanceof SpecError)) throw error;
      const match = /^expected (.*?)(?:, found (.*))?$/s.exec(error.problem);
      const sub = error.path ? (parsePath(error.path) ?? [error.path]) : [];
      this.list.push({ path: [...path, ...sub], expected: match?.[1] ?? error.problem, found: match?.[2] ?? 'a value that cannot be used' });
    }
  }

  /** A name that must be one of `known`. */
  name(path: (string | number)[], name: string, known: readonly string[], what: string): void {
    if (!known.includes(name)) this.add(path, `${what} (one of ${known.map((k) => JSON.stringify(k)).join(', ') || 'none declared'})`, name);
  }

  /** Probabilities that must sum to 1 (within 1e-9). */
  sumsToOne(path: (string | number)[], total: number, what: string): void {
    if (Math.abs(total - 1) > 1e-9) this.add(path, `${what} to sum to 1`, `a sum of ${Number(total.toPrecision(12))}`, true);
  }
}
