import { buildSpace, type CtmcSystem } from './ctmc-space.js';
import { incoming, stationary } from './ctmc-solve.js';

/** Mean waits of a small Markovian control room from its stationary distribution alone. */
export interface CtmcMeanWaits {
  /** Per class: mean time in queue over all arrivals, abandoners included (Little: E[waiting] / λ). */
  meanWaitAll: number[];
  /** Per class: share of arrivals lost because the truncated queue was full; must be negligible. */
  lossProbability: number[];
  /** Relative residual of the balance equations at the solution. */
  residual: number;
}

/**
 * The cheap part of `ctmcFigures` (ctmc.ts), the same numbers: the stationary chain and Little's
 * law, without the tagged-caller chains that service levels and answered callers' waits need. For
 * callers that need only mean waits, such as the shadow-system controls of the validation tests,
 * whose chains have some tens of thousands of states.
 */
export function ctmcMeanWaits(system: CtmcSystem, tolerance = 1e-12): CtmcMeanWaits {
  const space = buildSpace(system);
  const { pi, residual } = stationary(incoming(space.targets, space.rates), space.outRate, tolerance);
  const K = system.classes.length;
  const maxQueue = system.maxQueue ?? 60;
  const waiting = new Array<number>(K).fill(0);
  const lost = new Array<number>(K).fill(0);
  space.states.forEach((s, i) => {
    for (let k = 0; k < K; k++) {
      waiting[k] += pi[i] * s[K + k];
      if (s[K + k] >= maxQueue) lost[k] += pi[i];
    }
  });
  return { meanWaitAll: waiting.map((w, k) => w / system.classes[k].arrivalRate), lossProbability: lost, residual };
}
