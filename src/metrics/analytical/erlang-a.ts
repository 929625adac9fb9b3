import { erlangB } from './erlang-b.js';
import { logRegularizedLowerGamma, logScaledLowerGamma } from './gamma.js';

export interface ErlangAFigures {
  /** An arrival finds every server busy. */
  waitProbability: number;
  /** Share of arrivals who abandon. */
  abandonProbability: number;
  /** Share of arrivals answered within the target (abandoners count as not answered). */
  serviceLevel: number;
  /** Mean wait over all arrivals, abandoners included, in the rates' time unit. */
  meanWait: number;
}

/**
 * Palm's M/M/n+M (Erlang A) after Garnett, Mandelbaum and Reiman (2002), VALIDATION.md: arrival
 * rate λ, service rate μ per server, n servers, exponential patience with rate θ (mean 1/θ),
 * target t, all in one time unit. With x = nμ/θ, y = λ/θ and A = x·e^y·y^(−x)·γ(x, y):
 * P(wait) = A·E / (1 + (A − 1)·E), E = B(n, λ/μ); P(abandon | wait) = 1/(ρA) + 1 − 1/ρ;
 * mean wait = P(abandon)/θ; SL(t) = 1 − P(wait) + P(wait)·[γ(x+1, y) − γ(x+1, y·e^(−θt))] / (y·γ(x, y)).
 * A and the γ ratios are taken in logarithms (A itself as a plain series below y = x + 1), so thousands of servers or very patient callers (x, y in the millions) stay finite and exact.
 */
export function erlangA(arrivalRate: number, serviceRate: number, servers: number, patienceRate: number, target: number): ErlangAFigures {
  if (!(arrivalRate > 0)) throw new RangeError(`arrival rate must be > 0, got ${arrivalRate}`);
  if (!(serviceRate > 0)) throw new RangeError(`service rate must be > 0, got ${serviceRate}`);
  if (!(servers >= 1 && Number.isInteger(servers))) throw new RangeError(`servers must be a whole number >= 1, got ${servers}`);
  if (!(patienceRate > 0)) throw new RangeError(`patience rate must be > 0 (use Erlang C for callers who never abandon), got ${patienceRate}`);
  if (!(target >= 0)) throw new RangeError(`target must be >= 0, got ${target}`);
  const x = (servers * serviceRate) / patienceRate;
  const y = arrivalRate / patienceRate;
  const rho = arrivalRate / (servers * serviceRate);
  const e = erlangB(servers, arrivalRate / serviceRate);
  const logP = logRegularizedLowerGamma(x, y);
  const inverseA = Math.exp(-logScaledLowerGamma(x, y));
  // A·E / (1 + (A − 1)·E) written with 1/A, which stays finite when A overflows.
  const waitProbability = e / (e + (1 - e) * inverseA);
  const abandonGivenWait = inverseA / rho + 1 - 1 / rho;
  const abandonProbability = abandonGivenWait * waitProbability;
  // γ(x+1, z) / (y·γ(x, y)) = (x/y)·P(x+1, z)/P(x, y), since Γ(x+1) = x·Γ(x).
  const ratio = (z: number): number => (z > 0 ? Math.exp(Math.log(x / y) + logRegularizedLowerGamma(x + 1, z) - logP) : 0);
  const answeredLater = ratio(y) - ratio(y * Math.exp(-patienceRate * target));
  return {
    waitProbability,
    abandonProbability,
    serviceLevel: 1 - waitProbability + waitProbability * answeredLater,
    meanWait: abandonProbability / patienceRate,
  };
}
