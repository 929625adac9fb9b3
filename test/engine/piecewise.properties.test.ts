import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/engine/calendar.js';
import { PiecewiseConstant } from '../../src/engine/piecewise.js';

/** A random function on [0, horizon]: increasing integer breaks and small integer values (ties are common). */
const pieceArb = fc
  .record({
    widths: fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 30 }),
    values: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 30, maxLength: 30 }),
  })
  .map(({ widths, values }) => {
    const breaks = [0];
    for (const w of widths) breaks.push(breaks[breaks.length - 1] + w);
    return PiecewiseConstant.from(breaks, values.slice(0, widths.length));
  });

/** A window given as two points in [-20, horizon + 20] (may be empty or reach outside). */
const windowArb = fc.tuple(fc.integer({ min: -20, max: 1_600 }), fc.integer({ min: -20, max: 1_600 }));

/** Sample points: every integer and half-integer in [0, horizon). */
function probes(horizon: number): number[] {
  const out: number[] = [];
  for (let t = 0; t < horizon; t += 0.5) out.push(t);
  return out;
}

function wellFormed(p: PiecewiseConstant): void {
  expect(p.breaks[0]).toBe(0);
  expect(p.breaks.length).toBe(p.values.length + 1);
  for (let i = 0; i + 1 < p.breaks.length; i++) expect(p.breaks[i + 1]).toBeGreaterThan(p.breaks[i]);
  // Merged: neighbouring pieces differ, so every interior break is a change instant.
  for (let i = 0; i + 1 < p.values.length; i++) expect(p.values[i + 1]).not.toBe(p.values[i]);
  expect(p.changeTimes()).toEqual(Array.from(p.breaks.subarray(1, -1)));
}

describe('PiecewiseConstant (properties against pointwise references)', () => {
  it('scaleWindow equals the pointwise product on [from, to) and keeps the horizon, merged and increasing', () => {
    fc.assert(
      fc.property(pieceArb, windowArb, fc.constantFrom(0, 0.5, 2, 3), (p, [a, b], factor) => {
        const q = p.scaleWindow(a, b, factor);
        wellFormed(q);
        expect(q.horizon).toBe(p.horizon);
        for (const t of probes(p.horizon)) expect(q.valueAt(t)).toBe(t >= a && t < b ? p.valueAt(t) * factor : p.valueAt(t));
      }),
    );
  });

  it('addWindow equals the pointwise sum on [from, to), and its integral grows by amount x overlap', () => {
    fc.assert(
      fc.property(pieceArb, windowArb, fc.integer({ min: -2, max: 3 }), (p, [a, b], amount) => {
        const q = p.addWindow(a, b, amount);
        wellFormed(q);
        for (const t of probes(p.horizon)) expect(q.valueAt(t)).toBe(t >= a && t < b ? p.valueAt(t) + amount : p.valueAt(t));
        const overlap = Math.max(0, Math.min(b, p.horizon) - Math.max(a, 0));
        expect(q.integral(0, p.horizon)).toBeCloseTo(p.integral(0, p.horizon) + amount * overlap, 9);
      }),
    );
  });

  it('integral is additive over a split point and equals a midpoint sum for integer breaks', () => {
    fc.assert(
      fc.property(pieceArb, fc.double({ min: 0, max: 1, noNaN: true }), (p, share) => {
        const mid = share * p.horizon;
        expect(p.integral(0, mid) + p.integral(mid, p.horizon)).toBeCloseTo(p.integral(0, p.horizon), 9);
        let sum = 0;
        for (let t = 0.5; t < p.horizon; t += 1) sum += p.valueAt(t);
        expect(p.integral(0, p.horizon)).toBeCloseTo(sum, 9);
        expect(p.integral(-100, p.horizon + 100)).toBeCloseTo(sum, 9);
      }),
    );
  });

  it('scaleByDay multiplies each UTC day by its factor, splitting pieces at midnight', () => {
    // Start at 2022-03-01 18:00 UTC: the first midnight is 6 h into the run.
    const calendar = new Calendar(Date.UTC(2022, 2, 1, 18));
    const day = 86_400;
    const p = PiecewiseConstant.from([0, 3 * 3600, 10 * 3600, 3 * day], [1, 2, 4]);
    const q = p.scaleByDay(calendar, (index) => index + 1);
    // Day 0 is the start's day (factor 1) until 6 h; day 1 (factor 2) to 30 h; day 2 (factor 3)...
    expect(q.valueAt(0)).toBe(1);
    expect(q.valueAt(5 * 3600)).toBe(2);
    expect(q.valueAt(6 * 3600)).toBe(4);
    expect(q.valueAt(10 * 3600)).toBe(8);
    expect(q.valueAt(30 * 3600)).toBe(12);
    expect(q.valueAt(54 * 3600)).toBe(16);
    expect(q.changeTimes()).toEqual([3 * 3600, 6 * 3600, 10 * 3600, 30 * 3600, 54 * 3600]);
  });
});

