/**
 * The built-in policies' direct selectors (`direct`, used per call by the model) make the same
 * choice as the chooser their `create` gives a plug-in's way (through the read-only views), for
 * any queue heads, free handlers and orders.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QueueView } from '../../src/model/queue-selection-types.js';
import type { PoolState, QueueState } from '../../src/policies/queue-policy.js';
import * as reserve from '../../src/policies/queue-selection/reserve.js';
import * as strictPriority from '../../src/policies/queue-selection/strict-priority.js';

const served = ['999', 'primary', 'secondary'];
/** Per served queue, when its head entered (NaN: nobody waits). */
const headsArb = fc.array(fc.oneof(fc.constant(NaN), fc.double({ min: 0, max: 1000, noNaN: true })), { minLength: 3, maxLength: 3 });
const orderArb = fc.shuffledSubarray(served, { minLength: 1 });

function views(heads: readonly number[]): QueueView[] {
  return heads.map((at, i) => ({ index: i, name: served[i], targetSeconds: 10, waiting: Number.isNaN(at) ? 0 : 1, headEnteredAt: () => at }));
}
function states(heads: readonly number[]): QueueState[] {
  return heads.map((at, i) => ({
    name: served[i], waiting: Number.isNaN(at) ? 0 : 1, headEnteredAt: at, headWaitSeconds: 1000 - at, targetSeconds: 10,
    offeredThisHour: NaN, answeredWithinTargetThisHour: NaN, abandonedThisHour: NaN,
  }));
}
const poolState = (free: number): PoolState => ({ name: 'pool', size: free, freeHandlers: free, now: 1000, secondOfDay: 1000, hourOfDay: 0 });

describe('built-in queue selection: direct selector equals the guarded chooser', () => {
  it('strictPriority picks the same queue for every state', () => {
    fc.assert(
      fc.property(headsArb, orderArb, (heads, order) => {
        const spec = strictPriority.toSpec(order);
        const direct = strictPriority.direct(spec, served)(views(heads), 1000, { name: 'pool', present: 1, freeHandlers: 1 });
        expect(direct).toBe(strictPriority.create(spec, served)(states(heads), poolState(1)));
      }),
      { numRuns: 500, seed: 12 },
    );
  });

  it('reserve picks the same queue for every state and free headcount', () => {
    fc.assert(
      fc.property(headsArb, orderArb, fc.constantFrom(...served), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 5 }), (heads, order, queue, keep, free) => {
        const spec = { order, queue, keep };
        const direct = reserve.direct(spec, served)(views(heads), 1000, { name: 'pool', present: free, freeHandlers: free });
        expect(direct).toBe(reserve.create(spec, served)(states(heads), poolState(free)));
      }),
      { numRuns: 500, seed: 12 },
    );
  });
});
