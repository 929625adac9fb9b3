import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DistributionSpec } from '../../src/engine/distributions.js';
import { gammaFunction, makeDistribution } from '../../src/engine/distributions.js';
import { StreamFactory } from '../../src/engine/random.js';
import { SpecError } from '../../src/engine/spec-error.js';

/**
 * Raw moments E[X^k], k = 1..4, from textbook formulas (independent of the code under test, except
 * that the Weibull uses the module's gamma function, which is checked against factorials below).
 */
function rawMoments(spec: DistributionSpec): number[] {
  const ks = [1, 2, 3, 4];
  if ('fixed' in spec) return ks.map((k) => spec.fixed ** k);
  if ('exponential' in spec) return ks.map((k) => factorial(k) * spec.exponential.mean ** k);
  if ('lognormal' in spec) {
    const { mean, cv } = spec.lognormal;
    const s2 = Math.log(1 + cv * cv);
    const mu = Math.log(mean) - s2 / 2;
    return ks.map((k) => Math.exp(k * mu + (k * k * s2) / 2));
  }
  if ('gamma' in spec) {
    const a = 1 / spec.gamma.cv ** 2;
    const theta = spec.gamma.mean / a;
    return ks.map((k) => {
      let rising = 1;
      for (let j = 0; j < k; j++) rising *= a + j;
      return theta ** k * rising;
    });
  }
  if ('weibull' in spec) return ks.map((k) => spec.weibull.scale ** k * gammaFunction(1 + k / spec.weibull.shape));
  if ('uniform' in spec) {
    const [a, b] = spec.uniform;
    return ks.map((k) => (b ** (k + 1) - a ** (k + 1)) / ((k + 1) * (b - a)));
  }
  if ('triangular' in spec) {
    // Numerical integration of x^k f(x) (Simpson, 2,000 panels on each linear side of the density).
    const [a, c, b] = spec.triangular;
    const pdf = (x: number): number => (x < c ? (2 * (x - a)) / ((b - a) * (c - a)) : (2 * (b - x)) / ((b - a) * (b - c)));
    return ks.map((k) => simpson((x) => x ** k * pdf(x), a, c) + simpson((x) => x ** k * pdf(x), c, b));
  }
  if ('empirical' in spec) return ks.map((k) => spec.empirical.reduce((s, v) => s + v ** k, 0) / spec.empirical.length);
  const total = spec.mixture.reduce((s, c) => s + c.weight, 0);
  return ks.map((_, i) => spec.mixture.reduce((s, c) => s + (c.weight / total) * rawMoments(c)[i], 0));
}

function factorial(k: number): number {
  return k <= 1 ? 1 : k * factorial(k - 1);
}

function simpson(f: (x: number) => number, a: number, b: number, panels = 2000): number {
  if (b <= a) return 0;
  const h = (b - a) / panels;
  let s = f(a) + f(b);
  for (let i = 1; i < panels; i++) s += (i % 2 ? 4 : 2) * f(a + i * h);
  return (s * h) / 3;
}

/** Mean, variance and fourth central moment from raw moments. */
function centralMoments(spec: DistributionSpec): { mean: number; variance: number; mu4: number } {
  const [m1, m2, m3, m4] = rawMoments(spec);
  return {
    mean: m1,
    variance: m2 - m1 * m1,
    mu4: m4 - 4 * m1 * m3 + 6 * m1 * m1 * m2 - 3 * m1 ** 4,
  };
}

const CASES: Array<{ label: string; spec: DistributionSpec }> = [
  { label: 'exponential mean 60', spec: { exponential: { mean: 60 } } },
  { label: 'lognormal mean 240 cv 0.5', spec: { lognormal: { mean: 240, cv: 0.5 } } },
  { label: 'lognormal mean 8 cv 1', spec: { lognormal: { mean: 8, cv: 1 } } },
  { label: 'gamma mean 180 cv 0.5 (shape 4)', spec: { gamma: { mean: 180, cv: 0.5 } } },
  { label: 'gamma mean 10 cv 1.5 (shape < 1)', spec: { gamma: { mean: 10, cv: 1.5 } } },
  { label: 'gamma mean 3 cv 1 (shape 1)', spec: { gamma: { mean: 3, cv: 1 } } },
  { label: 'weibull shape 1.5 scale 100', spec: { weibull: { shape: 1.5, scale: 100 } } },
  { label: 'weibull shape 0.7 scale 20', spec: { weibull: { shape: 0.7, scale: 20 } } },
  { label: 'uniform [5, 25]', spec: { uniform: [5, 25] } },
  { label: 'triangular [1, 2, 10]', spec: { triangular: [1, 2, 10] } },
  { label: 'triangular [0, 0, 4] (mode at a)', spec: { triangular: [0, 0, 4] } },
  { label: 'empirical [1, 2, 2, 7, 30]', spec: { empirical: [1, 2, 2, 7, 30] } },
  {
    label: 'mixture 0.3 exp(20) + 0.7 lognormal(300, 0.8)',
    spec: { mixture: [{ weight: 0.3, exponential: { mean: 20 } }, { weight: 0.7, lognormal: { mean: 300, cv: 0.8 } }] },
  },
  { label: 'mixture of fixed and uniform', spec: { mixture: [{ weight: 1, fixed: 5 }, { weight: 3, uniform: [0, 2] }] } },
];

