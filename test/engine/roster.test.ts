import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/engine/calendar.js';
import { PiecewiseConstant } from '../../src/engine/piecewise.js';
import { rosterPieces, withExtras } from '../../src/engine/roster.js';
import { SpecError } from '../../src/engine/spec-error.js';

const HOUR = 3600;
const DAY = 86_400;
// Monday 3 January 2022, 00:00 UTC.
const monday = new Calendar(Date.parse('2022-01-03T00:00:00Z'));

describe('rosters', () => {
  it('constant: one piece, no change instants', () => {
    const r = rosterPieces({ constant: 12 }, monday, 7 * DAY);
    expect(r.valueAt(0)).toBe(12);
    expect(r.valueAt(5 * DAY)).toBe(12);
    expect(r.changeTimes()).toEqual([]);
    expect(rosterPieces(4 as never, monday, DAY).valueAt(100)).toBe(4);
  });

  it('hourOfDay: the headcount of each hour, repeated daily, changing only where the list changes', () => {
    const hours = Array.from({ length: 24 }, (_, h) => (h >= 8 && h < 20 ? 10 : 4));
    const r = rosterPieces({ hourOfDay: hours }, monday, 2 * DAY);
    expect(r.valueAt(7 * HOUR + 3599)).toBe(4);
    expect(r.valueAt(8 * HOUR)).toBe(10);
    expect(r.valueAt(DAY + 19 * HOUR)).toBe(10);
    expect(r.changeTimes()).toEqual([8 * HOUR, 20 * HOUR, DAY + 8 * HOUR, DAY + 20 * HOUR]);
  });

  it('hourOfWeek: follows the calendar when the run starts on a Saturday at 06:30', () => {
    const saturday = new Calendar(Date.parse('2022-01-01T06:30:00Z'));
    const week = Array.from({ length: 168 }, (_, h) => h); // headcount = hour of week
    const r = rosterPieces({ hourOfWeek: week }, saturday, 3 * DAY);
    expect(r.valueAt(0)).toBe(5 * 24 + 6);
    expect(r.valueAt(30 * 60)).toBe(5 * 24 + 7); // 07:00 Saturday
    expect(r.changeTimes()[0]).toBe(30 * 60);
    expect(r.valueAt(41 * 60 * 60 + 30 * 60)).toBe(0); // Monday 00:00
  });

  it('a night shift crossing midnight is on from 22:00 to 06:00, including the one that started before the run', () => {
    const r = rosterPieces({ shifts: [{ start: '22:00', hours: 8, staff: 5 }] }, monday, 3 * DAY);
    expect(r.valueAt(0)).toBe(5); // Sunday night's shift still on at Monday 00:00
    expect(r.valueAt(6 * HOUR - 1)).toBe(5);
    expect(r.valueAt(6 * HOUR)).toBe(0);
    expect(r.valueAt(22 * HOUR)).toBe(5);
    expect(r.valueAt(DAY + 3 * HOUR)).toBe(5);
    expect(r.changeTimes()).toEqual([6 * HOUR, 22 * HOUR, DAY + 6 * HOUR, DAY + 22 * HOUR, 2 * DAY + 6 * HOUR, 2 * DAY + 22 * HOUR]);
  });

  it('the days filter names the day a shift starts on; a Friday night shift runs into Saturday', () => {
    const r = rosterPieces({ shifts: [{ start: '20:00', hours: 10, days: ['Fri'], staff: 3 }] }, monday, 7 * DAY);
    expect(r.valueAt(4 * DAY + 19 * HOUR)).toBe(0);
    expect(r.valueAt(4 * DAY + 20 * HOUR)).toBe(3);
    expect(r.valueAt(5 * DAY + 5 * HOUR)).toBe(3); // Saturday 05:00
    expect(r.valueAt(5 * DAY + 6 * HOUR)).toBe(0);
    expect(r.valueAt(0)).toBe(0);
    expect(r.integral(0, 7 * DAY)).toBe(3 * 10 * HOUR);
  });

  it('overlapping shifts add, and the change instants are where the total changes', () => {
    const r = rosterPieces(
      {
        shifts: [
          { start: '07:00', hours: 10, staff: 6 },
          { start: '15:00', hours: 10, staff: 4 },
          { start: '23:00', hours: 8, staff: 2 },
        ],
      },
      monday,
      DAY,
    );
    expect(r.valueAt(0)).toBe(4 + 2); // late shift from Sunday 15:00 to 01:00, night from Sunday 23:00
    expect(r.valueAt(1 * HOUR)).toBe(2);
    expect(r.valueAt(7 * HOUR)).toBe(6); // the night shift ends as the early one starts
    expect(r.valueAt(15 * HOUR)).toBe(10); // overlap 15:00-17:00
    expect(r.valueAt(17 * HOUR)).toBe(4);
    expect(r.valueAt(23 * HOUR)).toBe(6);
    expect(r.changeTimes()).toEqual([1 * HOUR, 7 * HOUR, 15 * HOUR, 17 * HOUR, 23 * HOUR]);
  });

  it('dated extras add headcount over their window only', () => {
    const base = rosterPieces({ constant: 10 }, monday, 10 * DAY);
    const r = withExtras(base, [{ fromSeconds: 2 * DAY, toSeconds: 4 * DAY, extra: 5 }]);
    expect(r.valueAt(2 * DAY - 1)).toBe(10);
    expect(r.valueAt(2 * DAY)).toBe(15);
    expect(r.valueAt(4 * DAY)).toBe(10);
    expect(r.changeTimes()).toEqual([2 * DAY, 4 * DAY]);
  });

  it('bad inputs give a SpecError naming the field', () => {
    const cases: Array<[unknown, string]> = [
      [{ constant: -1 }, 'pool.roster.constant'],
      [{ constant: 2.5 }, 'pool.roster.constant'],
      [{ hourOfDay: [1, 2, 3] }, 'pool.roster.hourOfDay'],
      [{ hourOfDay: [...Array(23).fill(1), -2] }, 'pool.roster.hourOfDay[23]'],
      [{ hourOfWeek: Array(24).fill(1) }, 'pool.roster.hourOfWeek'],
      [{ shifts: [] }, 'pool.roster.shifts'],
      [{ shifts: [{ start: '7am', hours: 8, staff: 1 }] }, 'pool.roster.shifts[0].start'],
      [{ shifts: [{ start: '24:00', hours: 8, staff: 1 }] }, 'pool.roster.shifts[0].start'],
      [{ shifts: [{ start: '07:00', hours: 0, staff: 1 }] }, 'pool.roster.shifts[0].hours'],
      [{ shifts: [{ start: '07:00', hours: 25, staff: 1 }] }, 'pool.roster.shifts[0].hours'],
      [{ shifts: [{ start: '07:00', hours: 8, staff: 1 }, { start: '07:00', hours: 8, staff: -1 }] }, 'pool.roster.shifts[1].staff'],
      [{ shifts: [{ start: '07:00', hours: 8, staff: 1, days: ['Monday'] }] }, 'pool.roster.shifts[0].days[0]'],
      [{ shifts: [{ start: '07:00', hours: 8, staff: 1, days: 'Mon' }] }, 'pool.roster.shifts[0].days'],
      [{ weekly: 3 }, 'pool.roster'],
      [null, 'pool.roster'],
    ];
    for (const [spec, path] of cases) {
      let error: unknown;
      try {
        rosterPieces(spec as never, monday, DAY, 'pool.roster');
      } catch (e) {
        error = e;
      }
      expect(error, JSON.stringify(spec)).toBeInstanceOf(SpecError);
      expect((error as SpecError).path, JSON.stringify(spec)).toBe(path);
    }
  });
});

