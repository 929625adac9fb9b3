/**
 * One member of the caller population (issue 15): the person behind a matter, shared by every
 * call they make (first call, redials, chasing calls, channel shifts, online reports calling back,
 * new matters). Only the last contact is kept, so memory follows the callers still in the system,
 * never the horizon: once their last event has passed, nothing refers to them.
 */
export class CallerPerson {
  /** Arrival of this person's last call (simulated seconds). */
  lastContactAt = -Infinity;
  /** Delay in seconds before they call again about a new matter once a call is handled; -1: they will not. */
  callAgainDelaySeconds = -1;
  /** The channel of the new matter waiting to arrive (set when one is scheduled). */
  callAgainChannel = 0;
  /** The person's vulnerability (their first call's flag), kept for new matters when recognition comes from the assessment. */
  vulnerable = false;
  /** True once a handler recognised this person as vulnerable: their record flags it on a recognised repeat call. */
  recognisedVulnerable = false;
}

/** How a call came to be, for the mechanisms that made it (a first call, a redial or a chasing call has none). */
export const CALLED_AGAIN = 1;
export const SHIFTED = 2;
export const ONLINE_CALL_BACK = 3;

/** Draws of the optional mechanisms made at a call's arrival (and how the call came to be). */
export class CallExtras {
  /** True once the arrival draws were made. */
  drawn = false;
  /** Uniform deciding a channel shift after abandoning, and its delay (seconds). */
  shiftDraw = 1;
  shiftDelaySeconds = 0;
  /** Uniform deciding an online report's later work, and its delay (seconds). */
  onlineDraw = 1;
  onlineDelaySeconds = 0;
  constructor(
    /** 0 (arrived by itself), CALLED_AGAIN, SHIFTED or ONLINE_CALL_BACK. */
    readonly origin: number,
  ) {}
}
