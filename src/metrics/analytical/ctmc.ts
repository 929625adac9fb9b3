import { buildSpace, pickClass, settle, validateSystem, type CtmcSystem, type State } from './ctmc-space.js';
import { absorbing, incoming, stationary } from './ctmc-solve.js';

export type { CtmcClass, CtmcPolicy, CtmcSystem } from './ctmc-space.js';

/** Exact figures for one class (queue) of a small Markovian control room. */
export interface CtmcClassFigures {
  /** An arrival is not taken at once (PASTA over the stationary distribution). */
  waitProbability: number;
  /** Share of arrivals who abandon: θ·E[waiting] / λ. */
  abandonProbability: number;
  /** The same share from the tagged caller's chain (a check on both computations). */
  abandonProbabilityTagged: number;
  /** Share of arrivals answered within the target (abandoners count as not answered). */
  serviceLevel: number;
  /** Mean time in queue over all arrivals, abandoners included (Little: E[waiting] / λ). */
  meanWaitAll: number;
  /** Mean wait of answered callers (zero waits included). */
  meanWaitAnswered: number;
  /** Time-average number waiting. */
  meanWaiting: number;
  /** Share of arrivals lost because the truncated queue was full: must be negligible. */
  lossProbability: number;
}

export interface CtmcFigures {
  classes: CtmcClassFigures[];
  /** Time-average busy handlers / handlers. */
  occupancy: number;
  states: number;
  /** Relative residual of the balance equations at the solution. */
  residual: number;
}

/**
 * Exact stationary figures of a small Markovian control room (see ctmc-space.ts): the chain's
 * stationary distribution by Gauss-Seidel, P(wait), abandonment and mean waits by PASTA and
 * Little's law, and the service level and answered callers' mean wait by the tagged-caller method:
 * a caller who must wait is followed through an absorbing chain (the room's state with the callers
 * ahead of them in their queue) until answered or abandoned; P(answered within t) comes from that
 * chain by uniformization, the mean wait from its linear equations.
 */
export function ctmcFigures(system: CtmcSystem, tolerance = 1e-12): CtmcFigures {
  validateSystem(system);
  const space = buildSpace(system);
  const { pi, residual } = stationary(incoming(space.targets, space.rates), space.outRate, tolerance);
  const K = system.classes.length;
  let busy = 0;
  space.states.forEach((s, i) => {
    for (let k = 0; k < K; k++) busy += pi[i] * s[k];
  });
  const classes = system.classes.map((_, k) => classFigures(system, space.states, pi, k, tolerance));
  return { classes, occupancy: busy / system.handlers, states: space.states.length, residual };
}

function classFigures(system: CtmcSystem, states: readonly State[], pi: Float64Array, k: number, tolerance: number): CtmcClassFigures {
  const K = system.classes.length;
  const c = system.classes[k];
  const maxQueue = system.maxQueue ?? 60;
  let meanWaiting = 0;
  let lost = 0;
  let immediate = 0;
  const initial = new Map<string, { state: State; p: number }>();
  states.forEach((s, i) => {
    meanWaiting += pi[i] * s[K + k];
    if (s[K + k] >= maxQueue) {
      lost += pi[i];
      return;
    }
    const next = s.slice();
    next[K + k]++;
    settle(system, next);
    if (next[K + k] === s[K + k]) {
      immediate += pi[i];
      return;
    }
    const key = s.join(',');
    const entry = initial.get(key);
    if (entry) entry.p += pi[i];
    else initial.set(key, { state: s.slice(), p: pi[i] });
  });
  const tagged = taggedChain(system, k, [...initial.values()].map((e) => e.state));
  const p0 = new Float64Array(tagged.states.length);
  [...initial.values()].forEach((e, i) => (p0[i] = e.p));
  const n = tagged.states.length;
  const servedB = Float64Array.from(tagged.servedRate, (r, i) => r / tagged.outRate[i]);
  const served = absorbing(tagged.targets, tagged.rates, tagged.outRate, servedB, tolerance);
  const m = absorbing(tagged.targets, tagged.rates, tagged.outRate, Float64Array.from(served, (r, i) => r / tagged.outRate[i]), tolerance);
  let servedAfterWait = 0;
  let waitServed = 0;
  for (let i = 0; i < n; i++) {
    servedAfterWait += p0[i] * served[i];
    waitServed += p0[i] * m[i];
  }
  const waitProbability = 1 - immediate;
  const abandonTagged = waitProbability - lost - servedAfterWait;
  const answered = immediate + servedAfterWait;
  return {
    waitProbability,
    abandonProbability: (c.abandonRate * meanWaiting) / c.arrivalRate,
    abandonProbabilityTagged: abandonTagged,
    serviceLevel: immediate + servedWithin(tagged, p0, c.targetSeconds),
    meanWaitAll: meanWaiting / c.arrivalRate,
    meanWaitAnswered: waitServed / answered,
    meanWaiting,
    lossProbability: lost,
  };
}

