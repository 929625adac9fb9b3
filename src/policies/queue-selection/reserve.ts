/** Strict priority, but queues other than `queue` are served only while more than `keep` handlers are free. */
import { z } from 'zod';
import type { QueueSelector } from '../../model/queue-selection-types.js';
import { listRefs, ranked, type QueueChooser } from '../queue-policy.js';

const queueName = z.string().min(1).describe('A queue name (a key of `queues`).');

export const name = 'reserve';
export const description = 'Strict priority, keeping `keep` handlers free for `queue`.';
export const params = z.strictObject({
  order: z.array(queueName).min(1).describe('Priority order.'),
  queue: queueName.describe('The protected queue.'),
  keep: z.number().int().min(0).describe('Handlers kept free for `queue` (a headcount).'),
});
type Params = z.infer<typeof params>;
export const queueRefs = (p: Params) => [...listRefs('order', p.order), { path: ['queue'], name: p.queue }];

export function create(spec: Params, served: readonly string[]): QueueChooser {
  const order = ranked(spec.order, served);
  const protectedQueue = served.indexOf(spec.queue);
  return (queues, pool) => {
    for (const i of order) {
      if (i !== protectedQueue && pool.freeHandlers <= spec.keep) continue;
      if (!Number.isNaN(queues[i].headEnteredAt)) return i;
    }
    return -1;
  };
}

/** The same choice on the model's queues (the registry uses it for this built-in). */
export function direct(spec: Params, served: readonly string[]): QueueSelector {
  const order = Int32Array.from(ranked(spec.order, served));
  const protectedQueue = served.indexOf(spec.queue);
  const keep = spec.keep;
  return (queues, now, pool) => {
    for (let k = 0; k < order.length; k++) {
      const i = order[k];
      if (i !== protectedQueue && pool.freeHandlers <= keep) continue;
      // Nobody waiting means no head: skip the look (and the number it returns) for an empty queue.
      if (queues[i].waiting > 0 && !Number.isNaN(queues[i].headEnteredAt(now))) return i;
    }
    return -1;
  };
}
