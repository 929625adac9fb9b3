import type { Distribution } from '../engine/distributions.js';
import type { QueueView } from './queue-selection-types.js';
import type { Call } from './call.js';
import type { ResolvedQueue } from './resolved.js';
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
  readonly line = new WaitingLine<Call>();
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
  ) {
    this.name = spec.name;
    this.targetSeconds = spec.targetSeconds;
    this.eagerPatience = spec.callback !== undefined || spec.redial !== undefined;
  }

  headEnteredAt(now: number): number {
    const head = this.head(now);
    return head === undefined ? NaN : head.enteredQueueAt;
  }

  /** First caller still waiting at `now`, settling expired callers ahead of it. */
  head(now: number): Call | undefined {
    for (;;) {
      const call = this.line.peek();
      if (call === undefined) return undefined;
      if (call.abandonAt < now) {
        call.waiting = false;
        this.waiting--;
        this.settleExpired(call);
        continue;
      }
      return call;
    }
  }

  push(call: Call): void {
    call.waiting = true;
    this.waiting++;
    this.line.push(call);
  }

  /** Take the head (after `head(now)` returned it). */
  take(): Call {
    const call = this.line.shift() as Call;
    call.waiting = false;
    this.waiting--;
    return call;
  }

  /** Remove a caller from the middle of the line (eager abandonment). */
  remove(call: Call): void {
    call.waiting = false;
    this.waiting--;
  }
}
