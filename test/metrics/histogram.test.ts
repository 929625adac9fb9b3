import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketHigh, bucketLow, bucketOf, FineHistogram } from '../../src/metrics/histogram.js';

/** Nearest-rank quantile of a sorted list: the value of rank ceil(p·n), 1-based. */
const exactQuantile = (sorted: number[], p: number): number => sorted[Math.max(1, Math.ceil(p * sorted.length)) - 1];

// Durations from 0 to a year in seconds, spread over orders of magnitude, with exact zeros
// (a caller answered at once) as common as they are in practice.
const duration = fc.oneof(
  fc.constant(0),
  fc.double({ min: 1e-6, max: 3.2e7, noNaN: true }),
  fc.double({ min: 0, max: 60, noNaN: true }),
  fc.integer({ min: 0, max: 600 }),
);

describe('FineHistogram', () => {
  it('quantiles are within 1% relative error (plus 1e-6 absolute) of the exact sorted quantiles', () => {
    fc.assert(
      fc.property(fc.array(duration, { minLength: 1, maxLength: 400 }), fc.double({ min: 0, max: 1, noNaN: true }), (values, p) => {
        const h = new FineHistogram();
        for (const v of values) h.add(v);
        const sorted = [...values].sort((a, b) => a - b);
        for (const q of [p, 0, 0.5, 0.9, 0.99, 1]) {
          const exact = exactQuantile(sorted, q);
          expect(Math.abs(h.quantile(q) - exact)).toBeLessThanOrEqual(0.01 * exact + 1e-6);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the relative error bound is 1/256 of the value: every value sits within half a bucket of its bucket midpoint', () => {
    fc.assert(
      fc.property(fc.double({ min: 2 ** -20, max: 2 ** 39, noNaN: true }), (x) => {
        const b = bucketOf(x);
        expect(bucketLow(b)).toBeLessThanOrEqual(x);
        expect(bucketHigh(b)).toBeGreaterThan(x);
        const mid = (bucketLow(b) + bucketHigh(b)) / 2;
        expect(Math.abs(mid - x) / x).toBeLessThanOrEqual(1 / 256);
      }),
    );
  });

  it('count, sum, exact mean, min and max', () => {
    const h = new FineHistogram();
    for (const v of [3, 0, 10.5, 7]) h.add(v);
    expect(h.count).toBe(4);
    expect(h.sum).toBe(20.5);
    expect(h.mean).toBe(5.125);
    expect(h.min).toBe(0);
    expect(h.max).toBe(10.5);
    expect(h.quantile(0)).toBe(0);
    expect(h.quantile(1)).toBe(10.5);
  });

  it('ignores negative, NaN and infinite values and reports NaN when empty', () => {
    const h = new FineHistogram();
    h.add(-1);
    h.add(NaN);
    h.add(Infinity);
    expect(h.count).toBe(0);
    expect(h.mean).toBeNaN();
    expect(h.quantile(0.5)).toBeNaN();
    expect(h.fractionAtOrBelow(1)).toBeNaN();
  });

  it('zero and tiny values go to bucket 0 and are reported as 0', () => {
    const h = new FineHistogram();
    for (let i = 0; i < 9; i++) h.add(0);
    h.add(5);
    expect(bucketOf(0)).toBe(0);
    expect(bucketOf(1e-7)).toBe(0);
    expect(h.quantile(0.9)).toBe(0);
    expect(h.quantile(0.91)).toBe(5);
  });

  it('values beyond the last bucket are kept in the count and reported as the maximum', () => {
    const h = new FineHistogram();
    h.add(1);
    h.add(1e13);
    expect(h.quantile(0.75)).toBe(1e13);
    expect(h.quantile(0.5)).toBeCloseTo(1, 2);
  });

  it('merging two histograms equals adding every value to one (counts, sum, quantiles)', () => {
    fc.assert(
      fc.property(fc.array(duration, { maxLength: 100 }), fc.array(duration, { maxLength: 100 }), (xs, ys) => {
        const a = new FineHistogram();
        const b = new FineHistogram();
        const all = new FineHistogram();
        xs.forEach((x) => (a.add(x), all.add(x)));
        ys.forEach((y) => (b.add(y), all.add(y)));
        a.merge(b);
        expect(a.count).toBe(all.count);
        expect(a.sum).toBeCloseTo(all.sum, 6);
        expect(Array.from(a.counts)).toEqual(Array.from(all.counts));
        for (const p of [0.1, 0.5, 0.9]) expect(a.quantile(p)).toBe(all.quantile(p));
      }),
      { numRuns: 100 },
    );
  });

  it('fraction at or below x differs from the exact share by at most the share in x\'s bucket', () => {
    fc.assert(
      fc.property(fc.array(duration, { minLength: 1, maxLength: 200 }), duration, (values, x) => {
        const h = new FineHistogram();
        for (const v of values) h.add(v);
        const exact = values.filter((v) => v <= x).length / values.length;
        const slack = h.counts[bucketOf(x)] / h.count;
        expect(Math.abs(h.fractionAtOrBelow(x) - exact)).toBeLessThanOrEqual(slack + 1e-12);
      }),
      { numRuns: 200 },
    );
  });

  it('fraction at or below x: exact outside [min, max] and between buckets, interpolated inside one', () => {
    const h = new FineHistogram();
    for (const v of [1, 2, 4, 8, 10, 10, 12, 30]) h.add(v);
    expect(h.fractionAtOrBelow(0.5)).toBe(0);
    expect(h.fractionAtOrBelow(9.99)).toBe(4 / 8);
    expect(h.fractionAtOrBelow(11)).toBe(6 / 8);
    expect(h.fractionAtOrBelow(20)).toBe(7 / 8);
    expect(h.fractionAtOrBelow(30)).toBe(1);
    // 10 is a bucket's lower edge: the two 10s in [10, 10.0625) (width 2^3/128) are spread across it.
    expect(h.fractionAtOrBelow(10)).toBe(4 / 8);
    expect(h.fractionAtOrBelow(10 + 8 / 128 / 2)).toBeCloseTo(5 / 8, 12);
  });
});
