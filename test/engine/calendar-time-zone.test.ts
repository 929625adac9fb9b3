import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/engine/calendar.js';
import { ratePieces } from '../../src/engine/rate-profile.js';
import { rosterPieces } from '../../src/engine/roster.js';
import { isTimeZone } from '../../src/engine/time-zone.js';

const HOUR = 3600;
const DAY = 86_400;
const START = Date.parse('2022-01-01T00:00:00Z'); // a Saturday, GMT
const LONDON = new Calendar(START, 'Europe/London');
// 2022 clock changes in London: 27 March 01:00 UTC (to BST), 30 October 01:00 UTC (to GMT).
const SPRING = (Date.parse('2022-03-27T01:00:00Z') - START) / 1000;
const AUTUMN = (Date.parse('2022-10-30T01:00:00Z') - START) / 1000;
const at = (iso: string): number => (Date.parse(iso) - START) / 1000;

describe('Calendar in Europe/London across both clock changes', () => {
  it('reads local hours: GMT in winter, BST (UTC+1) in summer', () => {
    expect(LONDON.hourOfDay(at('2022-01-10T07:30:00Z'))).toBe(7);
    expect(LONDON.hourOfDay(at('2022-07-10T06:30:00Z'))).toBe(7);
    expect(LONDON.hourOfDay(SPRING - 1)).toBe(0); // 00:59:59 GMT
    expect(LONDON.hourOfDay(SPRING)).toBe(2); // 02:00 BST: 01:00-02:00 does not happen
    expect(LONDON.hourOfDay(AUTUMN - 1)).toBe(1); // 01:59:59 BST
    expect(LONDON.hourOfDay(AUTUMN)).toBe(1); // 01:00 GMT: the hour happens twice
  });

  it('days are 23 hours long on the spring change and 25 on the autumn change', () => {
    const springDay = LONDON.dayIndex(SPRING);
    expect(LONDON.atLocal(springDay + 1, 0) - LONDON.atLocal(springDay, 0)).toBe(23 * HOUR);
    const autumnDay = LONDON.dayIndex(AUTUMN);
    expect(LONDON.atLocal(autumnDay + 1, 0) - LONDON.atLocal(autumnDay, 0)).toBe(25 * HOUR);
    expect(LONDON.dayOfWeek(SPRING)).toBe(6); // Sunday
    expect(LONDON.dayOfWeek(at('2022-07-10T23:30:00Z'))).toBe(0); // 00:30 BST Monday 11 July
  });

  it('months start at local midnight: July starts at 23:00 UTC on 30 June', () => {
    const july = LONDON.monthStart(6);
    expect(july).toBe(at('2022-06-30T23:00:00Z'));
    expect(LONDON.monthKey(july - 1)).toBe('2022-06');
    expect(LONDON.monthKey(july)).toBe('2022-07');
  });

  it('the hour after each local hour ends on a whole local hour, and the clock change ends one', () => {
    expect(LONDON.hourEnd(SPRING - 10)).toBe(SPRING);
    expect(LONDON.hourEnd(AUTUMN - 10)).toBe(AUTUMN);
    expect(LONDON.hourEnd(at('2022-07-10T06:30:00Z'))).toBe(at('2022-07-10T07:00:00Z'));
  });

  it('UTC and unknown zones: UTC is fixed, nonsense is refused', () => {
    expect(new Calendar(START).fixed).toBe(true);
    expect(isTimeZone('Europe/Lndon')).toBe(false);
    expect(() => new Calendar(START, 'Mars/Olympus')).toThrow(/unknown time zone/);
  });
});

describe('rosters and profiles on the local clock', () => {
  const horizon = 330 * DAY; // past the autumn change (30 October)
  const shifts = { shifts: [{ start: '07:00', hours: 8, staff: 5 }, { start: '23:00', hours: 8, staff: 2 }] };
  const roster = rosterPieces(shifts, LONDON, horizon);

  it('a 07:00-15:00 local roster gives the same local-hour staffing in January and July', () => {
    const localHours = (dayIso: string): number[] => {
      const midnightUtc = LONDON.atLocal(LONDON.dayIndex(at(dayIso)), 0);
      return Array.from({ length: 24 }, (_, h) => roster.valueAt(midnightUtc + h * HOUR + 1800));
    };
    const january = localHours('2022-01-12T12:00:00Z');
    const july = localHours('2022-07-13T12:00:00Z');
    expect(july).toEqual(january);
    expect(january.slice(6, 16)).toEqual([2, 5, 5, 5, 5, 5, 5, 5, 5, 0]);
    // In July the 07:00 shift starts at 06:00 UTC.
    expect(roster.valueAt(at('2022-07-13T06:30:00Z'))).toBe(5);
    expect(roster.valueAt(at('2022-01-12T06:30:00Z'))).toBe(2);
  });

  it('the 23:00 night shift lasts 7 hours on the spring change and 9 on the autumn change', () => {
    const nightOn = (from: number, to: number): number => {
      let seconds = 0;
      for (let t = from; t < to; t += 60) if (roster.valueAt(t + 30) === 2) seconds += 60;
      return seconds / HOUR;
    };
    const springEve = LONDON.atLocal(LONDON.dayIndex(SPRING) - 1, 23 * HOUR);
    expect(nightOn(springEve, springEve + 10 * HOUR)).toBe(7);
    const autumnEve = LONDON.atLocal(LONDON.dayIndex(AUTUMN) - 1, 23 * HOUR);
    expect(nightOn(autumnEve, autumnEve + 10 * HOUR)).toBe(9);
  });

  it("an hour-of-day profile's hour 7 is 07:00 local in January and in July", () => {
    const hourOfDay = Array.from({ length: 24 }, (_, h) => (h === 7 ? 24 : 0));
    const rate = ratePieces({ perHour: 1, hourOfDay }, LONDON, horizon);
    expect(rate.valueAt(at('2022-01-12T07:30:00Z'))).toBeGreaterThan(0);
    expect(rate.valueAt(at('2022-07-13T06:30:00Z'))).toBeGreaterThan(0);
    expect(rate.valueAt(at('2022-07-13T07:30:00Z'))).toBe(0);
  });
});
