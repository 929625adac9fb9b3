// A queue-selection policy for callsim: serve the queue furthest behind its service-level goal in
// the current hour. No built-in does this: strictPriority and ageing look only at order and at the
// head's wait, never at how each queue is doing against its own target.
//
// Use it in a scenario, with the path relative to the scenario file:
//   queueSelection: { plugin: ../examples/policies/furthest-behind-target.js, params: { goal: { primary: 0.9, secondary: 0.6 } } }
// or load it with `callsim --plugin examples/policies/furthest-behind-target.js ...` and write
//   queueSelection: { furthestBehindTarget: { goal: { ... } } }
import { z } from 'zod';

export const name = 'furthestBehindTarget';

export const description =
  'Serve the queue furthest behind its goal this hour: goal minus the share of this hour\'s calls answered within target; ties go to the head that has waited longest against its target.';

export const params = z.strictObject({
  /** Goal per queue: the share of calls to answer within the queue's targetSeconds (default 0.9). */
  goal: z.record(z.string(), z.number().min(0).max(1)).default({}),
  /** Queues served first, in this order, whenever they have a caller (for example "999"). */
  first: z.array(z.string()).default([]),
});

/**
 * Every queue named in the parameters is checked against the scenario's queues.
 * @param {{ goal: Record<string, number>, first: string[] }} p
 */
export const queueRefs = (p) => [
  ...Object.keys(p.goal).map((q) => ({ path: ['goal', q], name: q })),
  ...p.first.map((/** @type {string} */ q, /** @type {number} */ i) => ({ path: ['first', i], name: q })),
];

/**
 * @param {{ goal: Record<string, number>, first: string[] }} p the resolved parameters
 * @param {readonly string[]} served the pool's queues, in the order the policy's indices refer to
 * @returns {(queues: readonly import('callsim').QueueState[], pool: import('callsim').PoolState) => number}
 */
export function create(p, served) {
  const goals = served.map((q) => p.goal[q] ?? 0.9);
  const first = p.first.map((q) => served.indexOf(q)).filter((i) => i >= 0);
  return (queues) => {
    for (const i of first) if (queues[i].waiting > 0) return i;
    let best = -1;
    let bestBehind = -Infinity;
    let bestLate = -Infinity;
    for (let i = 0; i < queues.length; i++) {
      const q = queues[i];
      if (q.waiting === 0) continue;
      // A queue with no calls yet this hour counts as on its goal (share unknown).
      const share = q.offeredThisHour > 0 ? q.answeredWithinTargetThisHour / q.offeredThisHour : goals[i];
      const behind = goals[i] - share;
      const late = q.headWaitSeconds / Math.max(q.targetSeconds, 1);
      if (behind > bestBehind || (behind === bestBehind && late > bestLate)) {
        best = i;
        bestBehind = behind;
        bestLate = late;
      }
    }
    return best;
  };
}
