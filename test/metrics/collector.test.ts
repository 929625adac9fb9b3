import { beforeAll, describe, expect, it } from 'vitest';
import { ControlRoomCollector } from '../../src/metrics/collector.js';
import type { ReplicationResult } from '../../src/metrics/results.js';
import type { CallView, MonitorLayout } from '../../src/model/monitor.js';

// 2022-01-31 22:00 UTC; warm-up one hour (to 23:00), horizon three hours (01:00 on 1 February),
// so the counting window [3600, 10800] spans two months and two hours of day.
const LAYOUT: MonitorLayout = {
  startEpochMs: Date.UTC(2022, 0, 31, 22), timeZone: 'UTC',
  warmupSeconds: 3600,
  horizonSeconds: 10_800,
  channels: ['999', '101'],
  queues: [
    { name: '999', targetSeconds: 10 },
    { name: '101', targetSeconds: 60 },
  ],
  pools: ['main', 'switchboard'],
  areas: [
    { name: 'north', kind: 'urban' },
    { name: 'south', kind: 'rural' },
  ],
};

let nextId = 1;
/** A call record with defaults; `counted` follows the warm-up unless given. */
function call(fields: Partial<CallView> & { arrivedAt: number }): CallView {
  return {
    id: nextId++,
    channel: '999',
    counted: fields.arrivedAt >= LAYOUT.warmupSeconds,
    redialOf: -1,
    chasingIncident: -1,
    outcome: 'answered',
    endedAt: NaN,
    lastQueue: '999',
    enteredQueueAt: fields.arrivedAt,
    answerSeconds: NaN,
    callbackAcceptedAt: NaN,
    handleSeconds: 60,
    patienceSeconds: 100,
    needed: 'none',
    given: 'none',
    area: '',
    ...fields,
  };
}

/** Feed one hand-made day of records (see the expected figures in the tests). */
function run(): ReplicationResult {
  const m = new ControlRoomCollector();
  m.begin(LAYOUT);
  const Q999 = 0;
  const Q101 = 1;
  // A warm-up call: not counted, but its time waiting inside the window (3600..3700) is.
  const warm = call({ arrivedAt: 100, outcome: 'answered' });
  m.queueLeft(Q999, 3700, 'answered', 3600, warm);
  m.callEnded(warm);
  // 999 calls. c1 waited 7 s in the queue after a 5 s BT transfer: answer time 12 s (> 10 s target).
  const c1 = call({ arrivedAt: 3700, enteredQueueAt: 3705 });
  m.queueLeft(Q999, 3712, 'answered', 12, c1);
  const c2 = call({ arrivedAt: 3800 });
  m.queueLeft(Q999, 3803, 'answered', 3, c2);
  const c3 = call({ arrivedAt: 7300 });
  m.queueLeft(Q999, 7307, 'answered', 7, c3);
  const c4 = call({ arrivedAt: 7400, outcome: 'abandoned' });
  m.queueLeft(Q999, 7430, 'abandoned', 30, c4);
  const c5 = call({ arrivedAt: 10_000, outcome: 'open' });
  m.queueLeft(Q999, 10_800, 'open', NaN, c5);
  // 101 calls: a callback accepted at 4100 and made at 4400; an abandonment, then its redial.
  const c6 = call({ arrivedAt: 4000, channel: '101', lastQueue: '101', callbackAcceptedAt: 4100 });
  m.callbackAccepted(Q101, 4100, c6);
  m.queueLeft(Q101, 4400, 'callbackReached', 400, c6);
  const c7 = call({ arrivedAt: 5000, channel: '101', lastQueue: '101', outcome: 'abandoned' });
  m.queueLeft(Q101, 5100, 'abandoned', 100, c7);
  m.redialScheduled(Q101, 5100, c7);
  const c8 = call({ arrivedAt: 5200, channel: '101', lastQueue: '101', redialOf: c7.id });
  m.queueLeft(Q101, 5210, 'answered', 10, c8);
  const c9 = call({ arrivedAt: 6000, channel: '101', lastQueue: '', outcome: 'deflected', enteredQueueAt: NaN });
  for (const c of [c1, c2, c3, c4, c5, c6, c7, c8, c9]) m.callEnded(c);

  // Pools: main busy 1 of 2, busy 2 of 2 from 5400, busy 0 of 4 from 9000. Switchboard 1 of 1.
  m.poolLevel(0, 0, 1, 2);
  m.poolLevel(1, 0, 1, 1);
  m.poolLevel(0, 5400, 2, 2);
  m.poolLevel(0, 9000, 0, 4);

  // Incidents (targets: immediate 15 urban / 20 rural, priority 60 minutes).
  m.incidentCreated(0, 4000, 'immediate', 'priority', true); // under-graded
  m.incidentCreated(1, 4100, 'immediate', 'immediate', true);
  m.incidentCreated(0, 4200, 'scheduled', 'scheduled', true);
  m.incidentCreated(0, 100, 'immediate', 'immediate', false);
  m.incidentAttended(0, 5200, 'immediate', 'priority', 20 * 60, true);
  m.incidentAttended(1, 5180, 'immediate', 'immediate', 18 * 60, true);
  m.incidentAttended(0, 200, 'immediate', 'immediate', 100 * 60, false);
  m.incidentOpen(0, 'priority', 'priority', 500, true);
  m.unitLevel(0, 0, 1, 2);
  m.unitLevel(1, 0, 0, 0);
  m.dispatchQueueLevel(0, 5400, 2);
  m.dispatchQueueLevel(0, 8100, 1);
  m.dispatchQueueLevel(0, 9000, 0);
  m.victimUpdate(0, 5000, false, true);
  m.victimUpdate(0, 5100, false, true);
  m.victimUpdate(0, 5150, true, true);
  m.victimUpdate(0, 100, false, false);
  m.incidentUpgraded(0, 100, 'priority', 'immediate');
  m.incidentUpgraded(0, 5000, 'priority', 'immediate');
  m.end();
  return m.result(3, 1234);
}

