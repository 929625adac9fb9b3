/**
 * Time-of-day figures of an M/M/c+M queue whose headcount changes at stated instants of a repeating
 * period (a day): the chain of ctmc-roster.ts (busy handlers, callers waiting; callsim's roster rule)
 * carried through each piece of the period by uniformization, period after period until it repeats,
 * with the exact time integrals of its distribution over each reporting interval. Poisson arrivals
 * see time averages within an interval as over the day, so the expected number of arrivals in an
 * interval who find no handler free is λ∫P(busy ≥ c(t)) dt, and its expected abandonments θ∫E[waiting] dt.
 * Whole-day figures hide when a change happens (late rises and late falls cancel); these do not.
 */
import { rosterStep, step, uniformize, type QueueRates } from './ctmc-roster.js';

/** From `atSeconds` into the period the headcount is `headcount`. */
export interface RosterChange {
  atSeconds: number;
  headcount: number;
}

export interface PeriodicRosterQueue extends QueueRates {
  periodSeconds: number;
  /** Changes within [0, period); before the first, the last change's headcount holds (the period repeats). */
  changes: readonly RosterChange[];
  /** Length of each reporting interval; a whole number of them makes the period. */
  intervalSeconds: number;
  /** Callers waiting beyond this are lost (truncation; `truncationMass` says whether it matters). */
  maxQueue?: number;
}

export interface IntervalFigures {
  fromSeconds: number;
  toSeconds: number;
  /** Expected arrivals in the interval who find no rostered handler free. */
  arrivalsWaiting: number;
  /** Expected abandonments in the interval. */
  abandonments: number;
  /** Time-average number waiting over the interval. */
  meanWaiting: number;
  /** Time-average busy handlers (those finishing a call after a fall of the roster included). */
  meanBusy: number;
}

export interface PeriodicFigures {
  intervals: IntervalFigures[];
  /** Probability of a full truncated queue, maximum over the piece ends of the last period: must be negligible. */
  truncationMass: number;
  periods: number;
}

/** The changes of a 24-hour roster given by hour of day: hour 0, then each hour whose headcount differs from the hour before. */
export function hourlyChanges(hourlyHeadcount: readonly number[]): RosterChange[] {
  return hourlyHeadcount
    .map((headcount, hour) => ({ atSeconds: hour * 3600, headcount }))
    .filter((c, hour) => hourlyHeadcount[(hour + 23) % 24] !== c.headcount || hour === 0);
}

export function periodicIntervalFigures(q: PeriodicRosterQueue, tolerance = 1e-10, maxPeriods = 100): PeriodicFigures {
  const { periodSeconds: period, intervalSeconds: interval } = q;
  if (!(q.arrivalRate > 0 && q.serviceRate > 0 && q.abandonRate > 0)) throw new RangeError('arrivalRate, serviceRate and abandonRate must be > 0');
  if (!(period > 0 && interval > 0 && Number.isInteger(period / interval))) throw new RangeError('intervalSeconds must divide periodSeconds (both > 0)');
  if (q.changes.length === 0) throw new RangeError('changes must hold at least one headcount');
  q.changes.forEach((c, i) => {
    if (!(c.atSeconds >= 0 && c.atSeconds < period)) throw new RangeError(`changes[${i}].atSeconds must lie in [0, periodSeconds)`);
    if (!(Number.isInteger(c.headcount) && c.headcount >= 0)) throw new RangeError(`changes[${i}].headcount must be a whole number >= 0`);
  });
  const changes = [...q.changes].sort((a, b) => a.atSeconds - b.atSeconds);
  const headcountAt = (t: number): number => {
    let c = changes[changes.length - 1].headcount;
    for (const change of changes) if (change.atSeconds <= t) c = change.headcount;
    return c;
  };
  const count = period / interval;
  const cuts = [...new Set([...changes.map((c) => c.atSeconds), ...Array.from({ length: count + 1 }, (_, k) => k * interval)])].sort((a, b) => a - b);
  const N = q.maxQueue ?? 60;
  const cMax = Math.max(...changes.map((c) => c.headcount));
  const W = N + 1;
  const n = (cMax + 1) * W;
  const lambdaMax = q.arrivalRate + cMax * q.serviceRate + N * q.abandonRate;
  let p: Float64Array = new Float64Array(n);
  p[0] = 1;
  for (let periods = 1; periods <= maxPeriods; periods++) {
    const start = Float64Array.from(p);
    const waiting = new Float64Array(count); // ∫ P(an arrival finds no handler free) dt
    const queue = new Float64Array(count); // ∫ E[waiting] dt
    const busy = new Float64Array(count); // ∫ E[busy] dt
    let truncation = 0;
    for (let k = 0; k + 1 < cuts.length; k++) {
      const c = headcountAt(cuts[k]);
      const slot = Math.floor(cuts[k] / interval);
      // At a change new handlers take waiting callers at once; after a fall busy ones stay to finish.
      p = rosterStep(p, c, cMax, W);
      const integral = new Float64Array(n);
      p = uniformize(p, cuts[k + 1] - cuts[k], lambdaMax, (from, to) => step(from, to, c, q, cMax, W, lambdaMax), integral);
      // Renormalize: thousands of jumps add rounding of order 1e-13 to the total.
      const total = p.reduce((a, x) => a + x, 0);
      for (let i = 0; i < n; i++) p[i] /= total;
      for (let b = 0; b <= cMax; b++) {
        for (let w = 0; w <= N; w++) {
          const m = integral[b * W + w];
          if (b >= c) waiting[slot] += m;
          queue[slot] += w * m;
          busy[slot] += b * m;
        }
        truncation = Math.max(truncation, p[b * W + N]);
      }
    }
    let change = 0;
    for (let i = 0; i < n; i++) change += Math.abs(p[i] - start[i]);
    if (change < tolerance) {
      const intervals = Array.from(waiting, (_, k) => ({
        fromSeconds: k * interval,
        toSeconds: (k + 1) * interval,
        arrivalsWaiting: q.arrivalRate * waiting[k],
        abandonments: q.abandonRate * queue[k],
        meanWaiting: queue[k] / interval,
        meanBusy: busy[k] / interval,
      }));
      return { intervals, truncationMass: truncation, periods };
    }
  }
  throw new Error(`periodic roster oracle: the period did not repeat within ${maxPeriods} periods`);
}
