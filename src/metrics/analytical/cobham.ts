import { erlangC } from './erlang-c.js';

/**
 * Mean queue waits per class of a non-preemptive priority M/M/c whose classes share one service
 * rate (Cobham 1954), VALIDATION.md: class 1 (first rate) served first, FIFO within a class.
 * W_k = [C(c, λ/μ)/(cμ)] / ((1 − σ_{k−1})(1 − σ_k)), σ_k = Σ_{i<=k} λ_i/(cμ). Waits in the rates'
 * time unit. Requires σ_K < 1 (a class at or beyond it waits for ever: Infinity).
 */
export function cobhamWaits(arrivalRates: readonly number[], serviceRate: number, servers: number): number[] {
  if (!(serviceRate > 0)) throw new RangeError(`service rate must be > 0, got ${serviceRate}`);
  if (arrivalRates.some((rate) => !(rate >= 0))) throw new RangeError(`arrival rates must be >= 0, got [${arrivalRates.join(', ')}]`);
  const total = arrivalRates.reduce((s, l) => s + l, 0);
  const capacity = servers * serviceRate;
  const base = erlangC(servers, total / serviceRate) / capacity;
  let sigma = 0;
  return arrivalRates.map((rate) => {
    const before = sigma;
    sigma += rate / capacity;
    return sigma < 1 ? base / ((1 - before) * (1 - sigma)) : Infinity;
  });
}

/**
 * The conservation law's two sides: the arrival-weighted mean of the class waits, and the Erlang C
 * mean wait of the pooled classes (equal for any work-conserving order when classes share μ).
 */
export function cobhamConservation(arrivalRates: readonly number[], serviceRate: number, servers: number): { weightedWait: number; erlangCWait: number } {
  const waits = cobhamWaits(arrivalRates, serviceRate, servers);
  const total = arrivalRates.reduce((s, l) => s + l, 0);
  const weightedWait = arrivalRates.reduce((s, rate, k) => s + rate * waits[k], 0) / total;
  const erlangCWait = erlangC(servers, total / serviceRate) / (servers * serviceRate - total);
  return { weightedWait, erlangCWait };
}
