import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RandomStream, StreamFactory, streamSeed } from '../../src/engine/random.js';

const draws = (stream: RandomStream, n: number): number[] => Array.from({ length: n }, () => stream.uniform());

/** Pearson correlation of two equal-length samples. */
function correlation(x: Float64Array, y: Float64Array): number {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

const seedArb = fc.oneof(fc.integer(), fc.string({ maxLength: 12 }));
const nameArb = fc.string({ minLength: 1, maxLength: 16 });

describe('RandomStream and StreamFactory', () => {
  it('same (root seed, replication, name) gives the same sequence of uniforms and normals', () => {
    fc.assert(
      fc.property(seedArb, fc.nat(1000), nameArb, (seed, replication, name) => {
        const a = new StreamFactory(seed, replication).stream(name);
        const b = new StreamFactory(seed, replication).stream(name);
        for (let i = 0; i < 50; i++) {
          expect(a.uniform()).toBe(b.uniform());
          expect(a.normal()).toBe(b.normal());
        }
      }),
      { numRuns: 100 },
    );
  });

  it('drawing any number of values (uniforms or normals) from one stream never changes another stream\'s sequence', () => {
    // B's sequence mixes uniforms and normals, so state kept outside a stream (such as the spare
    // normal of a Box-Muller pair) would leak between the streams and fail this.
    const mixed = (s: RandomStream, from: number, to: number): number[] => {
      const out: number[] = [];
      for (let i = from; i < to; i++) out.push(i % 3 === 0 ? s.uniform() : s.normal());
      return out;
    };
    fc.assert(
      fc.property(seedArb, nameArb, nameArb, fc.nat(2000), fc.boolean(), (seed, nameA, nameB, k, normals) => {
        fc.pre(nameA !== nameB);
        const expected = mixed(new StreamFactory(seed, 0).stream(nameB), 0, 20);
        const factory = new StreamFactory(seed, 0);
        const a = factory.stream(nameA);
        // Interleave: 8 draws from B (ending on the first normal of a pair, so B holds a spare), k from A, the rest of B.
        const b = factory.stream(nameB);
        const got = mixed(b, 0, 8);
        for (let i = 0; i < k; i++) {
          if (normals) a.normal();
          else a.uniform();
        }
        got.push(...mixed(factory.stream(nameB), 8, 20));
        expect(got).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });

  it('a stream depends on root seed, replication and name: changing any one changes the sequence', () => {
    const base = draws(new StreamFactory(1, 0).stream('arrivals'), 5);
    expect(draws(new StreamFactory(2, 0).stream('arrivals'), 5)).not.toEqual(base);
    expect(draws(new StreamFactory(1, 1).stream('arrivals'), 5)).not.toEqual(base);
    expect(draws(new StreamFactory(1, 0).stream('arrivalz'), 5)).not.toEqual(base);
    expect(streamSeed(1, 0, 'arrivals')).toBe('callsim/1/0/arrivals');
    const factory = new StreamFactory(1, 0);
    expect(factory.stream('x')).toBe(factory.stream('x'));
  });

  it('paired draws of two streams are uncorrelated: |r| < 4/sqrt(n) for n = 100,000', () => {
    // Under independence the sample correlation r of n pairs is approximately N(0, 1/n), so
    // |r| < 4/sqrt(n) is a 4-sigma bound (a false alarm has probability about 6e-5 per pair).
    const n = 100_000;
    const bound = 4 / Math.sqrt(n);
    const pairs: Array<[RandomStream, RandomStream]> = [
      [new StreamFactory(2022, 0).stream('arrivals.999'), new StreamFactory(2022, 0).stream('arrivals.101')],
      [new StreamFactory(2022, 0).stream('patience'), new StreamFactory(2022, 1).stream('patience')],
      [new StreamFactory(1, 0).stream('a'), new StreamFactory(2, 0).stream('a')],
      [new StreamFactory(7, 3).stream('handle.1'), new StreamFactory(7, 3).stream('handle.2')],
    ];
    for (const [a, b] of pairs) {
      const x = new Float64Array(n);
      const y = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        x[i] = a.uniform();
        y[i] = b.uniform();
      }
      expect(Math.abs(correlation(x, y))).toBeLessThan(bound);
    }
    // Lag-1 within one stream, same bound.
    const s = new StreamFactory(5, 0).stream('lag');
    const z = Float64Array.from({ length: n + 1 }, () => s.uniform());
    expect(Math.abs(correlation(z.subarray(0, n), z.subarray(1)))).toBeLessThan(bound);
  });

  it('uniform is in [0, 1), uniformPositive in (0, 1], index in [0, n), bernoulli(0) never and bernoulli(1) always', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 1000 }), (seed, n) => {
        const s = new StreamFactory(seed, 0).stream('ranges');
        for (let i = 0; i < 200; i++) {
          const u = s.uniform();
          expect(u >= 0 && u < 1).toBe(true);
          const v = s.uniformPositive();
          expect(v > 0 && v <= 1).toBe(true);
          const k = s.index(n);
          expect(Number.isInteger(k) && k >= 0 && k < n).toBe(true);
          expect(s.bernoulli(0)).toBe(false);
          expect(s.bernoulli(1)).toBe(true);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('normal() has mean 0 and variance 1 within 99.9% intervals (n = 200,000)', () => {
    // Mean: sd 1/sqrt(n). Variance: SE of the sample variance is sqrt((mu4 - sigma^4)/n) with
    // mu4 = 3 for the standard normal, i.e. sqrt(2/n). 3.29 is the two-sided 99.9% normal quantile.
    const n = 200_000;
    const s = new StreamFactory(11, 0).stream('normal');
    let sum = 0;
    let squares = 0;
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      x[i] = s.normal();
      sum += x[i];
    }
    const mean = sum / n;
    for (let i = 0; i < n; i++) squares += (x[i] - mean) ** 2;
    expect(Math.abs(mean)).toBeLessThan(3.29 / Math.sqrt(n));
    expect(Math.abs(squares / (n - 1) - 1)).toBeLessThan(3.29 * Math.sqrt(2 / n));
  });

  it('the RandomStream seed string alone fixes the sequence', () => {
    expect(draws(new RandomStream('s'), 10)).toEqual(draws(new RandomStream('s'), 10));
    expect(() => new StreamFactory(1, -1)).toThrow(RangeError);
    expect(() => new StreamFactory(1, 0.5)).toThrow(RangeError);
  });
});
