/** Serve the queue whose head has the largest weight x wait (weights default to 1). */
import { z } from 'zod';
import type { QueueChooser } from '../queue-policy.js';

type Weights = Readonly<Record<string, number>>;

export const name = 'longestWeightedWait';
export const description = 'queue -> weight: serve the queue whose head has the longest wait times weight.';
export const params = z.record(z.string(), z.number().min(0).describe('Weight (dimensionless).'));
export const toSpec = (weights: Weights): { weights: Weights } => ({ weights });
export const queueRefs = (weights: Weights) => Object.keys(weights).map((q) => ({ path: [q], name: q }));

export function create(spec: { weights: Weights }, served: readonly string[]): QueueChooser {
  const weights = served.map((q) => spec.weights[q] ?? 1);
  return (queues, pool) => {
    let best = -1;
    let bestScore = -Infinity;
    for (let i = 0; i < queues.length; i++) {
      const entered = queues[i].headEnteredAt;
      if (Number.isNaN(entered)) continue;
      const score = weights[i] * (pool.now - entered);
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    }
    return best;
  };
}
