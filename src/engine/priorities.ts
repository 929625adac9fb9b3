/**
 * Same-instant priorities: when two events fall at the same simulated time, the one with the
 * lower number runs first; equal numbers run in scheduling order.
 *
 * A release runs before a seize so that a server freed at t can take a customer arriving at t;
 * a capacity change (a shift boundary) runs with releases so headcount is right before anyone
 * looks for a free server. Timeouts (patience running out) run after arrivals; observations
 * (sampling, horizon bookkeeping) run last so they see the instant settled.
 */
export const SameInstant = {
  release: 0,
  capacity: 1,
  seize: 2,
  arrival: 3,
  timeout: 4,
  observe: 9,
} as const;

export type SameInstantPriority = (typeof SameInstant)[keyof typeof SameInstant];

/** Highest priority number the future-event list accepts (it packs priority with a sequence). */
export const MAX_PRIORITY = 255;
