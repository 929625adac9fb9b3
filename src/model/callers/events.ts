/**
 * Events of the optional mechanisms (issue 15) that the model reports through the optional
 * `ModelMonitor.mechanismEvent`; the collector counts them (counted calls only).
 */
export const MechanismEvent = {
  /** A call offered whose caller called within the repeat window. */
  repeatOffered: 0,
  /** A handled repeat call whose caller the handler recognised as a repeat. */
  repeatRecognised: 1,
  /** A handled repeat call whose caller was not recognised. */
  repeatMissed: 2,
  /** A caller called again about a new matter. */
  calledAgain: 3,
  /** An abandoning caller called another channel. */
  shifted: 4,
  /** A call deflected to online reporting (on a channel with `onlineReports`). */
  onlineReport: 5,
  /** An online report came back as a call. */
  onlineCallBack: 6,
  /** An online report became an incident. */
  onlineIncident: 7,
  /** A Priority incident created as Priority High, or as Priority Standard (priority split). */
  priorityHighCreated: 8,
  priorityStandardCreated: 9,
  /** A handled call that opened an incident, with THRIVE done or missing (recognition modelled). */
  thriveDone: 10,
  thriveMissing: 11,
  /** A handled call of a vulnerable caller that opened an incident: recognised, or not. */
  vulnerableRecognised: 12,
  vulnerableMissed: 13,
  /** Of the recognised: recognised only from the record of a recognised repeat caller. */
  vulnerableFromHistory: 14,
} as const;

/** Number of mechanism events (the size of a table of counts). */
export const MECHANISM_EVENTS = 15;
