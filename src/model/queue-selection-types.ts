import type { QueueSelectionSpec } from './resolved.js';

/** What a queue-selection policy may look at in one queue (read-only). */
export interface QueueView {
  readonly index: number;
  readonly name: string;
  readonly targetSeconds: number;
  /** Callers waiting (a caller whose patience ran out behind the head counts until settled). */
  readonly waiting: number;
  /**
   * When the first caller still waiting entered the queue, or NaN when nobody waits. Callers whose
   * patience ran out before `now` are settled as abandoned first.
   */
  headEnteredAt(now: number): number;
}

/** What a queue-selection policy may look at in the deciding pool (read-only). */
export interface PoolLevels {
  readonly name: string;
  /** Handlers on duty, busy or free. */
  readonly present: number;
  /** Free handlers, the deciding one included. */
  readonly freeHandlers: number;
}

/**
 * Picks the queue a free handler serves next: an index into `queues` (the pool's served queues,
 * in the pool's order), or -1 to stay idle.
 */
export type QueueSelector = (queues: readonly QueueView[], now: number, pool: PoolLevels) => number;

/**
 * Builds the selector a scenario names for a pool serving `served` (queue names). The policies
 * layer provides it; the model receives it by injection and knows no policy by name.
 */
export type QueueSelectorFactory = (spec: QueueSelectionSpec, served: readonly string[]) => QueueSelector;
