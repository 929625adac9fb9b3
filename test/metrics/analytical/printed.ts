import { expect } from 'vitest';

/**
 * The value agrees with a reference printed in VALIDATION.md to every printed digit: within half
 * a unit of the last printed decimal, and within 1e-5 relative whenever the printing is finer
 * than that (a six-decimal 0.013984 carries only 5 significant digits, so rounding alone can
 * put the exact value 1.9e-5 away from it).
 */
export function expectPrinted(actual: number, printed: string): void {
  const decimals = printed.split('.')[1]?.length ?? 0;
  const reference = Number(printed);
  const tolerance = Math.max(0.5 * 10 ** -decimals, 1e-5 * Math.abs(reference));
  expect(Math.abs(actual - reference), `${actual} against ${printed}`).toBeLessThanOrEqual(tolerance * (1 + 1e-9));
  expect(actual.toFixed(decimals), `${actual} rounds to ${printed}`).toBe(Number(printed).toFixed(decimals));
}
