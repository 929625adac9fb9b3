import { erlangB } from './erlang-b.js';

/**
 * Erlang C (M/M/c, callers never abandon), VALIDATION.md. Rates in any one time unit; waits come
 * out in that unit. Offered load a = λ/μ erlangs must be below c for a steady state.
 */

/** P(wait) = C(c, a) = c·B(c, a) / (c − a·(1 − B(c, a))); 1 when a >= c (the queue grows without bound). */
export function erlangC(servers: number, offeredLoad: number): number {
  const b = erlangB(servers, offeredLoad);
  if (!(offeredLoad < servers)) return 1;
  return (servers * b) / (servers - offeredLoad * (1 - b));
}

/** Share answered within `target`: SL(t) = 1 − C(c, a)·e^(−(cμ − λ)t) (0 when unstable). */
export function erlangCServiceLevel(arrivalRate: number, serviceRate: number, servers: number, target: number): number {
  const drain = servers * serviceRate - arrivalRate;
  if (!(drain > 0)) return 0;
  return 1 - erlangC(servers, arrivalRate / serviceRate) * Math.exp(-drain * target);
}

/** Mean wait over all callers: C(c, a) / (cμ − λ) (Infinity when unstable). */
export function erlangCMeanWait(arrivalRate: number, serviceRate: number, servers: number): number {
  const drain = servers * serviceRate - arrivalRate;
  if (!(drain > 0)) return Infinity;
  return erlangC(servers, arrivalRate / serviceRate) / drain;
}

export interface MmcFigures {
  /** P(wait). */
  waitProbability: number;
  /** Mean wait over all callers, in the rates' time unit. */
  meanWait: number;
  /** Share answered within `target`. */
  serviceLevel: number;
  /** λ/(cμ). */
  occupancy: number;
}

/** M/M/c figures for arrival rate λ, service rate μ per server, c servers and a target time. */
export function mmc(arrivalRate: number, serviceRate: number, servers: number, target: number): MmcFigures {
  return {
    waitProbability: erlangC(servers, arrivalRate / serviceRate),
    meanWait: erlangCMeanWait(arrivalRate, serviceRate, servers),
    serviceLevel: erlangCServiceLevel(arrivalRate, serviceRate, servers, target),
    occupancy: arrivalRate / (servers * serviceRate),
  };
}
