import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/engine/calendar.js';
import { MonthSlots } from '../../src/metrics/month-slots.js';
import {
  MONTH_FIRST, QueueStats, SLICE_ABANDONED, SLICE_ANSWERED, SLICE_FIELDS, SLICE_FROM_5_TO_10S, SLICE_OFFERED, SLICE_UNDER_5S,
  SLICE_WITHIN_TARGET, WEEKDAY_FIRST,
} from '../../src/metrics/queue-stats.js';
import type { CallView, QueueOutcome } from '../../src/model/monitor.js';

// 2022-03-25 00:00 UTC, 10 days in London: the clocks go forward on the 27th and April begins.
const START = Date.UTC(2022, 2, 25);
const HORIZON = 10 * 86_400;
const WARMUP = 3600;

const leaving = fc.record({
  arrivedAt: fc.oneof(fc.double({ min: 0, max: HORIZON - 1, noNaN: true }), fc.integer({ min: 0, max: HORIZON / 3600 - 1 }).map((h) => h * 3600)),
  answerSeconds: fc.double({ min: 0, max: 30, noNaN: true }),
  outcome: fc.constantFrom<QueueOutcome>('answered', 'abandoned', 'open'),
});

function view(arrivedAt: number): CallView {
  return {
    id: 0, channel: '999', arrivedAt, counted: arrivedAt >= WARMUP, redialOf: -1, chasingIncident: -1, outcome: 'open', endedAt: NaN,
    lastQueue: 'Q', enteredQueueAt: arrivedAt, answerSeconds: NaN, callbackAcceptedAt: NaN, handleSeconds: 1, patienceSeconds: 1,
    needed: 'none', given: 'none', area: '',
  };
}

describe('QueueStats slices', () => {
  it('counts by arrival hour, weekday and month equal a direct recount, whatever order calls leave in', () => {
    fc.assert(
      fc.property(fc.array(leaving, { maxLength: 80 }), (calls) => {
        const calendar = new Calendar(START, 'Europe/London');
        const months = new MonthSlots(calendar, WARMUP, HORIZON);
        const stats = new QueueStats('Q', 10, months, WARMUP, HORIZON);
        const expected = new Float64Array((MONTH_FIRST + months.count) * SLICE_FIELDS);
        const add = (slice: number, field: number): void => {
          expected[slice * SLICE_FIELDS + field]++;
        };
        for (const c of calls) {
          stats.left(c.arrivedAt + c.answerSeconds, c.outcome, c.answerSeconds, view(c.arrivedAt));
          if (c.arrivedAt < WARMUP) continue;
          const hour = calendar.hourOfDay(c.arrivedAt);
          const day = WEEKDAY_FIRST + calendar.dayOfWeek(c.arrivedAt);
          const month = MONTH_FIRST + calendar.monthOrdinal(c.arrivedAt) - calendar.monthOrdinal(WARMUP);
          const all = (field: number): void => [hour, day, month].forEach((s) => add(s, field));
          all(SLICE_OFFERED);
          if (c.outcome === 'abandoned') all(SLICE_ABANDONED);
          if (c.outcome !== 'answered') continue;
          all(SLICE_ANSWERED);
          if (c.answerSeconds <= 10) all(SLICE_WITHIN_TARGET);
          if (c.answerSeconds < 5) add(month, SLICE_UNDER_5S);
          else if (c.answerSeconds < 10) add(month, SLICE_FROM_5_TO_10S);
        }
        expect(months.count).toBe(2);
        expect(Array.from(stats.slices)).toEqual(Array.from(expected));
        // Reading flushes nothing twice: a second read and a per-slice read agree.
        expect(stats.slice(MONTH_FIRST, SLICE_OFFERED)).toBe(expected[MONTH_FIRST * SLICE_FIELDS + SLICE_OFFERED]);
        expect(Array.from(stats.slices)).toEqual(Array.from(expected));
      }),
      { numRuns: 200 },
    );
  });
});
