/**
 * Staffing intervals: the hour of the week (168) or the hour of the day (24) a time falls in, with
 * labels a planner reads ("Mon 09:00") and the roster spec that gives one headcount per interval.
 */
import { Calendar } from '../../engine/calendar.js';
import type { RosterSpec } from '../../engine/profile-types.js';

export type IntervalKind = 'hourOfWeek' | 'hourOfDay';

export const INTERVAL_KINDS: readonly IntervalKind[] = ['hourOfWeek', 'hourOfDay'];

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export function intervalCount(kind: IntervalKind): number {
  return kind === 'hourOfWeek' ? 168 : 24;
}

/** Index of the interval time `t` (seconds from the start) falls in. */
export function intervalOf(kind: IntervalKind, calendar: Calendar, t: number): number {
  return kind === 'hourOfWeek' ? calendar.hourOfWeek(t) : calendar.hourOfDay(t);
}

const hh = (h: number): string => `${String(h).padStart(2, '0')}:00`;

/** "Mon 09:00" (hour of week) or "09:00" (hour of day). */
export function intervalLabel(kind: IntervalKind, index: number): string {
  return kind === 'hourOfWeek' ? `${DAYS[Math.floor(index / 24)]} ${hh(index % 24)}` : hh(index);
}

/** The roster with one headcount per interval. */
export function intervalRoster(kind: IntervalKind, staff: readonly number[]): RosterSpec {
  return kind === 'hourOfWeek' ? { hourOfWeek: [...staff] } : { hourOfDay: [...staff] };
}

/** Seconds of each interval inside [from, to): how often each interval occurs in the counted window. */
export function intervalSeconds(kind: IntervalKind, calendar: Calendar, from: number, to: number): number[] {
  const out = new Array<number>(intervalCount(kind)).fill(0);
  for (let t = from; t < to; ) {
    const intoHour = (((calendar.epochMs(t) / 1000) % 3600) + 3600) % 3600;
    const next = Math.min(to, t + 3600 - intoHour);
    out[intervalOf(kind, calendar, t)] += next - t;
    t = next;
  }
  return out;
}
