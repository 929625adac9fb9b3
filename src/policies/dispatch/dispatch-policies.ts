/** Building the dispatch policy a scenario names, guarded so a failing policy ends the run with a PolicyError naming it. */
import type { DispatchPolicy, DispatchPolicyFactory } from '../../model/dispatch/policy-types.js';
import { PolicyError } from '../policy-error.js';
import { dispatchPolicy, dispatchPolicyNames } from '../registry.js';

export type { DispatchPolicy, DispatchPolicyFactory };

/** Names of the registered dispatch policies. */
export const DISPATCH_POLICIES: readonly string[] = dispatchPolicyNames();

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Build the dispatch policy a scenario names. `dispatchedGrades` are the grade indices that get
 * units, most urgent first.
 */
export const makeDispatchPolicy: DispatchPolicyFactory = (spec, dispatchedGrades) => {
  const { kind, ...params } = spec;
  const entry = dispatchPolicy(kind);
  if (entry === undefined) throw new RangeError(`dispatch.policy.kind: expected one of ${dispatchPolicyNames().join(', ')}, found ${JSON.stringify(kind)}`);
  const grades = [...dispatchedGrades].sort((a, b) => a - b);
  const policy = entry.definition.create(params as never, grades);
  if (entry.builtIn) return policy;
  // A user's policy is checked on every decision: a bad answer would corrupt the dispatch queues.
  return (waiting, freeUnits) => {
    let grade: number;
    try {
      grade = policy(waiting, freeUnits);
    } catch (error) {
      throw new PolicyError(kind, `threw: ${message(error)}`);
    }
    if (grade !== -1 && !(grades.includes(grade) && waiting[grade] > 0)) throw new PolicyError(kind, `returned ${String(grade)}: expected -1 or a dispatched grade with an incident waiting`);
    return grade;
  };
};
