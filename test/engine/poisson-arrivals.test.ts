import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/engine/calendar.js';
import { PiecewiseConstant } from '../../src/engine/piecewise.js';
import { PoissonArrivals } from '../../src/engine/poisson-arrivals.js';
import { StreamFactory } from '../../src/engine/random.js';
import { ratePieces } from '../../src/engine/rate-profile.js';
import { SpecError } from '../../src/engine/spec-error.js';

const WEEK = 7 * 86_400;

/** Chi-square upper quantile by Wilson-Hilferty: k (1 - 2/(9k) + z sqrt(2/(9k)))^3 (accurate to <0.5% for k >= 30). */
function chiSquareQuantile(df: number, z: number): number {
  const a = 2 / (9 * df);
  return df * (1 - a + z * Math.sqrt(a)) ** 3;
}

function arrivalsOf(rate: PiecewiseConstant, seed: number): number[] {
  const gen = new PoissonArrivals(rate, new StreamFactory(seed, 0).stream('arrivals'));
  const out: number[] = [];
  for (let t = gen.next(); t !== Infinity; t = gen.next()) out.push(t);
  return out;
}

// A week shape with a strong daily cycle, quiet nights and a busy Friday/Saturday evening.
const hourOfDay = [0.3, 0.2, 0.15, 0.1, 0.1, 0.15, 0.3, 0.6, 0.9, 1.1, 1.2, 1.3, 1.3, 1.3, 1.3, 1.3, 1.4, 1.5, 1.6, 1.6, 1.5, 1.3, 1.0, 0.6];
const dayOfWeek = [1, 0.95, 0.95, 1, 1.2, 1.25, 0.9];

describe('non-homogeneous Poisson arrivals', () => {
  it('counts per hour of week over 40 weeks match the integral of the rate (chi-square, 168 bins, alpha 0.001)', () => {
    // Start on Saturday 2022-01-01 at 00:30 so pieces are partial at the start and the week is offset.
    const calendar = new Calendar(Date.parse('2022-01-01T00:30:00Z'));
    const weeks = 40;
    const horizon = weeks * WEEK;
    const rate = ratePieces({ perHour: 30, hourOfDay, dayOfWeek }, calendar, horizon);
    const observed = new Float64Array(168);
    for (const t of arrivalsOf(rate, 1)) observed[calendar.hourOfWeek(t)]++;
    // Expected count in each hour-of-week bin: the integral of the rate over every instance of that hour.
    const expected = new Float64Array(168);
    for (let t = -1800; t < horizon; t += 3600) expected[calendar.hourOfWeek(Math.max(0, t))] += rate.integral(t, t + 3600);
    let chi2 = 0;
    for (let b = 0; b < 168; b++) chi2 += (observed[b] - expected[b]) ** 2 / expected[b];
    // Counts in disjoint bins are independent Poisson; with all expectations >= 100 the statistic
    // is chi-square with 168 degrees of freedom (no parameters fitted). z = 3.09: one-sided 0.001.
    expect(Math.min(...expected)).toBeGreaterThan(100);
    expect(chi2).toBeLessThan(chiSquareQuantile(168, 3.09));
    // The whole-run total against the mean rate: perHour is the mean over the week.
    const total = observed.reduce((a, b) => a + b, 0);
    expect(rate.integral(0, horizon)).toBeCloseTo(30 * weeks * 168, 6);
    expect(Math.abs(total - 30 * weeks * 168)).toBeLessThan(3.29 * Math.sqrt(30 * weeks * 168));
  });

  it('the chi-square test has power: the same arrivals are rejected against a flat week', () => {
    const calendar = new Calendar(Date.parse('2022-01-03T00:00:00Z'));
    const horizon = 40 * WEEK;
    const rate = ratePieces({ perHour: 30, hourOfDay, dayOfWeek }, calendar, horizon);
    const observed = new Float64Array(168);
    for (const t of arrivalsOf(rate, 1)) observed[calendar.hourOfWeek(t)]++;
    const flat = (30 * horizon) / 3600 / 168;
    let chi2 = 0;
    for (let b = 0; b < 168; b++) chi2 += (observed[b] - flat) ** 2 / flat;
    expect(chi2).toBeGreaterThan(chiSquareQuantile(168, 3.09));
  });

  it('a 5-minute spike (factor 50) gets the count of its integral; the rest of its hour is unchanged', () => {
    const calendar = new Calendar(Date.parse('2022-01-03T00:00:00Z')); // a Monday
    const weeks = 30;
    const horizon = weeks * WEEK;
    let rate = ratePieces({ perHour: 20, hourOfDay }, calendar, horizon);
    const spikeAt = (w: number): number => w * WEEK + 86_400 + 14 * 3600 + 600; // Tuesday 14:10
    for (let w = 0; w < weeks; w++) rate = rate.scaleWindow(spikeAt(w), spikeAt(w) + 300, 50);
    const arrivals = arrivalsOf(rate, 7);
    let inSpike = 0;
    let restOfHour = 0;
    let spikeIntegral = 0;
    let restIntegral = 0;
    for (let w = 0; w < weeks; w++) {
      const from = spikeAt(w);
      const hour = from - 600;
      spikeIntegral += rate.integral(from, from + 300);
      restIntegral += rate.integral(hour, hour + 3600) - rate.integral(from, from + 300);
      for (const t of arrivals) {
        if (t >= from && t < from + 300) inSpike++;
        else if (t >= hour && t < hour + 3600) restOfHour++;
      }
    }
    // The spike's integral: 20/h * weight(14h)/mean weight * 300 s * 50 per week.
    const weight14 = hourOfDay[14] / (hourOfDay.reduce((a, b) => a + b, 0) / 24);
    expect(spikeIntegral).toBeCloseTo(weeks * (20 / 3600) * weight14 * 300 * 50, 6);
    // Poisson counts: 99.9% interval, normal approximation (means in the thousands / hundreds).
    // Two checks, so each uses the Bonferroni-corrected z for alpha 0.0005 two-sided: 3.48.
    expect(Math.abs(inSpike - spikeIntegral)).toBeLessThan(3.48 * Math.sqrt(spikeIntegral));
    expect(Math.abs(restOfHour - restIntegral)).toBeLessThan(3.48 * Math.sqrt(restIntegral));
  });

  it('a spike shorter than a second still gets arrivals in proportion (inversion skips no piece)', () => {
    // 1,000 copies of a 0.1 s window at rate 1,000/s: expected 100 arrivals per window, 100,000 in all.
    let rate = PiecewiseConstant.from([0, 1_000_000], [0]);
    for (let k = 0; k < 1000; k++) rate = rate.addWindow(k * 1000 + 0.5, k * 1000 + 0.6, 1000);
    const n = arrivalsOf(rate, 3).length;
    const mean = rate.integral(0, 1_000_000);
    expect(mean).toBeCloseTo(100_000, 3);
    expect(Math.abs(n - mean)).toBeLessThan(3.29 * Math.sqrt(mean));
  });

  it('arrivals never decrease, stay inside the horizon, never fall in a zero-rate piece, and stop with Infinity', () => {
    const pieceArb = fc.array(fc.tuple(fc.double({ min: 0.5, max: 500, noNaN: true }), fc.oneof(fc.constant(0), fc.double({ min: 0.001, max: 2, noNaN: true }))), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(pieceArb, fc.integer(), (pieces, seed) => {
        const breaks = [0];
        for (const [len] of pieces) breaks.push(breaks[breaks.length - 1] + len);
        const rate = PiecewiseConstant.from(breaks, pieces.map(([, v]) => v));
        const gen = new PoissonArrivals(rate, new StreamFactory(seed, 0).stream('a'));
        let last = 0;
        for (let t = gen.next(); t !== Infinity; t = gen.next()) {
          expect(t).toBeGreaterThanOrEqual(last);
          expect(t).toBeLessThanOrEqual(rate.horizon);
          expect(rate.valueAt(t) > 0 || rate.valueAt(Math.max(0, t - 1e-9)) > 0).toBe(true);
          last = t;
        }
        expect(gen.next()).toBe(Infinity);
      }),
      { numRuns: 200 },
    );
  });

  it('same seed, same arrival instants', () => {
    const calendar = new Calendar(Date.parse('2022-01-01T00:00:00Z'));
    const rate = ratePieces({ perHour: 50, hourOfDay }, calendar, 86_400);
    expect(arrivalsOf(rate, 5)).toEqual(arrivalsOf(rate, 5));
    expect(arrivalsOf(rate, 5)).not.toEqual(arrivalsOf(rate, 6));
  });
});

