/**
 * The portable elementary functions give exactly Node 20's Math results (the fdlibm lineage the
 * committed digests were made with), so using them moved no result, and they are plain JS, so the
 * browser gets the same bits. Checked over draws like the simulator's (Box-Muller angles, uniform
 * logarithms) and around multiples of pi/2 where argument reduction is delicate. `sinCosTurns`
 * (the Box-Muller angle in turns) is checked against Math on its reduced angle, and on every engine
 * against exact values and a bound on its error.
 */
import { describe, expect, it } from 'vitest';
import { cos, exp, log, log1p, sin, sinCosTurns } from '../../src/engine/portable-math.js';

const NODE_20 = process.versions.node.split('.')[0] === '20';
if (!NODE_20) console.warn(`portable-math comparison skipped: it compares with Node 20's Math (this is Node ${process.versions.node})`);

/** A fixed-seed linear congruential sequence on [0, 1): reproducible inputs. */
function inputs(n: number, seed: number): number[] {
  let s = seed;
  return Array.from({ length: n }, () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  });
}

const mismatches = (f: (x: number) => number, g: (x: number) => number, xs: readonly number[]): number[] => xs.filter((x) => !Object.is(f(x), g(x))).slice(0, 5);

describe.skipIf(!NODE_20)('portable math equals Node 20 Math bit for bit', () => {
  const u = inputs(300_000, 20_221);
  it('sin and cos over Box-Muller angles, wide arguments and near multiples of pi/2', () => {
    const angles = u.map((x) => 2 * Math.PI * x);
    const wide = u.slice(0, 100_000).map((x) => (x - 0.5) * 4000);
    const near: number[] = [];
    for (let k = 1; k <= 40; k++) for (let d = -300; d <= 300; d++) near.push(k * (Math.PI / 2) * (1 + d * Number.EPSILON));
    const special = [0, -0, 1e-300, -1e-300, Math.PI / 4, 1e6, Infinity, -Infinity, NaN];
    for (const xs of [angles, wide, near, special]) {
      expect(mismatches(sin, Math.sin, xs)).toEqual([]);
      expect(mismatches(cos, Math.cos, xs)).toEqual([]);
    }
  });
  it('log, exp and log1p over the ranges variates and intervals use', () => {
    expect(mismatches(log, Math.log, u.map((x) => 1 - x))).toEqual([]);
    expect(mismatches(log, Math.log, u.map((x) => x * 1e6 + 1e-9))).toEqual([]);
    expect(mismatches(exp, Math.exp, u.map((x) => (x - 0.5) * 60))).toEqual([]);
    expect(mismatches(log1p, Math.log1p, u.map((x) => x * 2 - 0.999))).toEqual([]);
  });
});

/** sin and cos of 2 pi t from sinCosTurns. */
function turns(t: number): [number, number] {
  const out = new Float64Array(2);
  sinCosTurns(t, out);
  return [out[0], out[1]];
}

/** The quarter-turn reduction sinCosTurns is documented to make: quadrant and angle in radians. */
function reduced(t: number): [number, number] {
  const n = Math.round(4 * t);
  return [((n % 4) + 4) % 4, (4 * t - n) * (Math.PI / 2)];
}

describe.skipIf(!NODE_20)('sinCosTurns equals Node 20 Math on its reduced angle bit for bit', () => {
  it('over uniforms, near whole and half quarter turns, and wide arguments', () => {
    const u = inputs(200_000, 4_096);
    const near: number[] = [];
    for (let k = -8; k <= 8; k++) for (let d = -200; d <= 200; d++) near.push((k / 8) * (1 + d * Number.EPSILON) + d * 2 ** -60);
    const wide = u.slice(0, 20_000).map((x) => (x - 0.5) * 1e12);
    const bad: number[] = [];
    for (const t of [...u, ...near, ...wide, 0.0625 * 0.2999999523162842 / (Math.PI / 2), 0.7812504768371582 / (2 * Math.PI)]) {
      const [q, x] = reduced(t);
      const s = Math.sin(x);
      const c = Math.cos(x);
      const want = q === 0 ? [s, c] : q === 1 ? [c, -s] : q === 2 ? [-s, -c] : [-c, s];
      const [gs, gc] = turns(t);
      if (!Object.is(gs, want[0]) || !Object.is(gc, want[1])) bad.push(t);
    }
    expect(bad.slice(0, 5)).toEqual([]);
  });
});

describe('sinCosTurns on every engine', () => {
  it('gives exactly 0 (of either sign) and +-1 at whole quarter turns, and NaN for non-finite turns', () => {
    const exactly = (t: number): number[] => turns(t).map((v) => v + 0);
    expect(exactly(0)).toEqual([0, 1]);
    expect(exactly(0.25)).toEqual([1, 0]);
    expect(exactly(0.5)).toEqual([0, -1]);
    expect(exactly(0.75)).toEqual([-1, 0]);
    expect(exactly(1)).toEqual([0, 1]);
    expect(exactly(-0.25)).toEqual([-1, 0]);
    expect(exactly(2 ** 40 + 0.25)).toEqual([1, 0]);
    for (const t of [NaN, Infinity, -Infinity]) expect(turns(t).every(Number.isNaN)).toBe(true);
  });

  it('is within 2^-51 of sin and cos of 2 pi t over uniforms, and sin^2 + cos^2 within 2^-50 of 1', () => {
    // Reference: the remainder f of 4t is exact; the angle f pi/2 is taken as hi + tail with pi/2 in
    // two parts and the product's rounding error recovered exactly (Dekker), then one Taylor step
    // from hi with Math.sin and Math.cos (about 1 ulp, 2^-53, on any engine). sinCosTurns's own
    // error: x rounded (2^-54), pi/2 rounded (2^-55 for |f| <= 1/2) and its kernel (below 1 ulp),
    // under 2^-52; with the reference's, under 2^-51. sin^2 + cos^2: twice that, 2^-50.
    const PIO2_HI = 1.5707963267948966;
    const PIO2_LO = 6.123233995736766e-17;
    const split = (a: number): [number, number] => {
      const c = 134217729 * a;
      const hi = c - (c - a);
      return [hi, a - hi];
    };
    const [bh, bl] = split(PIO2_HI);
    let worst = 0;
    let worstNorm = 0;
    for (const t of inputs(50_000, 77)) {
      const n = Math.round(4 * t);
      const f = 4 * t - n;
      const hi = f * PIO2_HI;
      const [ah, al] = split(f);
      const tail = ((ah * bh - hi) + ah * bl + al * bh) + al * bl + f * PIO2_LO;
      const s0 = Math.sin(hi) + Math.cos(hi) * tail;
      const c0 = Math.cos(hi) - Math.sin(hi) * tail;
      const q = ((n % 4) + 4) % 4;
      const want = q === 0 ? [s0, c0] : q === 1 ? [c0, -s0] : q === 2 ? [-s0, -c0] : [-c0, s0];
      const [s, c] = turns(t);
      worst = Math.max(worst, Math.abs(s - want[0]), Math.abs(c - want[1]));
      worstNorm = Math.max(worstNorm, Math.abs(s * s + c * c - 1));
    }
    expect(worst).toBeLessThanOrEqual(2 ** -51);
    expect(worstNorm).toBeLessThanOrEqual(2 ** -50);
  });
});
