/** The shape of a dispatch policy: what a built-in file in `dispatch/` exports, and what a user's module exports to plug in. */
import type { z } from 'zod';
import type { DispatchPolicy } from '../../model/dispatch/policy-types.js';

export type { DispatchPolicy };

/**
 * A dispatch policy: its name (the key a scenario writes), a one-line description, the zod schema
 * of its written parameters (`{}` when it takes none), and a factory called once per replication
 * with the resolved parameters and the dispatched grade indices, most urgent first (Immediate is 0).
 */
export interface DispatchPolicyDefinition<W = unknown, P extends object = Record<string, unknown>> {
  readonly name: string;
  readonly description: string;
  readonly params: z.ZodType<W>;
  /** Marks a module as a dispatch policy when it is loaded by `--plugin` (queue selection is the default). */
  readonly kind?: 'dispatch';
  toSpec?(written: W): P;
  create(params: P, dispatchedGrades: readonly number[]): DispatchPolicy;
}
