/**
 * Plain-data forms of time profiles, as resolved from a scenario. Weights are relative: each list
 * is scaled to average 1, so `perHour` stays the mean rate over a whole week (and year); month
 * weights may instead be absolute multipliers (`monthWeights: 'absolute'`), applied as written.
 * Calendars are local to the calendar's time zone (UTC unless named); days of the week run Monday (0) to Sunday (6); months January (0) to
 * December (11); hour-of-week 0 is Monday 00:00-01:00.
 */
export interface RateProfileSpec {
  /** Mean arrivals per hour before shaping. */
  perHour: number;
  hourOfDay?: readonly number[]; // 24 weights
  dayOfWeek?: readonly number[]; // 7 weights
  month?: readonly number[]; // 12 weights
  /** How `month` applies: relative (default; scaled to average 1) or absolute multipliers (as written). */
  monthWeights?: 'relative' | 'absolute';
  /** 168 weights; replaces hourOfDay and dayOfWeek when given. */
  hourOfWeek?: readonly number[];
}

/** Day names accepted by shifts. */
export type DayName = 'Mon' | 'Tue' | 'Wed' | 'Thu' | 'Fri' | 'Sat' | 'Sun';

export interface ShiftSpec {
  /** A name people use for it (late, night); not used by the engine. */
  name?: string;
  /** Local clock time (the calendar's time zone) the shift starts, "HH:MM". */
  start: string;
  /** Length in hours; may run past midnight. */
  hours: number;
  /** Days on which the shift starts; all days when absent. */
  days?: readonly DayName[];
  /** Headcount on the shift. */
  staff: number;
}

/** A headcount over time. Numbers are headcounts (non-negative integers). */
export type RosterSpec =
  | { constant: number }
  | { hourOfDay: readonly number[] } // 24 headcounts
  | { hourOfWeek: readonly number[] } // 168 headcounts
  | { shifts: readonly ShiftSpec[] }
  | { periods: readonly RosterPeriod[] };

/**
 * A roster that changes by date (a summer uplift from 1 June): each period's roster applies from
 * its `from` instant (ISO-8601; the first period may omit it and applies from the start) until the
 * next period's. Periods do not nest.
 */
export interface RosterPeriod {
  from?: string;
  roster: RosterSpec | number;
}

/** Extra headcount for a dated window (seconds from the scenario start). */
export interface DatedExtra {
  fromSeconds: number;
  toSeconds: number;
  extra: number;
}
