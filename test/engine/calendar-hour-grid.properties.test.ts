import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/engine/calendar.js';
import { ratePieces } from '../../src/engine/rate-profile.js';

// Zones with hour changes (London, New York, Santiago), a half-hour change (Lord Howe), a fixed
// quarter-hour offset (Kathmandu), changes around Ramadan (Casablanca), and UTC.
const ZONES = ['Europe/London', 'America/New_York', 'America/Santiago', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Africa/Casablanca', 'UTC'];

/** The hour pieces walked call by call, as ratePieces and hourly rosters did before the grid. */
function walkedByCalls(calendar: Calendar, horizonSeconds: number) {
  const grid = { breaks: [0], hourOfDay: [] as number[], dayOfWeek: [] as number[], hourOfWeek: [] as number[], month: [] as number[] };
  for (let t = 0; t < horizonSeconds; ) {
    const next = Math.min(horizonSeconds, calendar.nextHourBreak(t));
    grid.hourOfDay.push(calendar.hourOfDay(t));
    grid.dayOfWeek.push(calendar.dayOfWeek(t));
    grid.hourOfWeek.push(calendar.dayOfWeek(t) * 24 + calendar.hourOfDay(t));
    grid.month.push(calendar.month(t));
    grid.breaks.push(next);
    t = next;
  }
  return grid;
}

describe('Calendar.hourGrid', () => {
  it('equals the hour-by-hour walk through nextHourBreak, hourOfDay, dayOfWeek and month, bit for bit, in every zone', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        // Starts in 2019-2026, whole hours, mid-hour, odd seconds and milliseconds.
        fc.integer({ min: Date.UTC(2019, 0, 1) / 1000, max: Date.UTC(2026, 11, 31) / 1000 }),
        fc.constantFrom(0, 0, 0.25, 0.5, 0.999),
        fc.integer({ min: 1, max: 120 * 86_400 }),
        (zone, startSeconds, fraction, horizonSeconds) => {
          const startEpochMs = startSeconds * 1000 + Math.round(fraction * 1000);
          const grid = new Calendar(startEpochMs, zone).hourGrid(horizonSeconds);
          // A calendar of its own for the reference (the zone table is shared either way).
          const reference = walkedByCalls(new Calendar(startEpochMs, zone), horizonSeconds);
          expect(grid).toEqual(reference);
          expect(grid.breaks.every((b, i) => Object.is(b, reference.breaks[i]))).toBe(true);
        },
      ),
      { numRuns: 60, seed: 12 },
    );
  });

  it('walks clock changes and a whole year as the calls do, and is made once per horizon', () => {
    for (const zone of ZONES) {
      for (const start of [Date.UTC(2022, 0, 1), Date.UTC(2022, 2, 27, 0, 30), Date.UTC(2022, 9, 30, 0, 59, 59, 500)]) {
        const calendar = new Calendar(start, zone);
        const grid = calendar.hourGrid(366 * 86_400);
        expect(grid).toEqual(walkedByCalls(new Calendar(start, zone), 366 * 86_400));
        expect(calendar.hourGrid(366 * 86_400)).toBe(grid);
      }
    }
  });
});

describe('ratePieces made once per frozen profile, calendar and horizon', () => {
  it('every replication\'s calendar gets the same table from a frozen profile; another horizon or zone, or an unfrozen profile, a new one', () => {
    const week = Object.freeze(Array.from({ length: 168 }, (_, i) => 1 + (i % 3)));
    const spec = Object.freeze({ perHour: 36, hourOfWeek: week });
    const start = Date.UTC(2022, 2, 20);
    const first = ratePieces(spec, new Calendar(start, 'Europe/London'), 14 * 86_400);
    expect(ratePieces(spec, new Calendar(start, 'Europe/London'), 14 * 86_400)).toBe(first);
    expect(ratePieces(spec, new Calendar(start, 'Europe/London'), 15 * 86_400)).not.toBe(first);
    expect(ratePieces(spec, new Calendar(start, 'UTC'), 14 * 86_400)).not.toBe(first);
    const open = { perHour: 36, hourOfWeek: [...week] };
    const made = ratePieces(open, new Calendar(start, 'Europe/London'), 14 * 86_400);
    expect(made).not.toBe(first);
    expect(Array.from(made.values)).toEqual(Array.from(first.values));
    open.perHour = 72;
    expect(ratePieces(open, new Calendar(start, 'Europe/London'), 14 * 86_400).values[0]).toBe(2 * made.values[0]);
  });
});
