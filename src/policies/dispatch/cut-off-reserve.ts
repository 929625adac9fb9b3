/**
 * Grade first, but keep `reserveUnits` units free for Immediate incidents: an incident of any
 * other grade waits while `reserveUnits` or fewer units are free.
 */
import { z } from 'zod';
import type { DispatchPolicy } from './dispatch-policy.js';

export const kind = 'dispatch';
export const name = 'cutOffReserve';
export const description = 'Grade first, but lower grades only while more than reserveUnits units are free.';
export const params = z.strictObject({ reserveUnits: z.number().int().min(0).describe('Units kept free for Immediate incidents (a headcount).') });

export function create(spec: { reserveUnits: number }, grades: readonly number[]): DispatchPolicy {
  const order = Int32Array.from(grades);
  const keep = spec.reserveUnits;
  if (!(Number.isInteger(keep) && keep >= 0)) throw new RangeError(`dispatch.policy.reserveUnits: expected a non-negative integer, found ${keep}`);
  // Grade index 0 is Immediate (model/dispatch/grades.ts).
  return (waiting, freeUnits) => {
    for (let i = 0; i < order.length; i++) {
      const g = order[i];
      if (waiting[g] === 0) continue;
      if (g === 0 || freeUnits > keep) return g;
      return -1;
    }
    return -1;
  };
}
