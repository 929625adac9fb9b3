import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/engine/calendar.js';
import type { DayName, ShiftSpec } from '../../src/engine/profile-types.js';
import { rosterPieces } from '../../src/engine/roster.js';

const DAYS: readonly DayName[] = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const QUARTER = 900;

const shiftArb: fc.Arbitrary<ShiftSpec> = fc
  .record({
    quarter: fc.integer({ min: 0, max: 95 }),
    quarters: fc.integer({ min: 1, max: 96 }),
    days: fc.option(fc.subarray([...DAYS], { minLength: 1 }), { nil: undefined }),
    staff: fc.integer({ min: 0, max: 5 }),
  })
  .map(({ quarter, quarters, days, staff }) => {
    const hh = String(Math.floor(quarter / 4)).padStart(2, '0');
    const mm = String((quarter % 4) * 15).padStart(2, '0');
    return { start: `${hh}:${mm}`, hours: quarters / 4, staff, ...(days ? { days } : {}) };
  });

/**
 * Brute-force headcount at t: every shift, started on every calendar day from the day before the
 * run to the last day, counts when t is in [start, start + hours) and its start day is listed.
 * Weekday and midnight come from Date, not from the Calendar under test.
 */
function referenceHeadcount(shifts: readonly ShiftSpec[], startEpochMs: number, days: number, t: number): number {
  const startMidnight = Math.floor(startEpochMs / 86_400_000) * 86_400_000;
  let total = 0;
  for (const shift of shifts) {
    const [hh, mm] = shift.start.split(':').map(Number);
    for (let d = -1; d <= days; d++) {
      const midnightMs = startMidnight + d * 86_400_000;
      const weekday = DAYS[(new Date(midnightMs).getUTCDay() + 6) % 7];
      if (shift.days && !shift.days.includes(weekday)) continue;
      const from = (midnightMs - startEpochMs) / 1000 + hh * 3600 + mm * 60;
      if (t >= from && t < from + shift.hours * 3600) total += shift.staff;
    }
  }
  return total;
}

describe('rosterPieces with shifts (property against a brute-force count)', () => {
  it('headcount at every probe equals the sum of shifts on, across midnights and the week boundary; change instants are exactly where it changes', () => {
    fc.assert(
      fc.property(
        fc.array(shiftArb, { minLength: 1, maxLength: 4 }),
        // Start anywhere in a week starting Monday 2022-01-03, on a quarter hour.
        fc.integer({ min: 0, max: 7 * 96 - 1 }),
        fc.integer({ min: 1, max: 10 }),
        (shifts, startQuarter, days) => {
          const startEpochMs = Date.UTC(2022, 0, 3) + startQuarter * QUARTER * 1000;
          const horizon = days * 86_400;
          const pieces = rosterPieces({ shifts }, new Calendar(startEpochMs), horizon, 'roster');
          expect(pieces.horizon).toBe(horizon);
          // Shifts start and end on quarter hours, so probing mid-quarter sees every piece.
          let previous = -1;
          const changes: number[] = [];
          for (let q = 0; q < horizon / QUARTER; q++) {
            const t = q * QUARTER + QUARTER / 2;
            const expected = referenceHeadcount(shifts, startEpochMs, days, t);
            expect(pieces.valueAt(t)).toBe(expected);
            if (q > 0 && expected !== previous) changes.push(q * QUARTER);
            previous = expected;
          }
          expect(pieces.changeTimes()).toEqual(changes);
        },
      ),
      { numRuns: 60 },
    );
  });
});
