/**
 * The state space of a small Markovian control room: one pool of `handlers` serving K queues
 * (classes), Poisson arrivals, exponential handling and exponential patience per class, a
 * non-preemptive queue-selection policy that looks only at queue lengths and free handlers. A
 * state is (callers in service per class, callers waiting per class) after every free handler
 * that the policy lets work has taken a caller; each queue is truncated at `maxQueue` (an arrival
 * finding it full is counted as lost, and the oracle reports that probability so a user can
 * check it is negligible).
 */

/** One class of callers; rates per second (or any one time unit used throughout). */
export interface CtmcClass {
  arrivalRate: number;
  /** 1 / mean handle time. */
  serviceRate: number;
  /** 1 / mean patience; 0 when callers never abandon. */
  abandonRate: number;
  /** Service-level target in the rates' time unit. */
  targetSeconds: number;
}

/**
 * Policies that are Markovian in (busy, waiting): strict priority in class order (class 0 first),
 * and callsim's `reserve`: strict priority, but classes other than `protectedClass` are served
 * only while more than `keep` handlers are free (the deciding one included).
 */
export type CtmcPolicy = { kind: 'strictPriority' } | { kind: 'reserve'; protectedClass: number; keep: number };

export interface CtmcSystem {
  handlers: number;
  /** In priority order: class 0 is served first. */
  classes: readonly CtmcClass[];
  policy: CtmcPolicy;
  /** Truncation of each queue (callers waiting); default 60. */
  maxQueue?: number;
}

/** A state: busy[k] then waiting[k] for each class, packed in one array. */
export type State = Int32Array;

/** The queue a free handler takes next under the policy, or -1 (mirrors src/policies/queue-selection.ts). */
export function pickClass(system: CtmcSystem, waiting: (k: number) => number, free: number): number {
  const K = system.classes.length;
  const policy = system.policy;
  for (let k = 0; k < K; k++) {
    if (policy.kind === 'reserve' && k !== policy.protectedClass && free <= policy.keep) continue;
    if (waiting(k) > 0) return k;
  }
  return -1;
}

/** Let free handlers take callers while the policy allows; `s` is changed in place. */
export function settle(system: CtmcSystem, s: State): void {
  const K = system.classes.length;
  for (;;) {
    let busy = 0;
    for (let k = 0; k < K; k++) busy += s[k];
    const free = system.handlers - busy;
    if (free <= 0) return;
    const k = pickClass(system, (j) => s[K + j], free);
    if (k < 0) return;
    s[K + k]--;
    s[k]++;
  }
}

/** The reachable states and transitions of the chain, found breadth first from the empty room. */
export interface CtmcSpace {
  states: State[];
  /** Outgoing transitions per state: target index and rate. */
  targets: Int32Array[];
  rates: Float64Array[];
  /** Total outgoing rate per state. */
  outRate: Float64Array;
}

export function validateSystem(system: CtmcSystem): void {
  if (!(Number.isInteger(system.handlers) && system.handlers >= 1)) throw new RangeError(`handlers must be a whole number >= 1, got ${system.handlers}`);
  if (system.classes.length < 1) throw new RangeError('at least one class is needed');
  system.classes.forEach((c, k) => {
    if (!(c.arrivalRate > 0)) throw new RangeError(`classes[${k}].arrivalRate must be > 0, got ${c.arrivalRate}`);
    if (!(c.serviceRate > 0)) throw new RangeError(`classes[${k}].serviceRate must be > 0, got ${c.serviceRate}`);
    if (!(c.abandonRate >= 0)) throw new RangeError(`classes[${k}].abandonRate must be >= 0, got ${c.abandonRate}`);
    if (!(c.targetSeconds >= 0)) throw new RangeError(`classes[${k}].targetSeconds must be >= 0, got ${c.targetSeconds}`);
  });
  const p = system.policy;
  if (p.kind === 'reserve' && !(Number.isInteger(p.protectedClass) && p.protectedClass >= 0 && p.protectedClass < system.classes.length)) {
    throw new RangeError(`policy.protectedClass must index a class, got ${p.protectedClass}`);
  }
  if (p.kind === 'reserve' && !(Number.isInteger(p.keep) && p.keep >= 0)) throw new RangeError(`policy.keep must be a whole number >= 0, got ${p.keep}`);
}

export function buildSpace(system: CtmcSystem): CtmcSpace {
  validateSystem(system);
  const K = system.classes.length;
  const maxQueue = system.maxQueue ?? 60;
  const index = new Map<string, number>();
  const states: State[] = [];
  const targets: Int32Array[] = [];
  const rates: Float64Array[] = [];
  const key = (s: State): string => s.join(',');
  const add = (s: State): number => {
    const k = key(s);
    let i = index.get(k);
    if (i === undefined) {
      i = states.length;
      index.set(k, i);
      states.push(s);
    }
    return i;
  };
  add(new Int32Array(2 * K));
  for (let i = 0; i < states.length; i++) {
    const s = states[i];
    const out = new Map<number, number>();
    const go = (next: State, rate: number): void => {
      if (rate <= 0) return;
      const j = add(next);
      out.set(j, (out.get(j) ?? 0) + rate);
    };
    for (let k = 0; k < K; k++) {
      const c = system.classes[k];
      if (s[K + k] < maxQueue) {
        const next = s.slice();
        next[K + k]++;
        settle(system, next);
        go(next, c.arrivalRate);
      }
      if (s[k] > 0) {
        const next = s.slice();
        next[k]--;
        settle(system, next);
        go(next, s[k] * c.serviceRate);
      }
      if (s[K + k] > 0 && c.abandonRate > 0) {
        const next = s.slice();
        next[K + k]--;
        go(next, s[K + k] * c.abandonRate);
      }
    }
    targets.push(Int32Array.from(out.keys()));
    rates.push(Float64Array.from(out.values()));
  }
  const outRate = Float64Array.from(rates, (r) => r.reduce((a, b) => a + b, 0));
  return { states, targets, rates, outRate };
}
