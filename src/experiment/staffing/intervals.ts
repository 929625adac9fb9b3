/**
 * Staffing intervals on the scenario's local clock: the hour of the week (168), the hour of the
 * day (24), or each hour of each date of the horizon (`hourOfDate`: 24 a day, so a summer surge or
 * a bank holiday gets its own requirement). Labels a planner reads ("Mon 09:00", "2022-07-14
 * 09:00") and the roster spec that gives one headcount per interval.
 */
import { Calendar } from '../../engine/calendar.js';
import type { RosterPeriod, RosterSpec } from '../../engine/profile-types.js';

import type { IntervalKind } from './interval-kinds.js';

export { INTERVAL_KINDS, type IntervalKind } from './interval-kinds.js';

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** What a scheme needs of the scenario: its start, clock and horizon. */
export interface ClockFacts {
  startEpochMs: number;
  timeZone: string;
  horizonSeconds: number;
}

export interface IntervalScheme {
  kind: IntervalKind;
  /** Number of intervals. */
  count: number;
  calendar: Calendar;
  /** Index of the interval time `t` (seconds from the start) falls in. */
  of(t: number): number;
  /** "Mon 09:00", "09:00" or "2022-07-14 09:00". */
  label(i: number): string;
  /** The roster with one headcount per interval. */
  roster(staff: readonly number[]): RosterSpec;
  /** Local dates of the horizon, "2022-07-14" (hourOfDate only; empty otherwise). */
  dates: readonly string[];
  /** Simulated instant of each date's local midnight (hourOfDate only). */
  dayStarts: readonly number[];
}

const hh = (h: number): string => `${String(h).padStart(2, '0')}:00`;

export function intervalScheme(kind: IntervalKind, clock: ClockFacts): IntervalScheme {
  const calendar = new Calendar(clock.startEpochMs, clock.timeZone);
  if (kind === 'hourOfWeek' || kind === 'hourOfDay') {
    const week = kind === 'hourOfWeek';
    return {
      kind, calendar, count: week ? 168 : 24, dates: [], dayStarts: [],
      of: week ? (t) => calendar.hourOfWeek(t) : (t) => calendar.hourOfDay(t),
      label: week ? (i) => `${DAYS[Math.floor(i / 24)]} ${hh(i % 24)}` : hh,
      roster: week ? (staff) => ({ hourOfWeek: [...staff] }) : (staff) => ({ hourOfDay: [...staff] }),
    };
  }
  const days = calendar.dayIndex(Math.max(0, clock.horizonSeconds - 1)) + 1;
  const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: clock.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const dayStarts = Array.from({ length: days }, (_, d) => calendar.atLocal(d, 0));
  const dates = dayStarts.map((s) => dayFormat.format(new Date(calendar.epochMs(s + 12 * 3600))));
  return {
    kind, calendar, count: days * 24, dates, dayStarts,
    of: (t) => Math.min(days * 24 - 1, calendar.dayIndex(t) * 24 + calendar.hourOfDay(t)),
    label: (i) => `${dates[Math.floor(i / 24)]} ${hh(i % 24)}`,
    roster: (staff) => datedRoster(calendar, dayStarts, (d) => ({ hourOfDay: staff.slice(d * 24, d * 24 + 24) })),
  };
}

/**
 * A roster by date: one period per run of consecutive days with the same day roster, each from
 * its first day's local midnight (the first period from the start).
 */
export function datedRoster(calendar: Calendar, dayStarts: readonly number[], dayRoster: (d: number) => RosterSpec): RosterSpec {
  const periods: RosterPeriod[] = [];
  let last = '';
  dayStarts.forEach((s, d) => {
    const roster = dayRoster(d);
    const key = JSON.stringify(roster);
    if (key === last) return;
    last = key;
    periods.push(d === 0 ? { roster } : { from: new Date(calendar.epochMs(s)).toISOString(), roster });
  });
  return periods.length === 1 ? periods[0].roster as RosterSpec : { periods };
}

/** Seconds of each interval inside [from, to): how often each interval occurs in the counted window. */
export function intervalSeconds(scheme: IntervalScheme, from: number, to: number): number[] {
  const out = new Array<number>(scheme.count).fill(0);
  for (let t = from; t < to; ) {
    const next = Math.min(to, scheme.calendar.hourEnd(t));
    out[scheme.of(t)] += next - t;
    t = next > t ? next : t + 3600;
  }
  return out;
}