/** The split-map-merge of scaleWindow, addWindow and scaleByDay as first written (three passes), the reference for the one-pass rebuild. */
function splitMapMerge(p: PiecewiseConstant, cuts: readonly number[], valueOf: (start: number, value: number) => number): PiecewiseConstant {
  const inside = cuts.filter((c) => c > 0 && c < p.horizon).sort((x, y) => x - y);
  const breaks: number[] = [p.breaks[0]];
  const values: number[] = [];
  let k = 0;
  for (let i = 0; i < p.values.length; i++) {
    const end = p.breaks[i + 1];
    for (; k < inside.length && inside[k] < end; k++) {
      if (inside[k] > breaks[breaks.length - 1]) {
        values.push(p.values[i]);
        breaks.push(inside[k]);
      }
    }
    values.push(p.values[i]);
    breaks.push(end);
  }
  return PiecewiseConstant.from(breaks, values.map((v, i) => valueOf(breaks[i], v)));
}

const sameBits = (a: PiecewiseConstant, b: PiecewiseConstant): boolean =>
  a.breaks.length === b.breaks.length && a.values.length === b.values.length && a.breaks.every((x, i) => Object.is(x, b.breaks[i])) && a.values.every((x, i) => Object.is(x, b.values[i]));

describe('PiecewiseConstant window and day transforms (one pass, same bits as split, map and merge)', () => {
  // Built with the constructor, so neighbours may be equal and pieces empty (from() would have merged them).
  const rawArb = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.constantFrom(0, 1, 1, 2.5, 0.1, 7)), { minLength: 1, maxLength: 25 })
    .map((pieces) => {
      const breaks = [0];
      for (const [w] of pieces) breaks.push(breaks[breaks.length - 1] + w);
      if (breaks[breaks.length - 1] === 0) breaks[breaks.length - 1] = 1;
      return new PiecewiseConstant(Float64Array.from(breaks), Float64Array.from(pieces.map(([, v]) => v)));
    });

  it('scaleWindow and addWindow equal the three-pass reference bit for bit, merged or raw input, windows anywhere', () => {
    fc.assert(
      fc.property(rawArb, fc.integer({ min: -20, max: 1_100 }), fc.integer({ min: -20, max: 1_100 }), fc.constantFrom(0, 0.3, 1, 1.37, 3.8), (raw, a, b, factor) => {
        for (const p of [raw, PiecewiseConstant.from(Array.from(raw.breaks), Array.from(raw.values))]) {
          expect(sameBits(p.scaleWindow(a, b, factor), splitMapMerge(p, [a, b], (s, v) => (s >= a && s < b ? v * factor : v)))).toBe(true);
          expect(sameBits(p.addWindow(a, b, factor), splitMapMerge(p, [a, b], (s, v) => (s >= a && s < b ? v + factor : v)))).toBe(true);
        }
      }),
      { numRuns: 300, seed: 12 },
    );
  });

  it('scaleByDay equals the three-pass reference bit for bit across clock changes', () => {
    const calendar = new Calendar(Date.UTC(2022, 2, 20), 'Europe/London');
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.5, max: 1.5, noNaN: true }), { minLength: 40, maxLength: 40 }), fc.integer({ min: 1, max: 30 }), (factors, days) => {
        const horizon = days * 86_400;
        const hourly = PiecewiseConstant.from(
          Array.from({ length: Math.ceil(horizon / 3600) + 1 }, (_, i) => Math.min(horizon, i * 3600)),
          Array.from({ length: Math.ceil(horizon / 3600) }, (_, i) => 1 + (i % 5)),
        );
        const factorOfDay = (day: number): number => factors[day] ?? 1;
        const cuts: number[] = [];
        for (let day = 1, at = calendar.atLocal(1, 0); at < horizon; at = calendar.atLocal(++day, 0)) cuts.push(at);
        expect(sameBits(hourly.scaleByDay(calendar, factorOfDay), splitMapMerge(hourly, cuts, (s, v) => v * factorOfDay(calendar.dayIndex(s))))).toBe(true);
      }),
      { numRuns: 40, seed: 12 },
    );
  });
});
