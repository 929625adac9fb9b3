import type { RosterQueue } from './ctmc-roster.js';

/**
 * The tagged caller of the roster oracle: a caller who arrives to find every rostered handler busy
 * is followed through the chain (busy handlers, callers ahead of them) until answered or gone.
 * Callers behind do not matter (first come, first served). Under a headcount c:
 * - a call ends at rate b·μ: when b <= c the handler takes the next caller (the tagged one when
 *   nobody is ahead), else the handler leaves (the roster has fallen below the busy count);
 * - each caller ahead abandons at rate θ, and so does the tagged caller (then never answered).
 * Vectors are indexed like the room's chain, b·W + j.
 */

/**
 * E[1{answered within `seconds`} + 1{still waiting at the end}·terminal] from each state, for a
 * headcount held constant, by uniformization run backwards (u ← P·u). `terminal` null means 0.
 */
export function servedWithinVector(q: RosterQueue, c: number, cMax: number, W: number, seconds: number, terminal: Float64Array | null): Float64Array {
  const n = (cMax + 1) * W;
  const N = W - 1;
  let u = terminal === null ? new Float64Array(n) : Float64Array.from(terminal);
  if (seconds === 0) return u;
  const lambda = cMax * q.serviceRate + (N + 1) * q.abandonRate;
  const lt = lambda * seconds;
  const steps = Math.ceil(lt + 12 * Math.sqrt(lt) + 40);
  const result = new Float64Array(n);
  let next = new Float64Array(n);
  let logW = -lt;
  let cumulative = 0;
  for (let k = 0; k <= steps; k++) {
    const w = Math.exp(logW);
    cumulative += w;
    for (let i = 0; i < n; i++) result[i] += w * u[i];
    for (let b = 0; b <= cMax; b++) {
      for (let j = 0; j <= N; j++) {
        const i = b * W + j;
        const end = b * q.serviceRate;
        // The value reached when a call ends: served (1), one fewer ahead, or one fewer busy.
        const afterEnd = b === 0 ? 0 : b <= c ? (j === 0 ? 1 : u[i - 1]) : u[i - W];
        const ahead = j * q.abandonRate;
        const out = end + ahead + q.abandonRate;
        next[i] = (end * afterEnd + ahead * (j > 0 ? u[i - 1] : 0) + (lambda - out) * u[i]) / lambda;
      }
    }
    [u, next] = [next, u];
    logW += Math.log(lt) - Math.log(k + 1);
  }
  if (1 - cumulative > 1e-10) throw new Error(`roster oracle: uniformization truncated with Poisson mass ${1 - cumulative} left`);
  return result;
}

/**
 * P(answered within the window) for a caller arriving `beforeSeconds` ahead of a roster change from
 * c to `cNext`, whose window runs on `afterSeconds` past it. At the change new handlers take
 * waiting callers in order (the tagged one too, if enough come), as the room does.
 */
export function taggedAtChange(q: RosterQueue, c: number, cNext: number, cMax: number, W: number, beforeSeconds: number, afterSeconds: number): Float64Array {
  const after = servedWithinVector(q, cNext, cMax, W, afterSeconds, null);
  const atChange = new Float64Array(after.length);
  for (let b = 0; b <= cMax; b++) {
    for (let j = 0; j < W; j++) {
      const free = Math.max(0, cNext - b);
      atChange[b * W + j] = free > j ? 1 : after[(b + free) * W + (j - free)];
    }
  }
  return servedWithinVector(q, c, cMax, W, beforeSeconds, atChange);
}

/** Nodes and weights of m-point Gauss-Legendre quadrature on [−1, 1] (Newton on the Legendre recurrence). */
export function gaussLegendre(m: number): { x: number; weight: number }[] {
  const out: { x: number; weight: number }[] = [];
  for (let i = 1; i <= m; i++) {
    let x = Math.cos((Math.PI * (i - 0.25)) / (m + 0.5));
    let derivative = 0;
    for (let iteration = 0; iteration < 100; iteration++) {
      let p0 = 1;
      let p1 = x;
      for (let k = 2; k <= m; k++) {
        const p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      // p1 = P_m(x), p0 = P_{m−1}(x).
      derivative = (m * (x * p1 - p0)) / (x * x - 1);
      const dx = p1 / derivative;
      x -= dx;
      if (Math.abs(dx) < 1e-15) break;
    }
    out.push({ x, weight: 2 / ((1 - x * x) * derivative * derivative) });
  }
  return out;
}
