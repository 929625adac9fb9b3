import type { RandomStream } from './random.js';
import { SpecError } from './spec-error.js';
import { exp, log, sin } from './portable-math.js';

/** A non-negative random duration or quantity. */
export interface Distribution {
  /** The distribution's mean. */
  readonly mean: number;
  /** The distribution's variance. */
  readonly variance: number;
  /** One draw: always finite and >= 0. */
  sample(stream: RandomStream): number;
}

/** The plain-data form written in scenarios (DESIGN.md section 5). */
export type DistributionSpec =
  | { fixed: number }
  | { exponential: { mean: number } }
  | { lognormal: { mean: number; cv: number } }
  | { gamma: { mean: number; cv: number } }
  | { weibull: { shape: number; scale: number } }
  | { uniform: [number, number] }
  | { triangular: [number, number, number] }
  | { empirical: number[] }
  | { mixture: MixtureComponentSpec[] };

export type MixtureComponentSpec = { weight: number } & DistributionSpec;

export const DISTRIBUTION_KINDS = [
  'fixed', 'exponential', 'lognormal', 'gamma', 'weibull', 'uniform', 'triangular', 'empirical', 'mixture',
] as const;
export type DistributionKind = (typeof DISTRIBUTION_KINDS)[number];

function requireNumber(value: unknown, path: string, what: string, test: (x: number) => boolean): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || !test(value)) {
    throw new SpecError(path, `expected ${what}, found ${JSON.stringify(value)}`);
  }
  return value;
}
const positive = (x: number): boolean => x > 0;
const nonNegative = (x: number): boolean => x >= 0;

export class Fixed implements Distribution {
  readonly variance = 0;
  constructor(readonly mean: number) {}
  sample(): number {
    return this.mean;
  }
}

export class Exponential implements Distribution {
  readonly variance: number;
  constructor(readonly mean: number) {
    this.variance = mean * mean;
  }
  sample(stream: RandomStream): number {
    return -this.mean * stream.logUniformPositive();
  }
}

/** Lognormal given by its own mean and coefficient of variation (not the normal's mu, sigma). */
export class Lognormal implements Distribution {
  readonly variance: number;
  private readonly mu: number;
  private readonly sigma: number;
  constructor(readonly mean: number, readonly cv: number) {
    const sigma2 = log(1 + cv * cv);
    this.sigma = Math.sqrt(sigma2);
    this.mu = log(mean) - sigma2 / 2;
    this.variance = (mean * cv) ** 2;
  }
  sample(stream: RandomStream): number {
    return this.ofNormal(stream.normal());
  }

  /** The lognormal value of a standard normal `z`: what `sample` returns for the stream's next normal. */
  ofNormal(z: number): number {
    return exp(this.mu + this.sigma * z);
  }
}

/** Gamma given by mean and cv (shape = 1/cv^2); Marsaglia and Tsang's method. */
export class Gamma implements Distribution {
  readonly variance: number;
  private readonly shape: number;
  private readonly scale: number;
  private readonly d: number;
  private readonly c: number;
  constructor(readonly mean: number, readonly cv: number) {
    this.shape = 1 / (cv * cv);
    this.scale = mean / this.shape;
    this.variance = (mean * cv) ** 2;
    // For shape < 1 draw with shape + 1 and multiply by U^(1/shape).
    const a = this.shape < 1 ? this.shape + 1 : this.shape;
    this.d = a - 1 / 3;
    this.c = 1 / Math.sqrt(9 * this.d);
  }
  sample(stream: RandomStream): number {
    const { d, c } = this;
    let value: number;
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = stream.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = stream.uniformPositive();
      if (u < 1 - 0.0331 * x * x * x * x || log(u) < 0.5 * x * x + d * (1 - v + log(v))) {
        value = d * v;
        break;
      }
    }
    if (this.shape < 1) value *= Math.pow(stream.uniformPositive(), 1 / this.shape);
    return value * this.scale;
  }
}

