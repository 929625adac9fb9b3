/** Serve the first non-empty queue of an ordered list. */
import { z } from 'zod';
import type { QueueSelector } from '../../model/queue-selection-types.js';
import { listRefs, ranked, type QueueChooser } from '../queue-policy.js';

export const name = 'strictPriority';
export const description = 'Queues in priority order: serve the first non-empty.';
export const params = z.array(z.string().min(1).describe('A queue name (a key of `queues`).')).min(1);
export const toSpec = (order: readonly string[]): { order: readonly string[] } => ({ order });
export const queueRefs = (order: readonly string[]) => listRefs(null, order);

export function create(spec: { order: readonly string[] }, served: readonly string[]): QueueChooser {
  const order = ranked(spec.order, served);
  return (queues) => {
    for (const i of order) if (!Number.isNaN(queues[i].headEnteredAt)) return i;
    return -1;
  };
}

/** The same choice on the model's queues (the registry uses it for this built-in). */
export function direct(spec: { order: readonly string[] }, served: readonly string[]): QueueSelector {
  const order = Int32Array.from(ranked(spec.order, served));
  return (queues, now) => {
    for (let k = 0; k < order.length; k++) {
      const queue = queues[order[k]];
      // Nobody waiting means no head: skip the look (and the number it returns) for an empty queue.
      if (queue.waiting > 0 && !Number.isNaN(queue.headEnteredAt(now))) return order[k];
    }
    return -1;
  };
}