describe('rate profiles', () => {
  const calendar = new Calendar(Date.parse('2022-01-01T00:00:00Z'));

  it('weights are scaled to average 1: perHour stays the mean rate over a week', () => {
    const rate = ratePieces({ perHour: 12, hourOfDay, dayOfWeek }, calendar, WEEK);
    expect(rate.integral(0, WEEK)).toBeCloseTo(12 * 168, 8);
    // Saturday (the start day) 18:00: 12/h * w(18) * w(Sat), per second.
    const wh = hourOfDay[18] / (hourOfDay.reduce((a, b) => a + b, 0) / 24);
    const wd = dayOfWeek[5] / (dayOfWeek.reduce((a, b) => a + b, 0) / 7);
    expect(rate.valueAt(18 * 3600 + 1) * 3600).toBeCloseTo(12 * wh * wd, 10);
  });

  it('hourOfWeek replaces hour and day weights; month multiplies', () => {
    const week = Array.from({ length: 168 }, (_, h) => (h === 0 ? 168 : 0)); // all on Monday 00:00-01:00
    const rate = ratePieces({ perHour: 1, hourOfWeek: week }, calendar, WEEK);
    expect(rate.integral(0, WEEK)).toBeCloseTo(168, 8);
    expect(rate.integral(2 * 86_400, 2 * 86_400 + 3600)).toBeCloseTo(168, 8); // Monday 3 January 00:00
    const months = Array.from({ length: 12 }, (_, m) => (m === 1 ? 2 : 1)); // February twice as busy
    const r2 = ratePieces({ perHour: 1, month: months }, calendar, 60 * 86_400);
    expect(r2.valueAt(40 * 86_400) / r2.valueAt(10 * 86_400)).toBeCloseTo(2, 12);
  });

  it('bad profiles give a SpecError naming the field', () => {
    const cases: Array<[object, string]> = [
      [{ perHour: -1 }, 'ch.perHour'],
      [{ perHour: 1, hourOfDay: [1, 2] }, 'ch.profile.hourOfDay'],
      [{ perHour: 1, dayOfWeek: [1, 1, 1, -1, 1, 1, 1] }, 'ch.profile.dayOfWeek[3]'],
      [{ perHour: 1, month: Array(12).fill(0) }, 'ch.profile.month'],
      [{ perHour: 1, hourOfWeek: Array(167).fill(1) }, 'ch.profile.hourOfWeek'],
    ];
    for (const [spec, path] of cases) {
      let error: unknown;
      try {
        ratePieces(spec as never, calendar, WEEK, 'ch');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(SpecError);
      expect((error as SpecError).path).toBe(path);
    }
  });
});