export class Weibull implements Distribution {
  readonly mean: number;
  readonly variance: number;
  private readonly inverseShape: number;
  constructor(readonly shape: number, readonly scale: number) {
    this.inverseShape = 1 / shape;
    const g1 = gammaFunction(1 + 1 / shape);
    const g2 = gammaFunction(1 + 2 / shape);
    this.mean = scale * g1;
    this.variance = scale * scale * (g2 - g1 * g1);
  }
  sample(stream: RandomStream): number {
    return this.scale * Math.pow(-stream.logUniformPositive(), this.inverseShape);
  }
}

export class Uniform implements Distribution {
  readonly mean: number;
  readonly variance: number;
  constructor(readonly low: number, readonly high: number) {
    this.mean = (low + high) / 2;
    this.variance = ((high - low) ** 2) / 12;
  }
  sample(stream: RandomStream): number {
    return this.low + (this.high - this.low) * stream.uniform();
  }
}

export class Triangular implements Distribution {
  readonly mean: number;
  readonly variance: number;
  private readonly split: number;
  constructor(readonly low: number, readonly mode: number, readonly high: number) {
    this.mean = (low + mode + high) / 3;
    this.variance = (low * low + mode * mode + high * high - low * mode - low * high - mode * high) / 18;
    this.split = high > low ? (mode - low) / (high - low) : 0;
  }
  sample(stream: RandomStream): number {
    const { low, mode, high } = this;
    const u = stream.uniform();
    // Scale-free forms (a product of three tiny widths underflows), clamped to [low, high]
    // because rounding can step just outside, which would make a zero lower bound negative.
    const x =
      u < this.split
        ? low + (high - low) * Math.sqrt(u * this.split)
        : high - (high - low) * Math.sqrt((1 - u) * (1 - this.split));
    return x < low ? low : x > high ? high : x;
  }
}

/** Resamples the given values with equal probability. */
export class Empirical implements Distribution {
  readonly mean: number;
  readonly variance: number;
  constructor(readonly values: readonly number[]) {
    let sum = 0;
    for (const v of values) sum += v;
    this.mean = sum / values.length;
    let squares = 0;
    for (const v of values) squares += (v - this.mean) ** 2;
    this.variance = squares / values.length;
  }
  sample(stream: RandomStream): number {
    return this.values[stream.index(this.values.length)];
  }
}

/** Picks a component by weight, then draws from it (for example, two patience groups). */
export class Mixture implements Distribution {
  readonly mean: number;
  readonly variance: number;
  private readonly cumulative: Float64Array;
  constructor(readonly components: readonly Distribution[], weights: readonly number[]) {
    const total = weights.reduce((a, b) => a + b, 0);
    this.cumulative = new Float64Array(weights.length);
    let acc = 0;
    let mean = 0;
    let second = 0;
    for (let i = 0; i < weights.length; i++) {
      const w = weights[i] / total;
      acc += w;
      this.cumulative[i] = acc;
      mean += w * components[i].mean;
      second += w * (components[i].variance + components[i].mean ** 2);
    }
    this.cumulative[weights.length - 1] = 1;
    this.mean = mean;
    this.variance = second - mean * mean;
  }
  sample(stream: RandomStream): number {
    const u = stream.uniform();
    const cumulative = this.cumulative;
    let i = 0;
    while (u >= cumulative[i]) i++;
    return this.components[i].sample(stream);
  }
}

/**
 * Build a distribution from its scenario form, checking every parameter. `path` names the field
 * in the scenario so errors point at it. A bare non-negative number means `fixed`.
 */
export function makeDistribution(spec: unknown, path = ''): Distribution {
  const distribution = makeUnchecked(spec, path);
  // Parameters each valid alone can still overflow (Weibull shape 0.001 has mean Gamma(1001) and
  // draws scale * E^1000; lognormal mean 1e300 with cv 10 has an infinite variance): refuse them,
  // so a distribution's mean, variance and draws are always finite.
  if (!Number.isFinite(distribution.mean) || !Number.isFinite(distribution.variance)) {
    const kind = Object.keys(spec as object).find((k) => k !== 'weight') ?? '';
    throw new SpecError(path ? `${path}.${kind}` : kind, `expected parameters giving a finite mean and variance, found mean ${distribution.mean} and variance ${distribution.variance}`);
  }
  return distribution;
}

