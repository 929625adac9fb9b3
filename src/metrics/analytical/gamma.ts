/**
 * Gamma-function pieces for Erlang A and Student t, accurate for large arguments: a queue of
 * n handlers with patient callers gives shape parameters x = nμ/θ in the thousands or millions,
 * where the textbook z^s·e^(−z)/Γ(s) is a ratio of overflowing numbers. Everything here works in
 * logarithms and takes the big terms' difference analytically (Stirling with its error series).
 */
import { exp, log, log1p, sin } from '../../engine/portable-math.js';

const HALF_LOG_TWO_PI = 0.5 * log(2 * Math.PI);
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
/** Iteration cap of the series and continued fraction: both need O(√s) terms near z = s. */
const MAX_TERMS = 2_000_000;

/**
 * Stirling's error δ(s) = ln Γ(s) − [(s − ½)·ln s − s + ½·ln 2π], for s >= 10 by its asymptotic
 * series (the first omitted term is below 1e-16 there).
 */
function stirlingError(s: number): number {
  const r = 1 / s;
  const r2 = r * r;
  return r * (1 / 12 - r2 * (1 / 360 - r2 * (1 / 1260 - r2 * (1 / 1680 - r2 * (1 / 1188 - r2 * (691 / 360360 - r2 / 156))))));
}

/** ln Γ(x) for x > 0: Lanczos (g = 7) below 10, Stirling with its error series from 10. */
export function logGamma(x: number): number {
  if (x >= 10) return (x - 0.5) * log(x) - x + HALF_LOG_TWO_PI + stirlingError(x);
  if (x < 0.5) return log(Math.PI / sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (z + i);
  return HALF_LOG_TWO_PI + (z + 0.5) * log(t) - t + log(a);
}

/** r − 1 − ln r for r > 0, without cancellation near r = 1 (a series in u = r − 1 there). */
function deviance(r: number): number {
  const u = r - 1;
  if (Math.abs(u) >= 0.5) return u - log1p(u);
  // Σ_{k>=2} (−1)^k·u^k / k = u²/2 − u³/3 + u⁴/4 − ...
  let term = u * u;
  let sum = term / 2;
  for (let k = 3; k < 200; k++) {
    term *= -u;
    const next = term / k;
    sum += next;
    if (Math.abs(next) < 1e-17 * sum) break;
  }
  return sum;
}

/**
 * ln(z^s·e^(−z) / Γ(s)) for s > 0, z > 0. For s >= 10 it is −s·(r − 1 − ln r) + ½·ln(s/2π) − δ(s)
 * with r = z/s, so no two large terms cancel.
 */
export function logGammaPrefix(s: number, z: number): number {
  if (s < 10) return s * log(z) - z - logGamma(s);
  return -s * deviance(z / s) + 0.5 * log(s) - HALF_LOG_TWO_PI - stirlingError(s);
}

/** Σ_{k>=0} z^k / (s(s+1)...(s+k)), for z < s + 1 (terms shrink from the first on). */
function lowerSeries(s: number, z: number): number {
  let term = 1 / s;
  let sum = term;
  for (let k = 1; k < MAX_TERMS; k++) {
    term *= z / (s + k);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return sum;
}

/** Q(s, z) = 1 − P(s, z) for z >= s + 1 by its continued fraction (modified Lentz). */
function upperFraction(s: number, z: number, logPrefix: number): number {
  const tiny = 1e-300;
  let b = z + 1 - s;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_TERMS; i++) {
    const an = -i * (i - s);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return exp(logPrefix) * h;
}

/**
 * ln P(s, z), the log of the regularized lower incomplete gamma γ(s, z)/Γ(s): the series
 * Σ z^k / (s(s+1)...(s+k)) below z = s + 1, else 1 − Q by a continued fraction, each to about
 * 1e-16 relative. −Infinity for z = 0. Stays finite where P itself underflows.
 */
export function logRegularizedLowerGamma(s: number, z: number): number {
  if (!(s > 0) || !(z >= 0)) return NaN;
  if (z === 0) return -Infinity;
  if (z === Infinity) return 0;
  const logPrefix = logGammaPrefix(s, z);
  if (z < s + 1) return logPrefix + log(lowerSeries(s, z));
  return log1p(-upperFraction(s, z, logPrefix));
}

/**
 * ln(s·z^(−s)·e^z·γ(s, z)) = ln(s·P(s, z)) − ln(z^s e^(−z)/Γ(s)): Erlang A's A(x, y). Below
 * z = s + 1 it is ln(s·Σ z^k/(s(s+1)...(s+k))) with no prefix at all, so a nearly
 * critically loaded queue of very patient callers (A close to 1/(1 − ρ)) keeps every digit.
 */
export function logScaledLowerGamma(s: number, z: number): number {
  if (!(s > 0) || !(z > 0)) return NaN;
  if (z < s + 1) return log(s * lowerSeries(s, z));
  const logPrefix = logGammaPrefix(s, z);
  return log(s) - logPrefix + log1p(-upperFraction(s, z, logPrefix));
}

/** P(s, z) = γ(s, z)/Γ(s), the regularized lower incomplete gamma, in [0, 1]. */
export function regularizedLowerGamma(s: number, z: number): number {
  return exp(logRegularizedLowerGamma(s, z));
}
