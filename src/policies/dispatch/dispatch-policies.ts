import type { DispatchPolicy, DispatchPolicyFactory } from '../../model/dispatch/policy-types.js';
import type { DispatchPolicySpec } from '../../model/dispatch/types.js';

export type { DispatchPolicy, DispatchPolicyFactory };

type Factory<K extends DispatchPolicySpec['kind']> = (
  spec: Extract<DispatchPolicySpec, { kind: K }>,
  dispatchedGrades: readonly number[],
) => DispatchPolicy;

/** The most urgent grade with an incident waiting; within it the oldest incident (the default). */
const gradeFirst: Factory<'gradeFirst'> = (_spec, grades) => {
  const order = Int32Array.from(grades);
  return (waiting) => {
    for (let i = 0; i < order.length; i++) if (waiting[order[i]] > 0) return order[i];
    return -1;
  };
};

/**
 * Grade first, but keep `reserveUnits` units free for Immediate incidents: an incident of any
 * other grade waits while `reserveUnits` or fewer units are free.
 */
const cutOffReserve: Factory<'cutOffReserve'> = (spec, grades) => {
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
};

const registry: { [K in DispatchPolicySpec['kind']]: Factory<K> } = {
  gradeFirst,
  cutOffReserve,
};

/** Names of the registered dispatch policies. */
export const DISPATCH_POLICIES = Object.keys(registry) as DispatchPolicySpec['kind'][];

/**
 * Build the dispatch policy a scenario names. `dispatchedGrades` are the grade indices that get
 * units, most urgent first.
 */
export const makeDispatchPolicy: DispatchPolicyFactory = (spec, dispatchedGrades) => {
  const factory = registry[spec.kind] as Factory<typeof spec.kind> | undefined;
  if (factory === undefined) throw new RangeError(`dispatch.policy.kind: expected one of ${DISPATCH_POLICIES.join(', ')}, found ${JSON.stringify((spec as { kind?: unknown }).kind)}`);
  return factory(spec as never, [...dispatchedGrades].sort((a, b) => a - b));
};
