import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ControlRoomCollector } from '../../src/metrics/collector.js';
import type { CallView, MonitorLayout, QueueOutcome } from '../../src/model/monitor.js';

// 2022-02-27 18:00 UTC, 5 days: the window crosses into March; warm-up 6 hours.
const START = Date.UTC(2022, 1, 27, 18);
const LAYOUT: MonitorLayout = {
  startEpochMs: START, timeZone: 'UTC',
  warmupSeconds: 6 * 3600,
  horizonSeconds: 5 * 86_400,
  channels: ['999'],
  queues: [{ name: 'Q', targetSeconds: 20 }],
  pools: ['main'],
  areas: [],
};

const visit = fc.record({
  arrivedAt: fc.double({ min: 0, max: LAYOUT.horizonSeconds - 1, noNaN: true }),
  delay: fc.double({ min: 0, max: 600, noNaN: true }),
  answerSeconds: fc.oneof(fc.constant(20), fc.double({ min: 0, max: 200, noNaN: true })),
  outcome: fc.constantFrom<QueueOutcome>('answered', 'abandoned', 'open'),
});

function view(id: number, v: { arrivedAt: number; delay: number }, outcome: QueueOutcome): CallView {
  return {
    id, channel: '999', arrivedAt: v.arrivedAt, counted: v.arrivedAt >= LAYOUT.warmupSeconds, redialOf: -1, chasingIncident: -1,
    outcome: outcome === 'open' ? 'open' : outcome === 'answered' ? 'answered' : 'abandoned', endedAt: NaN, lastQueue: 'Q',
    enteredQueueAt: v.arrivedAt + v.delay, answerSeconds: NaN, callbackAcceptedAt: NaN, handleSeconds: 1, patienceSeconds: 1,
    needed: 'none', given: 'none', area: '',
  };
}

describe('ControlRoomCollector against a naive recount', () => {
  it('queue counts, ratios, mean number waiting and month/hour series equal a direct recount with Date', () => {
    fc.assert(
      fc.property(fc.array(visit, { maxLength: 60 }), (visits) => {
        const m = new ControlRoomCollector();
        m.begin(LAYOUT);
        const from = LAYOUT.warmupSeconds;
        const to = LAYOUT.horizonSeconds;
        let waiting = 0;
        const months = new Map<string, { offered: number; within: number }>();
        const hours = Array.from({ length: 24 }, () => ({ offered: 0, abandoned: 0 }));
        let offered = 0;
        let answered = 0;
        let abandoned = 0;
        let within = 0;
        visits.forEach((v, i) => {
          const leftAt = v.outcome === 'open' ? to : Math.min(to, v.arrivedAt + v.delay + v.answerSeconds);
          const call = view(i, v, v.outcome);
          m.queueLeft(0, leftAt, v.outcome, v.outcome === 'open' ? NaN : v.answerSeconds, call);
          waiting += Math.max(0, Math.min(leftAt, to) - Math.max(call.enteredQueueAt, from));
          if (!call.counted) return;
          const date = new Date(START + v.arrivedAt * 1000);
          const key = `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
          const month = months.get(key) ?? { offered: 0, within: 0 };
          months.set(key, month);
          const hour = hours[date.getUTCHours()];
          offered++;
          month.offered++;
          hour.offered++;
          if (v.outcome === 'answered') {
            answered++;
            if (v.answerSeconds <= 20) (within++, month.within++);
          } else if (v.outcome === 'abandoned') {
            abandoned++;
            hour.abandoned++;
          }
        });
        m.end();
        const r = m.result(0, 0);
        const nan = (x: number, y: number): number => (y > 0 ? x / y : NaN);
        expect(r.metrics['queues.Q.offered']).toBe(offered);
        expect(r.metrics['queues.Q.answered']).toBe(answered);
        expect(r.metrics['queues.Q.abandoned']).toBe(abandoned);
        expect(r.metrics['queues.Q.open']).toBe(offered - answered - abandoned);
        expect(r.metrics['queues.Q.serviceLevel']).toEqual(nan(within, offered));
        expect(r.metrics['queues.Q.answeredWithinTarget']).toEqual(nan(within, answered));
        expect(r.metrics['queues.Q.meanWaiting']).toBeCloseTo(waiting / (to - from), 9);
        const byMonth = r.series['queues.Q.serviceLevel.byMonth'];
        expect(byMonth.keys).toEqual(['2022-02', '2022-03']);
        byMonth.keys.forEach((key, i) => {
          const month = months.get(key);
          expect(byMonth.values[i]).toEqual(month === undefined ? NaN : nan(month.within, month.offered));
        });
        const byHour = r.series['queues.Q.abandonedRatio.byHourOfDay'].values;
        hours.forEach((h, i) => expect(byHour[i]).toEqual(nan(h.abandoned, h.offered)));
      }),
      { numRuns: 200 },
    );
  });
});
