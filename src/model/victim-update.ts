import type { Call } from './call.js';

/**
 * Outbound handler work: calling the victim of an incident whose attendance is overdue to say so.
 * It waits in a handler queue in order with the calls, but no caller waited: it never abandons,
 * and the queue's figures never count it.
 */
export class VictimUpdateJob {
  waiting = false;
  /** Outbound work does not abandon. */
  readonly abandonAt = Infinity;
  constructor(
    /** Drawn from the counter of call ids, so call logs number calls as before jobs had a kind of their own. */
    readonly id: number,
    /** The incident whose victim is updated. */
    readonly incidentId: number,
    readonly queueIndex: number,
    readonly handleSeconds: number,
    readonly enteredQueueAt: number,
  ) {}
}

/** What waits in a queue and occupies a handler: a caller's call, or outbound work. */
export type QueuedWork = Call | VictimUpdateJob;
