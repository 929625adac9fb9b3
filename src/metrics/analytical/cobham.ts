import { erlangC } from './erlang.js';

/**
 * Mean queue waits per class of a non-preemptive priority M/M/c whose classes share one service
 * rate (Cobham 1954): class 1 served first. W_k = [C(c, a)/(cμ)] / ((1 − σ_{k−1})(1 − σ_k)),
 * σ_k = Σ_{i≤k} λ_i/(cμ). Requires σ_K < 1.
 */
export function cobhamWaits(arrivalRates: readonly number[], serviceRate: number, servers: number): number[] {
  const total = arrivalRates.reduce((s, l) => s + l, 0);
  const capacity = servers * serviceRate;
  const base = erlangC(servers, total / serviceRate) / capacity;
  let sigma = 0;
  return arrivalRates.map((rate) => {
    const before = sigma;
    sigma += rate / capacity;
    return base / ((1 - before) * (1 - sigma));
  });
}
