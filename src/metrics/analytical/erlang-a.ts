import { erlangB } from './erlang.js';
import { logGamma, regularizedLowerGamma } from './gamma.js';

export interface ErlangAFigures {
  /** An arrival finds every server busy. */
  waitProbability: number;
  /** Share of arrivals who abandon. */
  abandonProbability: number;
  /** Share of arrivals answered within the target (abandoners count as not answered). */
  serviceLevel: number;
  /** Mean wait over all arrivals, abandoners included. */
  meanWait: number;
}

/**
 * Palm's M/M/n+M (Erlang A) after Garnett, Mandelbaum and Reiman (2002): arrival rate λ, service
 * rate μ per server, n servers, exponential patience with rate θ (mean 1/θ), target t. Works in
 * logarithms so large n and loads stay finite. Formulas: VALIDATION.md.
 */
export function erlangA(arrivalRate: number, serviceRate: number, servers: number, patienceRate: number, target: number): ErlangAFigures {
  const x = (servers * serviceRate) / patienceRate;
  const y = arrivalRate / patienceRate;
  const rho = arrivalRate / (servers * serviceRate);
  const e = erlangB(servers, arrivalRate / serviceRate);
  const p = regularizedLowerGamma(x, y);
  // A(x, y) = (x e^y / y^x) γ(x, y), with γ(x, y) = Γ(x) P(x, y).
  const a = Math.exp(Math.log(x) + y - x * Math.log(y) + logGamma(x)) * p;
  const waitProbability = (a * e) / (1 + (a - 1) * e);
  const abandonGivenWait = 1 / (rho * a) + 1 - 1 / rho;
  const abandonProbability = abandonGivenWait * waitProbability;
  // [γ(x+1, y) − γ(x+1, y e^(−θt))] / (y γ(x, y)) = x [P(x+1, y) − P(x+1, y e^(−θt))] / (y P(x, y)).
  const answeredLater =
    (x * (regularizedLowerGamma(x + 1, y) - regularizedLowerGamma(x + 1, y * Math.exp(-patienceRate * target)))) / (y * p);
  return {
    waitProbability,
    abandonProbability,
    serviceLevel: 1 - waitProbability + waitProbability * answeredLater,
    meanWait: abandonProbability / patienceRate,
  };
}
