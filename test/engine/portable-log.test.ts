/**
 * The fast portable logarithm and exponential (src/engine/portable-log.ts, portable-exp.ts) are
 * stdlib's ln and exp bit for bit: the
 * committed digests were made with stdlib's, and the what-if page must give the same numbers. Checked
 * on the simulator's inputs (53-bit uniforms and their complements), across every binary exponent,
 * at each branch threshold of the algorithm's mantissa tests, and at the special values.
 */
import stdlibExp from '@stdlib/math-base-special-exp';
import stdlibLog from '@stdlib/math-base-special-ln';
import { describe, expect, it } from 'vitest';
import { exp } from '../../src/engine/portable-exp.js';
import { log } from '../../src/engine/portable-log.js';

const view = new DataView(new ArrayBuffer(8));
/** The double with these high and low 32-bit words. */
function fromWords(high: number, low: number): number {
  view.setUint32(0, high >>> 0);
  view.setUint32(4, low >>> 0);
  return view.getFloat64(0);
}

/** A fixed-seed 32-bit xorshift: reproducible words. */
function words(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s;
  };
}

/** Up to five inputs where the two logarithms differ (Object.is: -0, NaN and every bit count). */
function mismatches(xs: Iterable<number>, f: (x: number) => number = log, g: (x: number) => number = stdlibLog): number[] {
  const found: number[] = [];
  for (const x of xs) if (!Object.is(f(x), g(x)) && found.length < 5) found.push(x);
  return found;
}

describe('portable log equals stdlib ln bit for bit', () => {
  const next = words(20_221);

  it('on 53-bit uniforms on (0, 1) and their complements (the arrival, patience and handle draws)', () => {
    const xs: number[] = [];
    for (let i = 0; i < 400_000; i++) {
      const u = ((next() >>> 5) * 67108864 + (next() >>> 6)) / 9007199254740992;
      xs.push(u === 0 ? Number.MIN_VALUE : u, 1 - u);
    }
    expect(mismatches(xs)).toEqual([]);
  });

  it('at random mantissas under every binary exponent, subnormals included', () => {
    const xs: number[] = [];
    for (let exponent = 0; exponent <= 0x7fe; exponent++) {
      for (let j = 0; j < 150; j++) xs.push(fromWords((exponent << 20) | (next() & 0xfffff), next()));
    }
    expect(mismatches(xs)).toEqual([]);
  });

  it("around each threshold of the algorithm's mantissa tests, and near 1 and powers of two", () => {
    // High-word mantissas where a branch flips: near-1 series (0, 0xfffff), halving (0x6a09c), the
    // two series' switch (0x6147a, 0x6b851); each with neighbouring low words.
    const xs: number[] = [];
    for (const mantissa of [0, 1, 2, 3, 0xffffd, 0xffffe, 0xfffff, 0x6a09b, 0x6a09c, 0x6a09d, 0x61479, 0x6147a, 0x6147b, 0x6b850, 0x6b851, 0x6b852]) {
      for (const exponent of [1, 2, 0x3fd, 0x3fe, 0x3ff, 0x400, 0x401, 0x7fd, 0x7fe]) {
        for (const low of [0, 1, 2, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff]) xs.push(fromWords((exponent << 20) | mantissa, low));
      }
    }
    for (let d = -2000; d <= 2000; d++) xs.push(1 + d * Number.EPSILON, 2 ** (d % 1000) * (1 + d * Number.EPSILON));
    expect(mismatches(xs)).toEqual([]);
  });

  it('at the special values', () => {
    const special = [0, -0, -1, -Number.MIN_VALUE, Number.MIN_VALUE, 2.2250738585072014e-308, 2.225073858507201e-308, Number.MAX_VALUE, Infinity, -Infinity, NaN, 1, 2, 0.5, Math.E];
    expect(mismatches(special)).toEqual([]);
    expect(log(1)).toBe(0);
    expect(log(0)).toBe(-Infinity);
    expect(log(-1)).toBeNaN();
  });
});

describe('portable exp equals stdlib exp bit for bit', () => {
  const next = words(4_096);
  const uniform = (): number => ((next() >>> 5) * 67108864 + (next() >>> 6)) / 9007199254740992;
  const expMismatches = (xs: Iterable<number>): number[] => mismatches(xs, exp, stdlibExp);

  it("on lognormal exponents (mu + sigma * z) and across the whole range, overflow and underflow included", () => {
    const xs: number[] = [];
    for (let i = 0; i < 300_000; i++) xs.push((uniform() - 0.5) * 12, (uniform() - 0.5) * 1500);
    expect(expMismatches(xs)).toEqual([]);
  });

  it('around the rounding of k (x near (n + 1/2) ln 2), the fast range ends (+-700) and 2^-28', () => {
    const xs: number[] = [];
    for (let n = -1080; n <= 1030; n++) {
      const at = (n + 0.5) * Math.LN2;
      for (let d = -3; d <= 3; d++) xs.push(at * (1 + d * Number.EPSILON), n * Math.LN2 * (1 + d * Number.EPSILON));
    }
    for (const edge of [700, -700, 2 ** -28, -(2 ** -28), 709.782712893384, -745.1332191019411]) {
      for (let d = -3; d <= 3; d++) xs.push(edge * (1 + d * Number.EPSILON));
    }
    expect(expMismatches(xs)).toEqual([]);
  });

  it('at the special values', () => {
    expect(expMismatches([0, -0, 1, -1, Number.MIN_VALUE, -Number.MIN_VALUE, 1e-300, Infinity, -Infinity, NaN, 1000, -1000])).toEqual([]);
    expect(exp(0)).toBe(1);
    expect(exp(-Infinity)).toBe(0);
  });
});
