import type { CallExtras } from './callers/person.js';
import type { CallerCase } from './dispatch/caller-case.js';
import type { Grade } from './dispatch/types.js';
import type { CallOutcome, CallView } from './monitor.js';
import type { EventHandle } from '../engine/simulator.js';

/**
 * One queue on a call's planned path, with what was drawn for it when the call arrived: how long
 * the caller waits there before abandoning, the handler's talk and wrap-up time, and the delay
 * before a redial should the caller abandon there.
 */
export class QueueVisit {
  /** Seconds drawn when the call arrived for a redial after abandoning here (0: no redial modelled). */
  redialDelaySeconds = 0;
  constructor(
    readonly queueIndex: number,
    /** Infinity: the caller never abandons here. A replayed patience overrides the draw. */
    public patienceSeconds: number,
    /** A replayed handle time overrides the draw of the last visit. */
    public handleSeconds: number,
    readonly wrapUpSeconds: number,
  ) {}
}

/**
 * What a call carries only where a queue offers callbacks, takes redials or settles patience by
 * events: the draws made at arrival for those queues, and the pending events. Calls elsewhere
 * carry none (seven fields fewer on every call, issue 12); the defaults are the values a call
 * without these draws had.
 */
export class CallOffers {
  /** Uniform draws deciding callback acceptance, callback reach, and redial. */
  callbackDraw = 1;
  reachDraw = 0;
  failedAttemptSeconds = 0;
  redialDraw = 1;
  /** When the caller accepted a callback, NaN when they did not. */
  callbackAcceptedAt = NaN;
  patienceEvent: EventHandle | null = null;
  offerEvent: EventHandle | null = null;
}

/** Where a call without callback, redial or patience events reads its (default) draws. */
const NO_OFFERS: Readonly<CallOffers> = new CallOffers();

/**
 * One offered call. Its random attributes (a visit for each queue on its path, route choices,
 * callback and redial decisions) are drawn when it arrives, from its channel's own streams, so
 * scenarios differing only in staffing or policy see the same callers. A call visits at most two
 * queues: its entry queue and, after the switchboard, a handler queue.
 */
export class Call implements CallView {
  outcome: CallOutcome = 'open';
  endedAt = NaN;
  lastQueue = '';
  enteredQueueAt = NaN;
  answerSeconds = NaN;
  needed: Grade = 'none';
  given: Grade = 'none';
  area = '';

  // Where the call is in its journey.
  /** True while waiting in a queue (the waiting line skips calls where this is false). */
  waiting = false;
  /** The visit under way or last made (the entry visit before any queue). */
  visit: QueueVisit;
  /** Instant its patience runs out in the current queue (Infinity: never). */
  abandonAt = Infinity;
  /** Callback and redial draws and patience events, where the queues on its path need them. */
  offers: CallOffers | null = null;

  // Attributes drawn at arrival.
  transferSeconds = 0;
  ivrSeconds = 0;
  ivrOutcome: 'onward' | 'deflected' | 'ivrHangUp' = 'onward';
  /** Dispatch's case for this caller (need, flags, area), when grading is modelled. */
  callerCase: CallerCase | null = null;
  /** Draws of the optional caller mechanisms (channel shift, online reports), when modelled. */
  extras: CallExtras | null = null;

  constructor(
    readonly id: number,
    readonly channel: string,
    readonly channelIndex: number,
    readonly arrivedAt: number,
    readonly counted: boolean,
    readonly redialOf: number,
    readonly chasingIncident: number,
    /** The queue the call is planned to enter first (its channel's queue or the IVR's choice). */
    readonly entryVisit: QueueVisit,
    /** The queue after the switchboard, or null when the path ends at the first queue. */
    readonly routedVisit: QueueVisit | null,
  ) {
    this.visit = entryVisit;
  }

  /** True in (or before) the entry queue; false after the switchboard routed the call on. */
  get inEntryQueue(): boolean {
    return this.visit === this.entryVisit;
  }

  /** Index of the last queue on the planned path, or -1 when the call leaves at the IVR. */
  get plannedLastQueue(): number {
    if (this.routedVisit !== null) return this.routedVisit.queueIndex;
    return this.ivrOutcome === 'onward' ? this.entryVisit.queueIndex : -1;
  }

  /** When the caller accepted a callback, NaN when they did not. */
  get callbackAcceptedAt(): number {
    return this.offers === null ? NaN : this.offers.callbackAcceptedAt;
  }

  /** The callback and redial draws (the defaults when none were drawn). */
  get drawnOffers(): Readonly<CallOffers> {
    return this.offers ?? NO_OFFERS;
  }

  /** The call's offers, made now if it has none (a queue settling patience by events). */
  ownOffers(): CallOffers {
    if (this.offers === null) this.offers = new CallOffers();
    return this.offers;
  }

  /** Patience in the current queue. */
  get patienceSeconds(): number {
    return this.visit.patienceSeconds;
  }

  /** Handle time in the current queue. */
  get handleSeconds(): number {
    return this.visit.handleSeconds;
  }
}
