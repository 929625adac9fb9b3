/** The most urgent grade with an incident waiting; within it the oldest incident (the default). */
import { z } from 'zod';
import type { DispatchPolicy } from './dispatch-policy.js';

export const kind = 'dispatch';
export const name = 'gradeFirst';
export const description = 'Most urgent grade first, oldest incident first.';
export const params = z.strictObject({});

export function create(_params: object, grades: readonly number[]): DispatchPolicy {
  const order = Int32Array.from(grades);
  return (waiting) => {
    for (let i = 0; i < order.length; i++) if (waiting[order[i]] > 0) return order[i];
    return -1;
  };
}
