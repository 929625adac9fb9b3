import { mean, sampleStandardDeviation } from 'simple-statistics';
import { studentTQuantile } from '../../src/metrics/student-t.js';

/**
 * The 99.9% Student-t interval of the mean of independent replications. Validation tests assert
 * that the analytical value lies inside it: with fixed seeds the outcome never changes, and a
 * correct model fails a single check with probability 0.001 at the seed's choice.
 */
export function interval999(values: readonly (number | null)[]): { mean: number; halfWidth: number } {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const m = mean(xs);
  const halfWidth = (studentTQuantile(0.9995, xs.length - 1) * sampleStandardDeviation(xs)) / Math.sqrt(xs.length);
  return { mean: m, halfWidth };
}

/** Assert-friendly: the distance from the interval's centre in half-widths (inside when <= 1). */
export function halfWidthsAway(values: readonly (number | null)[], expected: number): number {
  const { mean: m, halfWidth } = interval999(values);
  return Math.abs(m - expected) / halfWidth;
}