describe('PiecewiseConstant', () => {
  const f = PiecewiseConstant.from([0, 10, 20, 30], [1, 1, 3]);
  it('merges equal neighbours, looks up values and integrates', () => {
    expect(Array.from(f.breaks)).toEqual([0, 20, 30]);
    expect(f.valueAt(19.999)).toBe(1);
    expect(f.valueAt(20)).toBe(3);
    expect(f.valueAt(1e9)).toBe(3);
    expect(f.integral(0, 30)).toBe(50);
    expect(f.integral(15, 25)).toBe(5 + 15);
    expect(f.integral(-5, 100)).toBe(50);
    expect(f.integral(25, 15)).toBe(0);
  });

  it('scaleWindow and addWindow change only [from, to)', () => {
    const g = f.scaleWindow(5, 8, 10);
    expect(g.integral(0, 30)).toBe(50 + 3 * 9);
    expect(g.valueAt(4.9)).toBe(1);
    expect(g.valueAt(5)).toBe(10);
    expect(g.valueAt(8)).toBe(1);
    expect(f.addWindow(25, 40, 2).integral(0, 30)).toBe(50 + 10);
    expect(f.integral(0, 30)).toBe(50); // immutable
  });

  it('scaleByDay multiplies each calendar day by its own factor, cutting at UTC midnights', () => {
    const c = new Calendar(Date.parse('2022-01-03T12:00:00Z'));
    const flat = PiecewiseConstant.from([0, 2 * DAY], [1]);
    const g = flat.scaleByDay(c, (day) => day + 1);
    expect(g.valueAt(0)).toBe(1);
    expect(g.valueAt(12 * HOUR)).toBe(2);
    expect(g.valueAt(36 * HOUR)).toBe(3);
    expect(g.changeTimes()).toEqual([12 * HOUR, 36 * HOUR]);
  });
});

describe('rosterPieces made once per frozen roster, calendar and horizon', () => {
  it('a frozen roster gives the same headcount object to every replication\'s calendar; a changed horizon or an unfrozen roster makes a new one', () => {
    const shifts = Object.freeze({ shifts: Object.freeze([Object.freeze({ start: '07:00', hours: 10, staff: 4 })]) });
    const start = Date.UTC(2022, 0, 3);
    const first = rosterPieces(shifts, new Calendar(start, 'Europe/London'), 7 * 86_400);
    expect(rosterPieces(shifts, new Calendar(start, 'Europe/London'), 7 * 86_400)).toBe(first);
    const longer = rosterPieces(shifts, new Calendar(start, 'Europe/London'), 8 * 86_400);
    expect(longer).not.toBe(first);
    expect(Array.from(longer.values)).toEqual([0, 4, 0, 4, 0, 4, 0, 4, 0, 4, 0, 4, 0, 4, 0, 4, 0]);
    expect(rosterPieces(shifts, new Calendar(start, 'UTC'), 8 * 86_400)).not.toBe(longer);
    const open = { shifts: [{ start: '07:00', hours: 10, staff: 4 }] };
    const made = rosterPieces(open, new Calendar(start), 7 * 86_400);
    open.shifts[0].staff = 5;
    expect(rosterPieces(open, new Calendar(start), 7 * 86_400).valueAt(8 * 3600)).toBe(5);
    expect(made.valueAt(8 * 3600)).toBe(4);
  });
});
