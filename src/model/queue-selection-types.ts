import type { QueueSelectionSpec } from './resolved.js';

/** What a queue-selection policy may look at in one queue. */
export interface QueueView {
  readonly name: string;
  /**
   * When the first caller still waiting entered the queue, or NaN when nobody waits. Callers whose
   * patience ran out before `now` are settled as abandoned first.
   */
  headEnteredAt(now: number): number;
}

/**
 * Picks the queue a free handler serves next: an index into `queues` (the pool's served queues,
 * in the pool's order), or -1 to stay idle. `freeHandlers` counts the pool's free handlers,
 * the deciding one included.
 */
export type QueueSelector = (queues: readonly QueueView[], now: number, freeHandlers: number) => number;

/**
 * Builds the selector a scenario names for a pool serving `served` (queue names). The policies
 * layer provides it; the model receives it by injection and knows no policy by name.
 */
export type QueueSelectorFactory = (spec: QueueSelectionSpec, served: readonly string[]) => QueueSelector;
