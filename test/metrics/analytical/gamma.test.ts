import { describe, expect, it } from 'vitest';
import { logGamma, logRegularizedLowerGamma, logScaledLowerGamma, regularizedLowerGamma } from '../../../src/metrics/analytical/gamma.js';

/** ln((n−1)!) summed exactly enough in floating point for n up to a few thousand. */
function logFactorial(n: number): number {
  let s = 0;
  for (let k = 2; k <= n; k++) s += Math.log(k);
  return s;
}

/**
 * P(n, x) for whole n as a Poisson tail, 1 − Σ_{k<n} e^(−x) x^k/k!, with each term in logarithms
 * (ln k! from summed logarithms): an independent reference for large n and x.
 */
function poissonReference(n: number, x: number): number {
  let below = 0;
  let logKFactorial = 0;
  for (let k = 0; k < n; k++) {
    if (k > 0) logKFactorial += Math.log(k);
    below += Math.exp(k * Math.log(x) - x - logKFactorial);
  }
  return 1 - below;
}

describe('logGamma', () => {
  it('matches ln((n-1)!) on both sides of the Lanczos/Stirling switch at 10', () => {
    for (const n of [1, 2, 3, 5, 9, 10, 11, 20, 50, 171]) {
      const exact = logFactorial(n - 1);
      expect(Math.abs(logGamma(n) - exact)).toBeLessThanOrEqual(1e-13 * Math.max(1, exact));
    }
  });

  it('half-integers: Γ(1/2) = √π, Γ(21/2) = 19!!·√π / 2^10', () => {
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    let doubleFactorial = 1;
    for (let k = 1; k <= 19; k += 2) doubleFactorial *= k;
    expect(logGamma(10.5)).toBeCloseTo(Math.log(doubleFactorial) + 0.5 * Math.log(Math.PI) - 10 * Math.log(2), 12);
  });
});

describe('regularized lower incomplete gamma', () => {
  it('P(1, z) = 1 − e^(−z), also for tiny and large z', () => {
    for (const z of [1e-12, 0.3, 1, 2, 7.5, 40]) {
      const exact = -Math.expm1(-z);
      expect(Math.abs(regularizedLowerGamma(1, z) - exact) / exact).toBeLessThan(1e-13);
    }
  });

  it.each([
    [5, 3],
    [5, 8],
    [50, 45],
    [50, 60],
    [1000, 950],
    [1000, 1000],
    [1000, 1060],
    [5000, 5100],
  ])('P(%i, %f) against the Poisson tail to 1e-11', (n, x) => {
    expect(Math.abs(regularizedLowerGamma(n, x) - poissonReference(n, x))).toBeLessThan(1e-11);
  });

  it('ln P stays finite and right where P underflows: ln P(s, z) ~ ln(z^s e^-z / Γ(s+1)) for z << s', () => {
    // For z far below s the series is 1 + z/(s+1) + ..., so ln P = s ln z − z − ln Γ(s+1) + ln(1 + z/(s+1) + ...).
    const s = 20_000;
    const z = 5000;
    let tail = 1;
    let term = 1;
    for (let k = 1; k < 200; k++) {
      term *= z / (s + k);
      tail += term;
    }
    const expected = s * Math.log(z) - z - logGamma(s + 1) + Math.log(tail);
    const actual = logRegularizedLowerGamma(s, z);
    expect(regularizedLowerGamma(s, z)).toBe(0);
    expect(Number.isFinite(actual)).toBe(true);
    expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThan(1e-12);
  });

  it('near the centre of a huge shape P(s, s) → 1/2 + 1/(3√(2πs)) (Temme), s = 1e8', () => {
    const s = 1e8;
    const approx = 0.5 + 1 / (3 * Math.sqrt(2 * Math.PI * s));
    // The next term of the expansion is O(1/s): far below 1e-7 here.
    expect(Math.abs(regularizedLowerGamma(s, s) - approx)).toBeLessThan(1e-7);
  });

  it('edge values: P(s, 0) = 0, P(s, ∞) = 1, NaN for s <= 0', () => {
    expect(regularizedLowerGamma(3, 0)).toBe(0);
    expect(regularizedLowerGamma(3, Infinity)).toBe(1);
    expect(regularizedLowerGamma(0, 1)).toBeNaN();
  });

  it('ln A(s, z) = ln(s·z^(−s)·e^z·Γ(s)·P(s, z)) on both sides of z = s + 1, and A → 1/(1 − z/s) for huge s', () => {
    for (const [sh, z] of [[5, 3], [5, 5.9], [5, 6.1], [5, 8], [40, 30], [40, 55]]) {
      const direct = Math.log(sh) - sh * Math.log(z) + z + logGamma(sh) + Math.log(regularizedLowerGamma(sh, z));
      expect(logScaledLowerGamma(sh, z)).toBeCloseTo(direct, 12);
    }
    // A = Σ_k Π_{j<=k} z/(s+j) → 1/(1 − r) as s grows with z = r·s; the error is O(1/s).
    expect(Math.exp(logScaledLowerGamma(1e9, 0.9e9))).toBeCloseTo(10, 5);
  });
});
