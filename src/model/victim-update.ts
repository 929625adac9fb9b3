import type { Distribution } from '../engine/distributions.js';
import type { Call } from './call.js';
import type { FreeHandlers, QueueStage } from './queue-stage.js';
import type { Journey } from './journey.js';
import type { Incident } from './dispatch/incident.js';

/**
 * Outbound handler work: calling the victim of an incident whose attendance is overdue to say so.
 * It waits in a handler queue in order with the calls, but no caller waited: it never abandons,
 * and the queue's figures never count it.
 */
export class VictimUpdateJob {
  /** Marks outbound work (`isOutbound`): a field read is cheaper per call than `instanceof`. */
  readonly outbound = true;
  waiting = false;
  /** Outbound work does not abandon. */
  readonly abandonAt = Infinity;
  constructor(
    /** Drawn from the counter of call ids, so call logs number calls as before jobs had a kind of their own. */
    readonly id: number,
    /** The incident whose victim is updated (handed back to dispatch when the update is made). */
    readonly incident: Incident,
    readonly queueIndex: number,
    readonly handleSeconds: number,
    readonly enteredQueueAt: number,
  ) {}
}

/** What waits in a queue and occupies a handler: a caller's call, or outbound work. */
export type QueuedWork = Call | VictimUpdateJob;

/** True for outbound work (a call has no `outbound` field). */
export function isOutbound(work: QueuedWork): work is VictimUpdateJob {
  return (work as { outbound?: boolean }).outbound === true;
}

/**
 * Dispatch's hook for victim updates: an update owed to a victim becomes a VictimUpdateJob in the
 * scenario's victim-update queue, with the given handle time (NaN: the queue's mean handle time).
 */
export class VictimUpdateDesk {
  constructor(
    private readonly queueStage: QueueStage,
    /** By queue index, the handle-time distribution (its mean stands in for a missing time). */
    private readonly handle: readonly (Distribution | null)[],
    private readonly handlers: FreeHandlers,
    private readonly journey: Journey,
  ) {}

  readonly work = (queueIndex: number, handleSeconds: number, at: number, incident: Incident): void => {
    const queue = this.queueStage.queues[queueIndex];
    const handle = Number.isNaN(handleSeconds) ? (this.handle[queue.index]?.mean ?? 0) : handleSeconds;
    queue.push(new VictimUpdateJob(this.journey.newId(), incident, queue.index, handle, at));
    this.handlers.offer(queue);
  };
}
