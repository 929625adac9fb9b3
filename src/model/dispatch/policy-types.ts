import type { DispatchPolicySpec } from './types.js';

/**
 * Picks the grade whose oldest waiting incident a free unit takes next: a grade index
 * (`grades.ts`), or -1 to leave the units free. `waiting[g]` counts incidents of grade index g
 * that may be served now (only the grades that get units are ever non-zero); `freeUnits` counts
 * the free units of the deciding area, the one about to be sent included. Within a grade,
 * incidents are taken in order of creation.
 */
export type DispatchPolicy = (waiting: Int32Array, freeUnits: number) => number;

/**
 * Builds the policy a scenario names. `dispatchedGrades` are the grade indices that get units,
 * most urgent first. The policies layer provides it; the model receives it by injection.
 */
export type DispatchPolicyFactory = (spec: DispatchPolicySpec, dispatchedGrades: readonly number[]) => DispatchPolicy;