interface TaggedChain {
  /** (busy per class, waiting per class) with the tagged class's entry holding the callers AHEAD of the tagged caller. */
  states: State[];
  targets: Int32Array[];
  rates: Float64Array[];
  servedRate: Float64Array;
  outRate: Float64Array;
}

/**
 * Let free handlers work while the tagged caller of class k waits (k's queue is never empty: the
 * callers ahead plus the tagged one). Returns true when the tagged caller is taken.
 */
function settleTagged(system: CtmcSystem, s: State, k: number): boolean {
  const K = system.classes.length;
  for (;;) {
    let busy = 0;
    for (let j = 0; j < K; j++) busy += s[j];
    const free = system.handlers - busy;
    if (free <= 0) return false;
    const j = pickClass(system, (i) => (i === k ? s[K + i] + 1 : s[K + i]), free);
    if (j < 0) return false;
    if (j === k && s[K + k] === 0) return true;
    s[K + j]--;
    s[j]++;
  }
}

function taggedChain(system: CtmcSystem, k: number, starts: readonly State[]): TaggedChain {
  const K = system.classes.length;
  const maxQueue = system.maxQueue ?? 60;
  const index = new Map<string, number>();
  const states: State[] = [];
  const add = (s: State): number => {
    const key = s.join(',');
    let i = index.get(key);
    if (i === undefined) {
      i = states.length;
      index.set(key, i);
      states.push(s);
    }
    return i;
  };
  starts.forEach(add);
  const targets: Int32Array[] = [];
  const rates: Float64Array[] = [];
  const servedRate: number[] = [];
  const outRate: number[] = [];
  for (let i = 0; i < states.length; i++) {
    const s = states[i];
    const out = new Map<number, number>();
    let toServed = 0;
    let total = 0;
    const go = (next: State, rate: number, settleAfter: boolean): void => {
      if (rate <= 0) return;
      total += rate;
      if (settleAfter && settleTagged(system, next, k)) toServed += rate;
      else {
        const j = add(next);
        out.set(j, (out.get(j) ?? 0) + rate);
      }
    };
    for (let j = 0; j < K; j++) {
      const cj = system.classes[j];
      if (j !== k && s[K + j] < maxQueue) {
        const next = s.slice();
        next[K + j]++;
        go(next, cj.arrivalRate, true);
      }
      if (s[j] > 0) {
        const next = s.slice();
        next[j]--;
        go(next, s[j] * cj.serviceRate, true);
      }
      if (s[K + j] > 0 && cj.abandonRate > 0) {
        const next = s.slice();
        next[K + j]--;
        go(next, s[K + j] * cj.abandonRate, false);
      }
    }
    // The tagged caller's own patience: absorption as abandoned.
    total += system.classes[k].abandonRate;
    targets.push(Int32Array.from(out.keys()));
    rates.push(Float64Array.from(out.values()));
    servedRate.push(toServed);
    outRate.push(total);
  }
  return { states, targets, rates, servedRate: Float64Array.from(servedRate), outRate: Float64Array.from(outRate) };
}

/** Σ_i p0_i·P(the tagged caller starting in i is answered within t), by uniformization. */
function servedWithin(chain: TaggedChain, p0: Float64Array, t: number): number {
  const n = p0.length;
  if (n === 0 || t === 0) return 0;
  let lambda = 0;
  for (const r of chain.outRate) lambda = Math.max(lambda, r);
  const lt = lambda * t;
  // Poisson(lt) weights, from the mode outwards in logarithms; truncate when the tail is below 1e-14.
  const steps = Math.ceil(lt + 12 * Math.sqrt(lt) + 40);
  const logW = (j: number): number => -lt + j * Math.log(lt) - logFactorial(j);
  let p = Float64Array.from(p0);
  let next = new Float64Array(n);
  let absorbed = 0;
  let result = 0;
  let weightSum = 0;
  for (let j = 0; j <= steps; j++) {
    const w = Math.exp(logW(j));
    result += w * absorbed;
    weightSum += w;
    next.fill(0);
    for (let i = 0; i < n; i++) {
      const pi = p[i];
      if (pi === 0) continue;
      absorbed += (pi * chain.servedRate[i]) / lambda;
      next[i] += pi * (1 - chain.outRate[i] / lambda);
      const tg = chain.targets[i];
      const r = chain.rates[i];
      for (let e = 0; e < tg.length; e++) next[tg[e]] += (pi * r[e]) / lambda;
    }
    [p, next] = [next, p];
  }
  if (1 - weightSum > 1e-10) throw new Error(`CTMC oracle: uniformization truncated with Poisson mass ${1 - weightSum} left`);
  return result;
}

const logFactorials: number[] = [0];
function logFactorial(j: number): number {
  for (let i = logFactorials.length; i <= j; i++) logFactorials.push(logFactorials[i - 1] + Math.log(i));
  return logFactorials[j];
}
