import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/engine/calendar.js';

const HOUR = 3600;
const DAY = 86_400;

describe('Calendar (UTC)', () => {
  it('2022-01-01 was a Saturday: day, hour and hour of week at known instants', () => {
    const c = new Calendar(Date.parse('2022-01-01T00:00:00Z'));
    expect(c.dayOfWeek(0)).toBe(5); // Saturday (Monday 0)
    expect(c.hourOfWeek(0)).toBe(120);
    expect(c.hourOfDay(13 * HOUR + 45 * 60)).toBe(13);
    expect(c.dayOfWeek(DAY)).toBe(6); // Sunday 2 January
    expect(c.hourOfWeek(DAY + 23 * HOUR + 3599)).toBe(167);
    expect(c.dayOfWeek(2 * DAY)).toBe(0); // Monday 3 January
    expect(c.hourOfWeek(2 * DAY)).toBe(0);
    expect(c.month(0)).toBe(0);
    expect(c.monthKey(0)).toBe('2022-01');
    expect(c.dayIndex(DAY - 1)).toBe(0);
    expect(c.dayIndex(DAY)).toBe(1);
  });

  it('a mid-day start counts hours and days from the UTC midnight before it', () => {
    const c = new Calendar(Date.parse('2022-01-05T22:30:00Z')); // Wednesday
    expect(c.hourOfDay(0)).toBe(22);
    expect(c.hourOfDay(30 * 60)).toBe(23);
    expect(c.hourOfDay(90 * 60)).toBe(0);
    expect(c.dayOfWeek(0)).toBe(2);
    expect(c.dayOfWeek(90 * 60)).toBe(3);
    expect(c.dayIndex(90 * 60)).toBe(1);
    expect(c.epochMs(60)).toBe(Date.parse('2022-01-05T22:31:00Z'));
  });

  it('months across a year boundary: December 2021 to February 2022', () => {
    const c = new Calendar(Date.parse('2021-12-15T00:00:00Z'));
    expect(c.month(0)).toBe(11);
    expect(c.monthKey(0)).toBe('2021-12');
    expect(c.monthOrdinal(0)).toBe(0);
    const newYear = 17 * DAY; // 2022-01-01T00:00Z
    expect(c.month(newYear - 1)).toBe(11);
    expect(c.month(newYear)).toBe(0);
    expect(c.monthKey(newYear)).toBe('2022-01');
    expect(c.monthOrdinal(newYear)).toBe(1);
    expect(c.monthStart(1)).toBe(newYear);
    expect(c.monthStart(0)).toBe(-14 * DAY);
    expect(c.monthStart(2)).toBe(newYear + 31 * DAY);
    expect(c.monthKey(newYear + 31 * DAY)).toBe('2022-02');
    expect(c.monthKey(newYear + 59 * DAY)).toBe('2022-03'); // 2022 is not a leap year
    // A year later, and back again (lookups out of order).
    expect(c.monthKey(newYear + 365 * DAY)).toBe('2023-01');
    expect(c.monthKey(newYear - 1)).toBe('2021-12');
    expect(c.dayOfWeek(newYear)).toBe(5);
  });

  it('a leap year February has 29 days', () => {
    const c = new Calendar(Date.parse('2024-02-01T00:00:00Z'));
    expect(c.monthKey(28 * DAY)).toBe('2024-02');
    expect(c.monthKey(29 * DAY)).toBe('2024-03');
    expect(c.monthStart(1)).toBe(29 * DAY);
  });

  it('agrees with Date for any start and instant (hour, weekday, month, month key)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2000-01-01T00:00:00Z'), max: Date.parse('2040-01-01T00:00:00Z') }),
        fc.integer({ min: 0, max: 3 * 365 * DAY }),
        (startMs, t) => {
          const c = new Calendar(startMs);
          const d = new Date(startMs + t * 1000);
          expect(c.hourOfDay(t)).toBe(d.getUTCHours());
          expect(c.dayOfWeek(t)).toBe((d.getUTCDay() + 6) % 7);
          expect(c.hourOfWeek(t)).toBe(((d.getUTCDay() + 6) % 7) * 24 + d.getUTCHours());
          expect(c.month(t)).toBe(d.getUTCMonth());
          expect(c.monthKey(t)).toBe(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses a non-finite start', () => {
    expect(() => new Calendar(Number.NaN)).toThrow(RangeError);
  });
});