function makeUnchecked(spec: unknown, path: string): Distribution {
  const at = (k: string): string => (path ? `${path}.${k}` : k);
  if (typeof spec === 'number') return new Fixed(requireNumber(spec, path, 'a non-negative number', nonNegative));
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) {
    throw new SpecError(path, `expected a distribution such as { exponential: { mean: 60 } }, found ${JSON.stringify(spec)}`);
  }
  const record = spec as Record<string, unknown>;
  const kinds = Object.keys(record).filter((k) => k !== 'weight');
  if (kinds.length !== 1 || !(DISTRIBUTION_KINDS as readonly string[]).includes(kinds[0])) {
    throw new SpecError(path, `expected exactly one of ${DISTRIBUTION_KINDS.join(', ')}, found ${kinds.length ? kinds.join(', ') : 'none'}`);
  }
  const kind = kinds[0] as DistributionKind;
  const p = record[kind];
  const field = (name: string): unknown => (p !== null && typeof p === 'object' && !Array.isArray(p) ? (p as Record<string, unknown>)[name] : undefined);
  const tuple = (n: number): number[] => {
    if (!Array.isArray(p) || p.length !== n) throw new SpecError(at(kind), `expected a list of ${n} numbers, found ${JSON.stringify(p)}`);
    return p.map((x, i) => requireNumber(x, `${at(kind)}[${i}]`, 'a non-negative number', nonNegative));
  };
  switch (kind) {
    case 'fixed':
      return new Fixed(requireNumber(p, at(kind), 'a non-negative number', nonNegative));
    case 'exponential':
      return new Exponential(requireNumber(field('mean'), at('exponential.mean'), 'a positive number', positive));
    case 'lognormal':
      return new Lognormal(
        requireNumber(field('mean'), at('lognormal.mean'), 'a positive number', positive),
        requireNumber(field('cv'), at('lognormal.cv'), 'a positive number', positive),
      );
    case 'gamma':
      return new Gamma(
        requireNumber(field('mean'), at('gamma.mean'), 'a positive number', positive),
        requireNumber(field('cv'), at('gamma.cv'), 'a positive number', positive),
      );
    case 'weibull':
      return new Weibull(
        requireNumber(field('shape'), at('weibull.shape'), 'a positive number', positive),
        requireNumber(field('scale'), at('weibull.scale'), 'a positive number', positive),
      );
    case 'uniform': {
      const [a, b] = tuple(2);
      if (b < a) throw new SpecError(at('uniform'), `expected [a, b] with a <= b, found [${a}, ${b}]`);
      return new Uniform(a, b);
    }
    case 'triangular': {
      const [a, mode, b] = tuple(3);
      if (!(a <= mode && mode <= b)) throw new SpecError(at('triangular'), `expected [a, mode, b] with a <= mode <= b, found [${a}, ${mode}, ${b}]`);
      return new Triangular(a, mode, b);
    }
    case 'empirical': {
      if (!Array.isArray(p) || p.length === 0) throw new SpecError(at('empirical'), `expected a non-empty list of non-negative numbers, found ${JSON.stringify(p)}`);
      return new Empirical(p.map((x, i) => requireNumber(x, `${at('empirical')}[${i}]`, 'a non-negative number', nonNegative)));
    }
    case 'mixture': {
      if (!Array.isArray(p) || p.length === 0) throw new SpecError(at('mixture'), `expected a non-empty list of { weight, <distribution> }, found ${JSON.stringify(p)}`);
      const weights = p.map((c, i) => requireNumber((c as { weight?: unknown })?.weight, `${at('mixture')}[${i}].weight`, 'a positive number', positive));
      const components = p.map((c, i) => makeDistribution(c, `${at('mixture')}[${i}]`));
      return new Mixture(components, weights);
    }
  }
}

/** Gamma function (Lanczos approximation, g = 7), for the Weibull's moments. */
export function gammaFunction(z: number): number {
  if (z < 0.5) return Math.PI / (sin(Math.PI * z) * gammaFunction(1 - z));
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  const x = z - 1;
  let a = c[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (x + i);
  return Math.sqrt(2 * Math.PI) * Math.pow(t, x + 0.5) * exp(-t) * a;
}