describe('ControlRoomCollector on hand-made records', () => {
  let r: ReplicationResult;
  beforeAll(() => {
    r = run();
  });
  const metric = (name: string): number => {
    expect(r.metrics, `metric ${name}`).toHaveProperty([name]);
    return r.metrics[name];
  };

  it('carries the replication number, events run and counted calls offered', () => {
    expect(r.replication).toBe(3);
    expect(r.eventsRun).toBe(1234);
    expect(r.callsOffered).toBe(9);
  });

  it('999 queue: counts, ratios and answer bands over counted calls; an open visit is offered only', () => {
    expect(metric('queues.999.offered')).toBe(5);
    expect(metric('queues.999.answered')).toBe(3);
    expect(metric('queues.999.abandoned')).toBe(1);
    expect(metric('queues.999.open')).toBe(1);
    expect(metric('queues.999.abandonedRatio')).toBe(1 / 5);
    expect(metric('queues.999.serviceLevel')).toBe(2 / 5);
    expect(metric('queues.999.answeredWithinTarget')).toBe(2 / 3);
    expect(metric('queues.999.answerBands.under5s')).toBe(1 / 3);
    expect(metric('queues.999.answerBands.from5to10s')).toBe(1 / 3);
    expect(metric('queues.999.answerBands.over10s')).toBe(1 / 3);
    expect(metric('queues.999.abandonWaitSeconds.mean')).toBe(30);
  });

  it('999 wait figures from the answered calls (3, 7 and 12 s; the warm-up call excluded)', () => {
    expect(metric('queues.999.waitSeconds.mean')).toBe(22 / 3);
    expect(Math.abs(metric('queues.999.waitSeconds.p50') - 7)).toBeLessThan(0.01 * 7);
    expect(metric('queues.999.waitSeconds.p90')).toBe(12);
    expect(metric('queues.999.waitSeconds.p99')).toBe(12);
  });

  it('mean number waiting: caller-seconds inside [3600, 10800] over the window, warm-up callers included', () => {
    // 100 (warm-up caller) + 7 + 3 + 7 + 30 + 800 (open at the horizon)
    expect(metric('queues.999.meanWaiting')).toBe(947 / 7200);
  });

  it('101 queue: callbacks, redials and the redial counted as a new offered call', () => {
    expect(metric('queues.101.offered')).toBe(3);
    expect(metric('queues.101.answered')).toBe(1);
    expect(metric('queues.101.abandoned')).toBe(1);
    expect(metric('queues.101.callbacks.accepted')).toBe(1);
    expect(metric('queues.101.callbacks.reached')).toBe(1);
    expect(metric('queues.101.callbacks.failed')).toBe(0);
    expect(metric('queues.101.callbacks.waitSeconds.mean')).toBe(300);
    expect(metric('queues.101.redials')).toBe(1);
    expect(metric('queues.101.serviceLevel')).toBe(1 / 3);
    expect(metric('queues.101.answeredWithinTarget')).toBe(1);
    expect(metric('queues.101.waitSeconds.mean')).toBe(10);
  });

  it('calls and channels: offered, unique callers and outcome counts', () => {
    expect(metric('calls.offered')).toBe(9);
    expect(metric('calls.uniqueCallers')).toBe(8);
    expect(metric('channels.999.offered')).toBe(5);
    expect(metric('channels.999.answered')).toBe(3);
    expect(metric('channels.999.abandoned')).toBe(1);
    expect(metric('channels.999.open')).toBe(1);
    expect(metric('channels.101.offered')).toBe(4);
    expect(metric('channels.101.answered')).toBe(2);
    expect(metric('channels.101.abandoned')).toBe(1);
    expect(metric('channels.101.deflected')).toBe(1);
    expect(metric('channels.101.ivrHangUp')).toBe(0);
    expect(metric('channels.101.resolved')).toBe(0);
  });

  it('series by arrival month and hour of day', () => {
    const byMonth = r.series['queues.999.serviceLevel.byMonth'];
    expect(byMonth.by).toBe('month');
    expect(byMonth.keys).toEqual(['2022-01', '2022-02']);
    expect(byMonth.values).toEqual([1 / 2, 1 / 3]);
    expect(r.series['queues.999.abandonedRatio.byMonth'].values).toEqual([0, 1 / 3]);
    expect(r.series['queues.999.answeredWithinTarget.byMonth'].values).toEqual([1 / 2, 1]);
    const byHour = r.series['queues.999.abandonedRatio.byHourOfDay'];
    expect(byHour.by).toBe('hourOfDay');
    expect(byHour.keys).toHaveLength(24);
    expect(byHour.keys[0]).toBe('00');
    expect(byHour.keys[23]).toBe('23');
    expect(byHour.values[23]).toBe(0);
    expect(byHour.values[0]).toBe(1 / 3);
    expect(byHour.values[12]).toBeNaN();
    expect(r.series['queues.999.answeredWithinTarget.byHourOfDay'].values[0]).toBe(1);
  });

  it('pool occupancy: busy over present handler-seconds in the window, and by hour of day', () => {
    // busy 1x1800 + 2x3600 + 0x1800 = 9000; present 2x1800 + 2x3600 + 4x1800 = 18000.
    expect(metric('handlers.main.occupancy')).toBe(0.5);
    expect(metric('switchboard.occupancy')).toBe(1);
    expect(r.metrics['handlers.switchboard.occupancy']).toBeUndefined();
    const byHour = r.series['handlers.main.occupancy.byHourOfDay'].values;
    expect(byHour[23]).toBe(5400 / 7200);
    expect(byHour[0]).toBe(3600 / 10_800);
    expect(byHour[5]).toBeNaN();
  });

  it('attendance judged against the given grade and against the needed grade', () => {
    // Given: a priority incident attended in 20 min (target 60) and an immediate rural one in 18 (target 20).
    expect(metric('incidents.priority.north.attended')).toBe(1);
    expect(metric('incidents.priority.north.withinTarget')).toBe(1);
    expect(metric('incidents.priority.north.attendanceMinutes.mean')).toBe(20);
    expect(metric('incidents.priority.north.open')).toBe(1);
    expect(metric('incidents.priority.urban.open')).toBe(1);
    expect(metric('incidents.immediate.south.withinTarget')).toBe(1);
    expect(metric('incidents.immediate.rural.breaches')).toBe(0);
    expect(metric('incidents.immediate.urban.withinTarget')).toBeNaN();
    expect(metric('incidents.immediate.all.attended')).toBe(1);
    expect(metric('incidents.breachShare')).toBe(0);
    // Needed: both were immediate; the north one (urban, target 15) breached at 20 minutes.
    expect(metric('incidentsByNeed.immediate.north.breaches')).toBe(1);
    expect(metric('incidentsByNeed.immediate.all.attended')).toBe(2);
    expect(metric('incidentsByNeed.immediate.all.withinTarget')).toBe(1 / 2);
    expect(Math.abs(metric('incidentsByNeed.immediate.all.attendanceMinutes.p90') - 20)).toBeLessThan(0.2);
    expect(metric('incidentsByNeed.immediate.all.attendanceMinutes.mean')).toBe(19);
    expect(metric('incidentsByNeed.breachShare')).toBe(1 / 2);
  });

  it('grading, incident counts, victim updates and upgrades over counted incidents', () => {
    expect(metric('incidents.created')).toBe(3);
    expect(metric('incidents.immediate.count')).toBe(1);
    expect(metric('incidents.priority.count')).toBe(1);
    expect(metric('incidents.scheduled.count')).toBe(1);
    expect(metric('incidents.resolvedWithoutDeployment.count')).toBe(0);
    expect(metric('grading.undergraded')).toBe(1 / 3);
    expect(metric('grading.upgraded')).toBe(1);
    expect(metric('victimUpdates.owed')).toBe(2);
    expect(metric('victimUpdates.made')).toBe(1);
    expect(metric('victimUpdates.missed')).toBe(1);
  });

  it('units and dispatch waiting: time-weighted over the window, waiting by hour of day', () => {
    expect(metric('units.north.occupancy')).toBe(0.5);
    expect(metric('units.south.occupancy')).toBeNaN();
    // 2 waiting on [5400, 8100), 1 on [8100, 9000): (5400 + 900) / 7200.
    expect(metric('dispatch.north.waiting')).toBe(6300 / 7200);
    const byHour = r.series['dispatch.north.waiting.byHourOfDay'].values;
    expect(byHour[23]).toBe(3600 / 3600);
    expect(byHour[0]).toBe((2 * 900 + 1 * 900) / 3600);
    expect(byHour[1]).toBeNaN();
  });

  it('every metric has one of the documented units', () => {
    const allowed = new Set(['calls', 'ratio', 'seconds', 'minutes', 'incidents', 'callers', 'handlers']);
    for (const name of Object.keys(r.metrics)) expect(allowed.has(r.units[name]), `${name}: ${r.units[name]}`).toBe(true);
  });

  it('the same records give the same result', () => {
    nextId = 1;
    const a = run();
    nextId = 1;
    const b = run();
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});

describe('ControlRoomCollector edge cases', () => {
  it('a horizon exactly at a month start adds no empty month to the series', () => {
    const m = new ControlRoomCollector();
    m.begin({ ...LAYOUT, startEpochMs: Date.UTC(2022, 0, 1), warmupSeconds: 0, horizonSeconds: 31 * 86_400, areas: [] });
    m.end();
    expect(m.result(0, 0).series['queues.999.serviceLevel.byMonth'].keys).toEqual(['2022-01']);
  });

  it('without areas there are no attendance metrics; figures without data are NaN, counts 0', () => {
    const m = new ControlRoomCollector();
    m.begin({ ...LAYOUT, areas: [] });
    m.end();
    const r = m.result(0, 0);
    expect(Object.keys(r.metrics).some((k) => k.startsWith('incidents.immediate.all.'))).toBe(false);
    expect(r.metrics['queues.999.serviceLevel']).toBeNaN();
    expect(r.metrics['calls.offered']).toBe(0);
  });

  it('a call on a channel the layout does not name is an error naming it', () => {
    const m = new ControlRoomCollector();
    m.begin(LAYOUT);
    expect(() => m.callEnded(call({ arrivedAt: 5000, channel: 'text' }))).toThrow(/unknown channel 'text'/);
  });
});
