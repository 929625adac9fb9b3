import type { Distribution } from '../engine/distributions.js';
import type { QueueView } from './queue-selection-types.js';
import { Call } from './call.js';
import type { ResolvedQueue } from './resolved.js';
import type { QueuedWork } from './victim-update.js';
import { WaitingLine } from './waiting-line.js';

/**
 * A queue of callers waiting for a handler (or a switchboard operator), first come first served.
 *
 * Abandonment is settled in one of two ways. In a queue without callbacks or redials it is lazy:
 * each caller carries the instant its patience runs out, and a caller found at the head after
 * that instant is settled as abandoned at that instant, which gives exactly the same outcomes as
 * an abandonment event per caller at a fraction of the cost. A queue with callbacks or redials
 * needs the instant to act (offer a callback, schedule the redial), so it uses patience events.
 */
export class CallQueue implements QueueView {
  readonly line = new WaitingLine<QueuedWork>();
  /** Callers waiting, settled abandonments excluded. */
  waiting = 0;
  /** Indices of the pools that serve this queue. */
  readonly poolIndices: number[] = [];
  /** True when abandonment needs events (callbacks or redials). */
  readonly eagerPatience: boolean;
  readonly name: string;
  readonly targetSeconds: number;

  constructor(
    readonly index: number,
    readonly spec: ResolvedQueue,
    readonly patience: Distribution | null,
    /** Settles a caller whose patience ran out at `call.abandonAt` (lazy mode). */
    private readonly settleExpired: (call: Call) => void,
    /** Use patience events even without callbacks or redials (a channel shift needs the instant). */
    eager = false,
  ) {
    this.name = spec.name;
    this.targetSeconds = spec.targetSeconds;
    this.eagerPatience = eager || spec.callback !== undefined || spec.redial !== undefined;
  }

  headEnteredAt(now: number): number {
    const head = this.head(now);
    return head === undefined ? NaN : head.enteredQueueAt;
  }

  /** First caller still waiting at `now`, settling expired callers ahead of it. */
  head(now: number): QueuedWork | undefined {
    for (;;) {
      const work = this.line.peek();
      if (work === undefined) return undefined;
      // Only callers abandon (outbound work has no patience).
      if (work.abandonAt < now && work instanceof Call) {
        work.waiting = false;
        this.waiting--;
        this.settleExpired(work);
        continue;
      }
      return work;
    }
  }

  push(work: QueuedWork): void {
    work.waiting = true;
    this.waiting++;
    this.line.push(work);
  }

  /** Take the head (after `head(now)` returned it). */
  take(): QueuedWork {
    const work = this.line.shift() as QueuedWork;
    work.waiting = false;
    this.waiting--;
    return work;
  }

  /** Remove a caller from the middle of the line (eager abandonment). */
  remove(call: Call): void {
    call.waiting = false;
    this.waiting--;
  }
}
