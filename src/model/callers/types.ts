import type { DistributionSpec } from '../../engine/distributions.js';

/**
 * Optional mechanisms of the caller population (issue 15), resolved. Each is off when absent, and
 * a scenario without them runs exactly as before (no stream is created, no draw is made).
 */

/** Repeat callers from history: a call is a repeat when its caller called within the window. */
export interface ResolvedCallers {
  repeatWindowSeconds: number;
  /** Callers who call again about a new matter after a handled call (absent: none). */
  callAgain?: { probability: number; delayHours: DistributionSpec };
}

/** A caller abandoning any queue of the source channel may call channel `to` instead. */
export interface ResolvedChannelShift {
  to: string;
  probability: number;
  delaySeconds: DistributionSpec;
}

/**
 * Online reports (the IVR's deflected calls) with a later workload: a share comes back as a call
 * on `channel`, another share becomes an incident (graded without handler time), after a delay.
 */
export interface ResolvedOnlineReports {
  callBack: number;
  incident: number;
  delayHours: DistributionSpec;
  channel: string;
}

/** The optional caller mechanisms of a scenario, by name. */
export interface CallerMechanisms {
  callers?: ResolvedCallers;
  /** By source channel name. */
  channelShift?: Readonly<Record<string, ResolvedChannelShift>>;
  /** By channel name (the channel whose IVR deflects). */
  onlineReports?: Readonly<Record<string, ResolvedOnlineReports>>;
}