describe('distributions: moments', () => {
  it('the gamma function matches factorials and Gamma(1/2) = sqrt(pi)', () => {
    for (let k = 1; k <= 10; k++) expect(gammaFunction(k + 1) / factorial(k)).toBeCloseTo(1, 12);
    expect(gammaFunction(0.5)).toBeCloseTo(Math.sqrt(Math.PI), 12);
  });

  for (const { label, spec } of CASES) {
    it(`${label}: exposes its true mean and variance, and the sample mean and variance fall in 99.9% intervals`, () => {
      const d = makeDistribution(spec, 'd');
      const truth = centralMoments(spec);
      expect(d.mean).toBeCloseTo(truth.mean, 6);
      expect(Math.abs(d.variance - truth.variance)).toBeLessThan(1e-6 * Math.max(1, truth.variance));

      const n = 200_000;
      const stream = new StreamFactory(2022, 0).stream(label);
      const x = new Float64Array(n);
      let sum = 0;
      for (let i = 0; i < n; i++) {
        x[i] = d.sample(stream);
        sum += x[i];
      }
      const mean = sum / n;
      let squares = 0;
      for (let i = 0; i < n; i++) squares += (x[i] - mean) ** 2;
      const variance = squares / (n - 1);
      // Sample mean: sd sqrt(sigma^2/n); 3.29 is the two-sided 99.9% normal quantile (CLT, n large).
      expect(Math.abs(mean - truth.mean)).toBeLessThanOrEqual(3.29 * Math.sqrt(truth.variance / n));
      // Sample variance: Var(s^2) = mu4/n - sigma^4 (n - 3) / (n (n - 1)) exactly, with mu4 the
      // fourth central moment computed above from the raw moments; s^2 is asymptotically normal.
      const seVariance = Math.sqrt(truth.mu4 / n - (truth.variance ** 2 * (n - 3)) / (n * (n - 1)));
      expect(Math.abs(variance - truth.variance)).toBeLessThanOrEqual(3.29 * seVariance);
    });
  }

  it('fixed always returns its value; a bare number means fixed', () => {
    const s = new StreamFactory(1, 0).stream('f');
    for (const d of [makeDistribution({ fixed: 42 }), makeDistribution(42)]) {
      expect(d.mean).toBe(42);
      expect(d.variance).toBe(0);
      for (let i = 0; i < 10; i++) expect(d.sample(s)).toBe(42);
    }
  });

  it('empirical only returns listed values, each about equally often', () => {
    const d = makeDistribution({ empirical: [3, 9, 27] });
    const s = new StreamFactory(1, 0).stream('e');
    const counts = new Map<number, number>();
    const n = 30_000;
    for (let i = 0; i < n; i++) {
      const v = d.sample(s);
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual([3, 9, 27]);
    // Binomial(n, 1/3): 99.9% interval, Bonferroni over 3 values (per-value alpha 0.001/3, z = 3.59).
    for (const c of counts.values()) expect(Math.abs(c - n / 3)).toBeLessThan(3.59 * Math.sqrt((n * 2) / 9));
  });
});

/** Kolmogorov-Smirnov statistic of a sample against a continuous CDF. */
function ksStatistic(sample: Float64Array, cdf: (x: number) => number): number {
  const sorted = Float64Array.from(sample).sort();
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
}

/** Complementary error function (Numerical Recipes erfcc; |relative error| < 1.2e-7, ample for KS). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? r : 2 - r;
}
const normalCdf = (z: number): number => 0.5 * erfc(-z / Math.SQRT2);

describe('distributions: Kolmogorov-Smirnov (n = 20,000, alpha 0.001, critical value 1.949/sqrt(n))', () => {
  const n = 20_000;
  const critical = 1.949 / Math.sqrt(n);
  const sampleOf = (spec: DistributionSpec, name: string): Float64Array => {
    const d = makeDistribution(spec);
    const s = new StreamFactory(99, 0).stream(name);
    return Float64Array.from({ length: n }, () => d.sample(s));
  };
  const exponentialCdf = (mean: number) => (x: number): number => 1 - Math.exp(-x / mean);
  const lognormalCdf = (mean: number, cv: number) => (x: number): number => {
    const s2 = Math.log(1 + cv * cv);
    return x <= 0 ? 0 : normalCdf((Math.log(x) - (Math.log(mean) - s2 / 2)) / Math.sqrt(s2));
  };

  it('exponential mean 60 fits its CDF', () => {
    expect(ksStatistic(sampleOf({ exponential: { mean: 60 } }, 'ks-exp'), exponentialCdf(60))).toBeLessThan(critical);
  });

  it('lognormal mean 240 cv 0.5 and mean 8 cv 2 fit their CDFs', () => {
    expect(ksStatistic(sampleOf({ lognormal: { mean: 240, cv: 0.5 } }, 'ks-ln1'), lognormalCdf(240, 0.5))).toBeLessThan(critical);
    expect(ksStatistic(sampleOf({ lognormal: { mean: 8, cv: 2 } }, 'ks-ln2'), lognormalCdf(8, 2))).toBeLessThan(critical);
  });

  it('weibull, uniform and triangular fit their CDFs', () => {
    const weibullCdf = (x: number): number => 1 - Math.exp(-((x / 100) ** 1.5));
    expect(ksStatistic(sampleOf({ weibull: { shape: 1.5, scale: 100 } }, 'ks-wb'), weibullCdf)).toBeLessThan(critical);
    expect(ksStatistic(sampleOf({ uniform: [5, 25] }, 'ks-u'), (x) => Math.min(1, Math.max(0, (x - 5) / 20)))).toBeLessThan(critical);
    const triCdf = (x: number): number => (x <= 2 ? (x - 1) ** 2 / (9 * 1) : 1 - (10 - x) ** 2 / (9 * 8));
    expect(ksStatistic(sampleOf({ triangular: [1, 2, 10] }, 'ks-tri'), triCdf)).toBeLessThan(critical);
  });

  it('the test has power: an exponential sample is rejected against a mean 5% off, a lognormal against the wrong cv', () => {
    expect(ksStatistic(sampleOf({ exponential: { mean: 60 } }, 'ks-exp'), exponentialCdf(63))).toBeGreaterThan(critical);
    expect(ksStatistic(sampleOf({ lognormal: { mean: 240, cv: 0.5 } }, 'ks-ln1'), lognormalCdf(240, 0.6))).toBeGreaterThan(critical);
  });
});

describe('distributions: validation names the parameter', () => {
  const bad: Array<[unknown, string]> = [
    [{ exponential: { mean: 0 } }, 'exponential.mean'],
    [{ exponential: {} }, 'exponential.mean'],
    [{ lognormal: { mean: 10, cv: 0 } }, 'lognormal.cv'],
    [{ lognormal: { mean: -1, cv: 1 } }, 'lognormal.mean'],
    [{ lognormal: { mean: 10, cv: 'high' } }, 'lognormal.cv'],
    [{ gamma: { mean: 10, cv: -1 } }, 'gamma.cv'],
    [{ gamma: { mean: Number.NaN, cv: 1 } }, 'gamma.mean'],
    [{ weibull: { shape: 0, scale: 1 } }, 'weibull.shape'],
    [{ weibull: { shape: 1, scale: Infinity } }, 'weibull.scale'],
    [{ uniform: [5, 1] }, 'uniform'],
    [{ uniform: [-1, 1] }, 'uniform[0]'],
    [{ uniform: [1] }, 'uniform'],
    [{ triangular: [1, 5, 3] }, 'triangular'],
    [{ empirical: [] }, 'empirical'],
    [{ empirical: [1, -2] }, 'empirical[1]'],
    [{ fixed: -3 }, 'fixed'],
    [{ mixture: [] }, 'mixture'],
    [{ mixture: [{ weight: 0, fixed: 1 }] }, 'mixture[0].weight'],
    [{ mixture: [{ weight: 1, fixed: 1 }, { weight: 1, lognormal: { mean: 1, cv: 0 } }] }, 'mixture[1].lognormal.cv'],
    [{ normal: { mean: 1 } }, 'p'],
    [{ exponential: { mean: 1 }, fixed: 2 }, 'p'],
    ['fast', 'p'],
    [-1, 'p'],
  ];
  for (const [spec, field] of bad) {
    it(`${JSON.stringify(spec)} is refused with a SpecError naming ${field === 'p' ? 'the field itself' : field}`, () => {
      let error: unknown;
      try {
        makeDistribution(spec, 'p');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(SpecError);
      const expectedPath = field === 'p' ? 'p' : `p.${field}`;
      expect((error as SpecError).path).toBe(expectedPath);
      expect((error as SpecError).message.startsWith(`${expectedPath}: expected`)).toBe(true);
    });
  }

  it('errors carry the scenario path given by the caller', () => {
    expect(() => makeDistribution({ lognormal: { mean: 10, cv: 0 } }, 'queues.primary.patienceSeconds')).toThrow(
      'queues.primary.patienceSeconds.lognormal.cv: expected a positive number, found 0',
    );
  });
});

describe('distributions: samples are finite and never negative (fast-check over parameters)', () => {
  const mean = fc.double({ min: 1e-3, max: 1e5, noNaN: true });
  const cv = fc.double({ min: 0.02, max: 5, noNaN: true });
  const nonNeg = fc.double({ min: 0, max: 1e5, noNaN: true });
  const specArb: fc.Arbitrary<DistributionSpec> = fc.oneof(
    nonNeg.map((v) => ({ fixed: v })),
    mean.map((m) => ({ exponential: { mean: m } })),
    fc.tuple(mean, cv).map(([m, c]) => ({ lognormal: { mean: m, cv: c } })),
    fc.tuple(mean, cv).map(([m, c]) => ({ gamma: { mean: m, cv: c } })),
    fc.tuple(fc.double({ min: 0.1, max: 20, noNaN: true }), mean).map(([k, s]) => ({ weibull: { shape: k, scale: s } })),
    fc.tuple(nonNeg, nonNeg).map(([a, b]) => ({ uniform: [Math.min(a, b), Math.max(a, b)] as [number, number] })),
    fc.tuple(nonNeg, nonNeg, nonNeg).map((t) => ({ triangular: [...t].sort((x, y) => x - y) as [number, number, number] })),
    fc.array(nonNeg, { minLength: 1, maxLength: 10 }).map((v) => ({ empirical: v })),
    fc.tuple(mean, mean, fc.double({ min: 0.01, max: 1, noNaN: true })).map(([a, b, w]) => ({
      mixture: [{ weight: w, exponential: { mean: a } }, { weight: 1 - w + 0.01, lognormal: { mean: b, cv: 1 } }],
    })),
  );
  it('every draw is finite and >= 0, and the stated mean and variance are finite and >= 0', () => {
    fc.assert(
      fc.property(specArb, fc.integer(), (spec, seed) => {
        const d = makeDistribution(spec);
        expect(Number.isFinite(d.mean) && d.mean >= 0).toBe(true);
        expect(Number.isFinite(d.variance) && d.variance >= -1e-9 * d.mean * d.mean).toBe(true);
        const s = new StreamFactory(seed, 0).stream('finite');
        for (let i = 0; i < 500; i++) {
          const x = d.sample(s);
          expect(Number.isFinite(x) && x >= 0).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('distributions: parameters that overflow are refused', () => {
  it('a Weibull shape so small that the variance overflows, and huge lognormal/gamma/exponential scales, give a SpecError at the distribution', () => {
    const cases: Array<[unknown, string]> = [
      [{ weibull: { shape: 0.001, scale: 1 } }, 'p.weibull'],
      [{ weibull: { shape: 0.01, scale: 1 } }, 'p.weibull'],
      [{ lognormal: { mean: 1e300, cv: 10 } }, 'p.lognormal'],
      [{ gamma: { mean: 1e300, cv: 10 } }, 'p.gamma'],
      [{ exponential: { mean: 1e306 } }, 'p.exponential'],
      [{ mixture: [{ weight: 1, fixed: 1 }, { weight: 1, weibull: { shape: 0.001, scale: 1 } }] }, 'p.mixture[1].weibull'],
    ];
    for (const [spec, path] of cases) {
      let error: unknown;
      try {
        makeDistribution(spec, 'p');
      } catch (e) {
        error = e;
      }
      expect(error, JSON.stringify(spec)).toBeInstanceOf(SpecError);
      expect((error as SpecError).path).toBe(path);
    }
    // Small but sane shapes are still accepted and draw finite values.
    const d = makeDistribution({ weibull: { shape: 0.1, scale: 1 } });
    const s = new StreamFactory(3, 0).stream('w');
    for (let i = 0; i < 10_000; i++) expect(Number.isFinite(d.sample(s))).toBe(true);
  });
});
