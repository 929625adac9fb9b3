import type { CallerCase } from './dispatch/caller-case.js';
import type { Grade } from './dispatch/types.js';
import type { CallOutcome, CallView } from './monitor.js';
import type { EventHandle } from '../engine/simulator.js';

/**
 * One offered call. Its random attributes (patience and handle time for each queue on its path,
 * route choices, wrap-up, callback and redial decisions) are drawn when it arrives, from its
 * channel's own streams, so scenarios differing only in staffing or policy see the same callers.
 * A call visits at most two queues: its entry queue and, after the switchboard, a handler queue.
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
  /** Index of the queue the call is in or was last in; -1 before any queue. */
  queueIndex = -1;
  /** 0 in the entry queue, 1 in the queue after the switchboard. */
  stage = 0;
  /** Instant its patience runs out in the current queue (Infinity: never). */
  abandonAt = Infinity;
  patienceEvent: EventHandle | null = null;
  offerEvent: EventHandle | null = null;
  callbackAcceptedAt = NaN;
  answeredAt = NaN;

  // Attributes drawn at arrival.
  transferSeconds = 0;
  ivrSeconds = 0;
  /** Queue index entered first (after IVR/transfer); -1 when the call leaves at the IVR. */
  entryQueue = -1;
  ivrOutcome: 'onward' | 'deflected' | 'ivrHangUp' = 'onward';
  /** Queue index after the switchboard, or -1 when resolved there. */
  routedQueue = -1;
  patience0 = Infinity;
  patience1 = Infinity;
  handle0 = 0;
  handle1 = 0;
  wrapUp0 = 0;
  wrapUp1 = 0;
  /** Uniform draws deciding callback acceptance, callback reach, and redial. */
  callbackDraw = 1;
  reachDraw = 0;
  failedAttemptSeconds = 0;
  redialDraw = 1;
  redialDelay0 = 0;
  redialDelay1 = 0;
  /** Id of the incident whose victim this outbound work updates; -1 for a caller's call. */
  victimUpdateFor = -1;
  /** Dispatch's case for this caller (need, flags, area), when grading is modelled. */
  caseRef: CallerCase | null = null;

  constructor(
    readonly id: number,
    readonly channel: string,
    readonly channelIndex: number,
    readonly arrivedAt: number,
    readonly counted: boolean,
    readonly redialOf: number,
    readonly chasingIncident: number,
  ) {}

  /** Patience in the current queue. */
  get patienceSeconds(): number {
    return this.stage === 0 ? this.patience0 : this.patience1;
  }

  /** Handle time in the current queue. */
  get handleSeconds(): number {
    return this.stage === 0 ? this.handle0 : this.handle1;
  }
}
