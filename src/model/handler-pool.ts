import type { PoolLevels, QueueSelector } from './queue-selection-types.js';
import type { CallQueue } from './call-queue.js';
import type { QueuedWork } from './victim-update.js';

/** One call handler (or switchboard operator). */
export class Handler {
  /** When the handler last became free (for "the one idle longest takes the call"). */
  idleSince = 0;
  /** The call or outbound work in hand (talk and wrap-up), or null. */
  work: QueuedWork | null = null;
  /** When the call in hand was answered (kept here, not on every call: issue 12). */
  answeredAt = 0;
  /** Index of the pool it belongs to. */
  constructor(readonly poolIndex: number) {}
}

/**
 * A pool of handlers with the same skills (the queues they serve) and roster. Free handlers wait
 * in a first-in first-out list so the one idle longest is at the front.
 */
export class HandlerPool implements PoolLevels {
  readonly idle: Handler[] = [];
  busy = 0;
  /** Handlers present (idle or busy). */
  present = 0;
  /** Busy handlers who leave when their current call ends (the roster went down). */
  owedDepartures = 0;

  constructor(
    readonly index: number,
    readonly name: string,
    /** Served queues, in the order the selector's indices refer to. */
    readonly queues: readonly CallQueue[],
    readonly select: QueueSelector,
  ) {}

  /** Handlers on duty who are not leaving. */
  get staffed(): number {
    return this.present - this.owedDepartures;
  }

  /** Free handlers (the selector's view of the pool). */
  get freeHandlers(): number {
    return this.idle.length;
  }

  /** The queue the selector picks for a free handler now, or undefined. */
  pick(now: number): CallQueue | undefined {
    const choice = this.select(this.queues, now, this);
    return choice < 0 ? undefined : this.queues[choice];
  }

  /** Change the headcount on duty to `target` at `now`. Returns true when handlers were added. */
  setHeadcount(target: number, now: number): boolean {
    let staffed = this.staffed;
    if (target > staffed) {
      // Cancel departures first: a handler about to leave stays on.
      const kept = Math.min(this.owedDepartures, target - staffed);
      this.owedDepartures -= kept;
      staffed += kept;
      for (; staffed < target; staffed++) {
        const handler = new Handler(this.index);
        handler.idleSince = now;
        this.idle.push(handler);
        this.present++;
      }
      return true;
    }
    // Idle handlers leave at once (the most recently freed first); busy ones finish their call.
    while (staffed > target && this.idle.length > 0) {
      this.idle.pop();
      this.present--;
      staffed--;
    }
    this.owedDepartures += staffed - target;
    return false;
  }
}
