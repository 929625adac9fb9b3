/**
 * Erlang B and C (M/M/c, callers never abandon). `offeredLoad` a = λ/μ in erlangs; rates and
 * times in any one consistent unit. Formulas: VALIDATION.md.
 */

/** Blocking probability B(c, a), by the stable recursion B(k) = a·B(k−1) / (k + a·B(k−1)). */
export function erlangB(servers: number, offeredLoad: number): number {
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (offeredLoad * b) / (k + offeredLoad * b);
  return b;
}

/** Probability an arrival waits, C(c, a) (requires a < c). */
export function erlangC(servers: number, offeredLoad: number): number {
  if (!(offeredLoad < servers)) return 1;
  const b = erlangB(servers, offeredLoad);
  return (servers * b) / (servers - offeredLoad * (1 - b));
}

export interface MmcFigures {
  /** P(wait). */
  waitProbability: number;
  /** Mean wait over all callers. */
  meanWait: number;
  /** Share answered within `target`. */
  serviceLevel: number;
  occupancy: number;
}

/** M/M/c figures for arrival rate λ, service rate μ (per server), c servers and a target time. */
export function mmc(arrivalRate: number, serviceRate: number, servers: number, target: number): MmcFigures {
  const a = arrivalRate / serviceRate;
  const c = erlangC(servers, a);
  const drain = servers * serviceRate - arrivalRate;
  return {
    waitProbability: c,
    meanWait: c / drain,
    serviceLevel: 1 - c * Math.exp(-drain * target),
    occupancy: a / servers,
  };
}
