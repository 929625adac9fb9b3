import type { Simulator } from '../engine/simulator.js';
import type { Call, QueueVisit } from './call.js';
import type { CallOutcome, ModelMonitor } from './monitor.js';

/** The queue stage as other stages see it: a call joins the queue of `visit`. */
export interface QueueEntrance {
  enter(call: Call, visit: QueueVisit): void;
}

/** The optional caller mechanisms (issue 15) as the journey sees them: a call offered, a call ended. */
export interface JourneyHooks {
  offered(call: Call): void;
  ended(call: Call, outcome: CallOutcome, at: number): void;
}

/**
 * What every stage of the call journey shares: the clock, the monitor, the counter of call ids,
 * and the one way a call leaves the control room.
 */
export class Journey {
  private nextId = 0;
  /** Calls offered to the control room so far (first calls, redials and chasing calls). */
  callsOffered = 0;
  /** The optional caller mechanisms, when the scenario turns one on. */
  mechanisms: JourneyHooks | null = null;

  constructor(
    readonly sim: Simulator,
    readonly monitor: ModelMonitor,
    private readonly callSink: ((call: Call) => void) | undefined,
  ) {}

  /** The next id (calls and outbound jobs share the counter). */
  newId(): number {
    return this.nextId++;
  }

  /** The call leaves (or is still in the system, `open`, at the horizon). */
  end(call: Call, outcome: CallOutcome, at: number): void {
    call.outcome = outcome;
    call.endedAt = at;
    this.monitor.callEnded(call);
    this.callSink?.(call);
    this.mechanisms?.ended(call, outcome, at);
  }
}
