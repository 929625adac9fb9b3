import { describe, expect, it } from 'vitest';
import { batchMeansInterval, ratioBatches } from '../../src/metrics/batch-means.js';
import { studentTQuantile } from '../../src/metrics/student-t.js';

describe('batch means', () => {
  it('mean, Student-t half-width on b − 1 degrees of freedom, relative half-width', () => {
    const values = [1, 2, 3, 4, 5];
    const i = batchMeansInterval(values, 0.95);
    expect(i.mean).toBe(3);
    // s = sqrt(2.5); half-width = t(0.975, 4) * s / sqrt(5)
    expect(i.halfWidth).toBeCloseTo(studentTQuantile(0.975, 4) * Math.sqrt(2.5 / 5), 12);
    expect(i.relativeHalfWidth).toBeCloseTo(i.halfWidth / 3, 12);
    expect(i.batches).toBe(5);
  });

  it('lag-1 autocorrelation: alternating batches are strongly negative, a trend strongly positive', () => {
    expect(batchMeansInterval([1, -1, 1, -1, 1, -1, 1, -1]).lag1).toBeLessThan(-0.8);
    expect(batchMeansInterval([1, 2, 3, 4, 5, 6, 7, 8]).lag1).toBeGreaterThan(0.5);
    expect(batchMeansInterval(Array.from({ length: 30 }, () => 1)).lag1).toBe(0);
    expect(batchMeansInterval(Array.from({ length: 30 }, (_, i) => i)).lag1Bound).toBeCloseTo(3.2905 / Math.sqrt(30), 3);
  });

  it('ratio batches cut items into equal counts and divide the sums', () => {
    expect(ratioBatches([1, 0, 1, 1, 0, 0], [1, 1, 1, 1, 1, 1], 3)).toEqual([0.5, 1, 0]);
    expect(ratioBatches([10, 0, 30, 0], [1, 0, 1, 0], 2)).toEqual([10, 30]);
  });

  it('refuses too few batches and non-finite values', () => {
    expect(() => batchMeansInterval([1, 2])).toThrow(/at least 3 batches/);
    expect(() => batchMeansInterval([1, 2, NaN])).toThrow(/finite/);
  });
});
