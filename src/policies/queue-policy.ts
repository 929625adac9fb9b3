/**
 * The shape of a queue-selection policy: what a built-in file in `queue-selection/` exports, and
 * what a user's module exports to plug in (`registerQueuePolicy`, `--plugin FILE`, or
 * `queueSelection: { plugin: ./file.js, params: ... }` in a scenario).
 */
import type { z } from 'zod';
import type { QueueSelector } from '../model/queue-selection-types.js';

/** What a policy sees of one queue the pool serves, read-only, at the instant it decides. */
export interface QueueState {
  readonly name: string;
  /** Callers waiting now (a caller whose patience ran out behind the head is counted until the model settles it). */
  readonly waiting: number;
  /** When the caller at the head entered the queue (simulated seconds), NaN when nobody waits. */
  readonly headEnteredAt: number;
  /** How long the head has waited, in seconds; NaN when nobody waits. */
  readonly headWaitSeconds: number;
  /** The queue's answer target, in seconds. */
  readonly targetSeconds: number;
  /** Calls that entered the queue in the current clock hour (UTC). */
  readonly offeredThisHour: number;
  /** Calls answered within `targetSeconds` in the current clock hour. */
  readonly answeredWithinTargetThisHour: number;
  /** Calls abandoned in the current clock hour (counted when the model settles them). */
  readonly abandonedThisHour: number;
}

/** What a policy sees of the deciding pool. */
export interface PoolState {
  readonly name: string;
  /** Handlers on duty (busy or free). */
  readonly size: number;
  /** Free handlers, the deciding one included. */
  readonly freeHandlers: number;
  /** Simulated seconds from the scenario's start. */
  readonly now: number;
  /** Seconds since the last UTC midnight (0 to 86399). */
  readonly secondOfDay: number;
  /** Hour of day, UTC (0 to 23). */
  readonly hourOfDay: number;
}

/**
 * Picks the queue a free handler serves next: an index into `queues` (the pool's served queues in
 * the pool's order) of a queue with a caller waiting, or -1 to leave the handler free.
 */
export type QueueChooser = (queues: readonly QueueState[], pool: PoolState) => number;

/** A queue name a policy's parameters mention, and where (relative to the parameters). */
export interface QueueReference {
  path: (string | number)[];
  name: string;
}

/**
 * A queue-selection policy: its name (the key a scenario writes), a one-line description, the zod
 * schema of its written parameters, and a factory. `P` is the resolved parameters object.
 */
export interface QueuePolicy<W = unknown, P extends object = Record<string, unknown>> {
  readonly name: string;
  readonly description: string;
  /** Optional marker for modules loaded by `--plugin` (queue selection is the default). */
  readonly kind?: 'queueSelection';
  /** Schema of the value written under the policy's name. */
  readonly params: z.ZodType<W>;
  /** The resolved parameters (plain data, sent to worker threads); default: the written value itself. */
  toSpec?(written: W): P;
  /** Queue names in the written parameters, so a misspelt queue is a scenario error. */
  queueRefs?(written: W): readonly QueueReference[];
  /** Called once per pool and replication with the resolved parameters and the pool's served queue names. */
  create(params: P, served: readonly string[]): QueueChooser;
  /**
   * Built-in policies only: the same choices as `create`'s chooser, made on the model's queues
   * directly (no views, no guards), because a built-in is trusted and picks per call (issue 12).
   */
  direct?(params: P, served: readonly string[]): QueueSelector;
}

/** Indices of `served` in the order of `order`; served queues the order omits come last. */
export function ranked(order: readonly string[], served: readonly string[]): number[] {
  const indices = order.map((name) => served.indexOf(name)).filter((i) => i >= 0);
  served.forEach((_, i) => {
    if (!indices.includes(i)) indices.push(i);
  });
  return indices;
}

/** Queue references of a list of names under `key`. */
export const listRefs = (key: string | null, names: readonly string[]): QueueReference[] =>
  names.map((name, i) => ({ path: key === null ? [i] : [key, i], name }));
