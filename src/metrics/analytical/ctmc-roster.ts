/**
 * Exact figures of an M/M/c+M queue whose headcount follows a daily roster (24 hourly headcounts),
 * with callsim's roster rule: when the headcount falls, idle handlers leave at once and busy ones
 * finish their call first; when it rises, new handlers take waiting callers at once. The state is
 * (busy, waiting), truncated at `maxQueue` waiting. The distribution is carried through each hour
 * by uniformization, day after day until the day repeats (periodic steady state), and the time
 * integrals that give the figures are accumulated exactly within the same sums:
 * ∫₀^τ p(s) ds = (1/Λ)·Σₙ pₙ·P(Poisson(Λτ) > n).
 * The service level follows a tagged caller (roster-service-level.ts).
 */
import { gaussLegendre, servedWithinVector, taggedAtChange } from './roster-service-level.js';

/** The rates of an M/M/c+M queue, per second. */
export interface QueueRates {
  arrivalRate: number;
  serviceRate: number;
  /** 1 / mean patience (> 0). */
  abandonRate: number;
}

export interface RosterQueue extends QueueRates {
  /** Headcount for each hour of the day, 0-23. */
  hourlyHeadcount: readonly number[];
  maxQueue?: number;
  /** Service-level target (answered within this many seconds, < 3600); 0 when absent. */
  targetSeconds?: number;
}

export interface RosterFigures {
  /** Share of arrivals (over the day) that find no handler free to take them (PASTA). */
  waitProbability: number;
  /** Share of arrivals who abandon: ∫θ·E[waiting] dt / (λ·day). */
  abandonProbability: number;
  /** Share of arrivals answered within `targetSeconds` (abandoners count as not answered). */
  serviceLevel: number;
  /** Mean time in queue over all arrivals (Little over the day). */
  meanWaitAll: number;
  /** Probability mass at the truncation, maximum over the day: must be negligible. */
  truncationMass: number;
  days: number;
}

export function rosterFigures(q: RosterQueue, tolerance = 1e-10): RosterFigures {
  if (q.hourlyHeadcount.length !== 24 || q.hourlyHeadcount.some((c) => !(Number.isInteger(c) && c >= 0))) {
    throw new RangeError('hourlyHeadcount must be 24 whole numbers >= 0');
  }
  if (!(q.arrivalRate > 0 && q.serviceRate > 0 && q.abandonRate > 0)) throw new RangeError('arrivalRate, serviceRate and abandonRate must be > 0');
  const N = q.maxQueue ?? 60;
  const cMax = Math.max(...q.hourlyHeadcount);
  const W = N + 1;
  const n = (cMax + 1) * W;
  const at = (b: number, w: number): number => b * W + w;
  const lambdaMax = q.arrivalRate + cMax * q.serviceRate + N * q.abandonRate;
  const t = q.targetSeconds ?? 0;
  if (!(t >= 0 && t < 3600)) throw new RangeError('targetSeconds must be >= 0 and < 3600');
  const jumpFor = (c: number) => (from: Float64Array, to: Float64Array): void => step(from, to, c, q, cMax, W, lambdaMax);
  // P(a waiting caller is answered within t) by state, for each headcount held through the window.
  const within = new Map<number, Float64Array>();
  const withinFor = (c: number): Float64Array => {
    let v = within.get(c);
    if (v === undefined) {
      v = servedWithinVector(q, c, cMax, W, t, null);
      within.set(c, v);
    }
    return v;
  };
  const nodes = gaussLegendre(16);
  const atChange = new Map<string, Float64Array>();
  let p: Float64Array = new Float64Array(n);
  p[0] = 1;
  let figures: RosterFigures | undefined;
  for (let day = 1; day <= 200; day++) {
    const start = Float64Array.from(p);
    let waitTime = 0; // ∫ P(an arrival would wait) dt
    let queueTime = 0; // ∫ E[waiting] dt
    let answeredWithin = 0; // ∫ P(an arrival at s is answered within t) ds
    let truncation = 0;
    for (let hour = 0; hour < 24; hour++) {
      const c = q.hourlyHeadcount[hour];
      p = rosterStep(p, c, cMax, W);
      const integral = new Float64Array(n);
      // The hour in two parts: arrivals before 3600 − t see one headcount through their window;
      // later ones see the next hour's change, integrated by 16-point Gauss-Legendre over the last t.
      const early = new Float64Array(n);
      p = uniformize(p, 3600 - t, lambdaMax, jumpFor(c), early);
      const g = withinFor(c);
      for (let i = 0; i < n; i++) {
        integral[i] += early[i];
        answeredWithin += early[i] * (Math.floor(i / W) < c ? 1 : g[i]);
      }
      if (t > 0) {
        const next = q.hourlyHeadcount[(hour + 1) % 24];
        nodes.forEach(({ x, weight }, node) => {
          const u = (t * (1 + x)) / 2; // seconds after 3600 − t
          const pu = uniformize(p, u, lambdaMax, jumpFor(c), new Float64Array(n));
          const key = `${c},${next},${node}`;
          let gu = atChange.get(key);
          if (gu === undefined) {
            gu = taggedAtChange(q, c, next, cMax, W, t - u, u);
            atChange.set(key, gu);
          }
          let a = 0;
          for (let i = 0; i < n; i++) a += pu[i] * (Math.floor(i / W) < c ? 1 : gu[i]);
          answeredWithin += (weight * t * a) / 2;
        });
        p = uniformize(p, t, lambdaMax, jumpFor(c), integral);
      }
      // Renormalize: tens of thousands of jumps a day add rounding of order 1e-12 to the total.
      const total = p.reduce((a, x) => a + x, 0);
      for (let i = 0; i < n; i++) p[i] /= total;
      for (let b = 0; b <= cMax; b++) {
        for (let w = 0; w <= N; w++) {
          const m = integral[at(b, w)];
          if (b >= c) waitTime += m;
          queueTime += w * m;
        }
      }
      for (let b = 0; b <= cMax; b++) truncation = Math.max(truncation, p[at(b, N)]);
    }
    const dayLength = 24 * 3600;
    figures = {
      waitProbability: waitTime / dayLength,
      abandonProbability: (q.abandonRate * queueTime) / (q.arrivalRate * dayLength),
      serviceLevel: answeredWithin / dayLength,
      meanWaitAll: queueTime / (q.arrivalRate * dayLength),
      truncationMass: truncation,
      days: day,
    };
    let change = 0;
    for (let i = 0; i < n; i++) change += Math.abs(p[i] - start[i]);
    if (change < tolerance) return figures;
  }
  throw new Error('roster oracle: the day did not repeat within 200 days');
}

