import type { AreaKind, Grade } from './dispatch/types.js';

/** How a call left the control room. `open`: still in the system at the horizon. */
export type CallOutcome = 'answered' | 'abandoned' | 'deflected' | 'ivrHangUp' | 'resolved' | 'callbackFailed' | 'open';

/** How a call left one queue. */
export type QueueOutcome = 'answered' | 'abandoned' | 'callbackReached' | 'callbackFailed' | 'open';

/** A finished (or open) call as the model reports it. Read-only view of the model's record. */
export interface CallView {
  readonly id: number;
  readonly channel: string;
  /** Simulated seconds. */
  readonly arrivedAt: number;
  /** False for calls arriving in the warm-up. */
  readonly counted: boolean;
  /** Id of the first call of this caller when this is a redial; -1 otherwise. */
  readonly redialOf: number;
  /** Id of the incident this caller is chasing; -1 otherwise. */
  readonly chasingIncident: number;
  readonly outcome: CallOutcome;
  readonly endedAt: number;
  /** Last queue the call was in, or '' when it reached none. */
  readonly lastQueue: string;
  /** When the call entered its last queue (simulated seconds), NaN when it reached none. */
  readonly enteredQueueAt: number;
  /** Answer time in the last queue (BT transfer included for 999), NaN when not answered. */
  readonly answerSeconds: number;
  /** When the caller accepted a callback, NaN when they did not. */
  readonly callbackAcceptedAt: number;
  readonly handleSeconds: number;
  readonly patienceSeconds: number;
  readonly needed: Grade;
  readonly given: Grade;
  readonly area: string;
}

/** Names and calendar facts a collector needs before the first record. */
export interface MonitorLayout {
  startEpochMs: number;
  timeZone: string;
  horizonSeconds: number;
  warmupSeconds: number;
  channels: readonly string[];
  queues: readonly { name: string; targetSeconds: number }[];
  /** Handler pools, with the switchboard's operators named `switchboard` when present. */
  pools: readonly string[];
  areas: readonly { name: string; kind: AreaKind }[];
  /**
   * The optional mechanisms the scenario turns on (issue 15), absent when none is: collectors add
   * their metrics only then, so results of scenarios without them are unchanged.
   */
  mechanisms?: {
    callers: boolean;
    channelShift: boolean;
    onlineReports: boolean;
    /** THRIVE under load or recognition from the assessment (`grading.thriveLossPerMinuteWaited`, `grading.withoutThrive`). */
    recognition?: boolean;
    /** Attendance targets in minutes of Priority High and Standard, when Priority is split. */
    prioritySplit?: { high: { urban: number; rural: number }; standard: { urban: number; rural: number } };
  };
}

/**
 * What the model reports, as flat records with positional arguments (no object per record on the
 * hot path). Indices refer to the lists in `MonitorLayout`. Statistics live behind this interface
 * in `src/metrics/`; the model computes none.
 */
export interface ModelMonitor {
  begin(layout: MonitorLayout): void;
  /** A call entered queue `queue` at `at` (BT transfer already done). */
  queueEntered(queue: number, at: number, call: CallView): void;
  /**
   * A call left queue `queue` at `at` (for a lazily settled abandonment, `at` is the instant the
   * caller's patience ran out, which may be earlier than the current simulated time).
   * `answerSeconds` is the time from reaching the force (transfer included) to being answered, or
   * to abandoning. At the horizon, calls still waiting leave with outcome 'open'.
   */
  queueLeft(queue: number, at: number, outcome: QueueOutcome, answerSeconds: number, call: CallView): void;
  /** A callback was accepted (after `offerAfterSeconds` in the queue). */
  callbackAccepted(queue: number, at: number, call: CallView): void;
  /** An abandoned caller will redial. */
  redialScheduled(queue: number, at: number, call: CallView): void;
  /** A call left the system, or is open at the horizon. */
  callEnded(call: CallView): void;
  /** Busy and present headcount of a pool changed at `at` (present counts handlers finishing a call before leaving). */
  poolLevel(pool: number, at: number, busy: number, staffed: number): void;
  /**
   * Number waiting in a queue changed at `at`. The call model does NOT call this: abandonment in
   * queues without callbacks or redials is settled lazily (when a handler next looks at the
   * queue), so levels are not reported in time order. Derive the time-average number waiting from
   * visits instead: each queueLeft contributes min(at, horizon) - max(call.enteredQueueAt, warmup).
   */
  queueLevel(queue: number, at: number, waiting: number): void;

  /** An incident was created in an area (dispatched grades and counted grades alike). */
  incidentCreated(area: number, at: number, needed: Grade, given: Grade, counted: boolean): void;
  /**
   * A unit arrived at an incident. `attendanceSeconds` runs from the attendance clock's start
   * (`clockStartAt`, simulated seconds) to `at`; `travelSeconds` is the arriving unit's travel
   * time, so attendance is never shorter. Targets are judged in the metrics against both the given
   * and the needed grade. When nothing can change while a unit travels, dispatch records the
   * arrival when it sends the unit, so `at` may lie ahead of the current simulated time.
   */
  incidentAttended(area: number, at: number, needed: Grade, given: Grade, attendanceSeconds: number, counted: boolean, travelSeconds: number, clockStartAt: number): void;
  /** An incident still waiting or travelling at the horizon. */
  incidentOpen(area: number, needed: Grade, given: Grade, waitedSeconds: number, counted: boolean): void;
  /** Busy and present unit headcount of an area changed (`staffed` counts busy units finishing past their shift, so busy <= staffed). */
  unitLevel(area: number, at: number, busy: number, staffed: number): void;
  /** Incidents waiting for a unit in an area changed. */
  dispatchQueueLevel(area: number, at: number, waiting: number): void;
  /** A victim update fell due (`made` false) or was made before attendance (`made` true). */
  victimUpdate(area: number, at: number, made: boolean, counted: boolean): void;
  /** An incident was upgraded while waiting. */
  incidentUpgraded(area: number, at: number, from: Grade, to: Grade): void;

  /** An event of an optional mechanism (`callers/events.ts`); monitors that do not count them omit it. */
  mechanismEvent?(event: number, at: number, counted: boolean): void;
  /**
   * A Priority incident of Priority High (`standard` false) or Standard attended after
   * `attendanceSeconds`, or still unattended at the horizon (NaN); only when Priority is split.
   */
  priorityTierAttended?(area: number, standard: boolean, attendanceSeconds: number, counted: boolean): void;

  end(horizonSeconds: number): void;
}
