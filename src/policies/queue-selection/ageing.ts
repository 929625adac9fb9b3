/**
 * Strict priority, except that a caller at the head of `from` who has waited longer than
 * `afterSeconds` is served as if in `to`: at `to`'s rank, first come first served with `to`'s head.
 */
import { z } from 'zod';
import { listRefs, ranked, type QueueChooser } from '../queue-policy.js';

const queueName = z.string().min(1).describe('A queue name (a key of `queues`).');

export const name = 'ageing';
export const description = 'Strict priority, but a caller of `from` waiting afterSeconds is taken as if in `to`.';
export const params = z.strictObject({
  order: z.array(queueName).min(1).describe('Priority order.'),
  from: queueName.describe('Queue whose callers are aged.'),
  to: queueName.describe('Queue whose priority they take.'),
  afterSeconds: z.number().min(0).describe('Wait in seconds after which a caller is aged.'),
});
type Params = z.infer<typeof params>;
export const queueRefs = (p: Params) => [...listRefs('order', p.order), { path: ['from'], name: p.from }, { path: ['to'], name: p.to }];

export function create(spec: Params, served: readonly string[]): QueueChooser {
  const order = ranked(spec.order, served);
  const from = served.indexOf(spec.from);
  const to = served.indexOf(spec.to);
  return (queues, pool) => {
    for (const i of order) {
      const entered = queues[i].headEnteredAt;
      if (i === to && from >= 0) {
        const agedEntered = queues[from].headEnteredAt;
        const aged = !Number.isNaN(agedEntered) && pool.now - agedEntered > spec.afterSeconds;
        if (aged && (Number.isNaN(entered) || agedEntered < entered)) return from;
      }
      if (!Number.isNaN(entered)) return i;
    }
    return -1;
  };
}