/** At a roster change: new handlers take waiting callers (busy ones over the headcount stay until their call ends). */
export function rosterStep(p: Float64Array, c: number, cMax: number, W: number): Float64Array {
  const out = new Float64Array(p.length);
  for (let b = 0; b <= cMax; b++) {
    for (let w = 0; w < W; w++) {
      const take = b < c ? Math.min(c - b, w) : 0;
      out[(b + take) * W + (w - take)] += p[b * W + w];
    }
  }
  return out;
}

/** One uniformized jump: to = from·P with P = I + Q/Λ, for headcount c. */
export function step(from: Float64Array, to: Float64Array, c: number, q: QueueRates, cMax: number, W: number, lambda: number): void {
  to.fill(0);
  const N = W - 1;
  for (let b = 0; b <= cMax; b++) {
    for (let w = 0; w <= N; w++) {
      const pi = from[b * W + w];
      if (pi === 0) continue;
      let out = 0;
      // Arrival: taken at once when a handler is free, else waits (lost at the truncation).
      if (b < c) {
        to[(b + 1) * W + w] += (pi * q.arrivalRate) / lambda;
        out += q.arrivalRate;
      } else if (w < N) {
        to[b * W + w + 1] += (pi * q.arrivalRate) / lambda;
        out += q.arrivalRate;
      }
      // A call ends: the handler takes the next caller unless the roster has gone below the busy count.
      if (b > 0) {
        const r = b * q.serviceRate;
        if (b - 1 < c && w > 0) to[b * W + w - 1] += (pi * r) / lambda;
        else to[(b - 1) * W + w] += (pi * r) / lambda;
        out += r;
      }
      if (w > 0) {
        const r = w * q.abandonRate;
        to[b * W + w - 1] += (pi * r) / lambda;
        out += r;
      }
      to[b * W + w] += pi * (1 - out / lambda);
    }
  }
}

/** Carry p through `seconds`, adding ∫ p(s) ds over the interval into `integral`. */
export function uniformize(p: Float64Array, seconds: number, lambda: number, jump: (from: Float64Array, to: Float64Array) => void, integral: Float64Array): Float64Array {
  const lt = lambda * seconds;
  const steps = Math.ceil(lt + 12 * Math.sqrt(lt) + 40);
  let current = Float64Array.from(p);
  let next = new Float64Array(p.length);
  const result = new Float64Array(p.length);
  // Poisson weights by recurrence from the log of the first, and the upper tail P(N > k).
  let logW = -lt;
  let cumulative = 0;
  for (let k = 0; k <= steps; k++) {
    const w = Math.exp(logW);
    cumulative += w;
    const tail = Math.max(0, 1 - cumulative);
    for (let i = 0; i < current.length; i++) {
      result[i] += w * current[i];
      integral[i] += (tail * current[i]) / lambda;
    }
    // Past the mode, stop once the Poisson mass left is negligible (the bound above is generous).
    if (k >= lt && tail < 1e-12) break;
    jump(current, next);
    [current, next] = [next, current];
    logW += Math.log(lt) - Math.log(k + 1);
  }
  if (1 - cumulative > 1e-10) throw new Error(`roster oracle: uniformization truncated with Poisson mass ${1 - cumulative} left`);
  return result;
}
