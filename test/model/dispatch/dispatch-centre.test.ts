import { describe, expect, it } from 'vitest';
import { Harness } from './harness.js';
import { area, dispatchSpec, scenarioWith } from './scenarios.js';


const MIN = 60;

describe('DispatchCentre, hand-computable', () => {
  it('one unit, 5 min travel, 30 min on scene, Immediate incidents at 0, 10 and 20 min: attendance 5, 30 and 55 min', () => {
    const h = new Harness(scenarioWith(dispatchSpec([area('A', 1)])));
    for (const at of [0, 10, 20]) h.handAt(at * MIN, 'immediate', 5 * MIN, 30 * MIN);
    h.run(10 * 3600);
    const attended = h.monitor.attended();
    // Unit: 0 -> arrives 5, clears 35; -> arrives 40 (created 10: 30), clears 70; -> arrives 75 (created 20: 55).
    expect(attended.map((r) => r.at / MIN)).toEqual([5, 40, 75]);
    expect(attended.map((r) => r.seconds / MIN)).toEqual([5, 30, 55]);
    expect(h.monitor.incidents.filter((r) => r.kind === 'open')).toEqual([]);
    // The unit is busy from 0 to 105 min without a gap, then free.
    const last = h.monitor.unitLevels[h.monitor.unitLevels.length - 1];
    expect(last).toEqual({ area: 0, at: 105 * MIN, busy: 0, staffed: 1 });
  });

  it('grade first: a Priority incident created before an Immediate one waits for it', () => {
    const h = new Harness(scenarioWith(dispatchSpec([area('A', 1)])));
    h.handAt(0, 'immediate', 0, 30 * MIN); // occupies the unit until 30 min
    h.handAt(1 * MIN, 'priority', 0, 10 * MIN);
    h.handAt(2 * MIN, 'immediate', 0, 10 * MIN);
    h.run(5 * 3600);
    const attended = h.monitor.attended();
    expect(attended.map((r) => [r.given, r.at / MIN])).toEqual([['immediate', 0], ['immediate', 30], ['priority', 40]]);
    expect(attended.map((r) => r.seconds / MIN)).toEqual([0, 28, 39]);
  });

  it('dispatch queue length is reported on every change', () => {
    const h = new Harness(scenarioWith(dispatchSpec([area('A', 1)])));
    h.handAt(0, 'immediate', 0, 30 * MIN);
    h.handAt(1 * MIN, 'priority', 0, 10 * MIN);
    h.handAt(2 * MIN, 'priority', 0, 10 * MIN);
    h.run(5 * 3600);
    expect(h.monitor.queueLevels.map((r) => [r.at / MIN, r.waiting])).toEqual([[1, 1], [2, 2], [30, 1], [40, 0]]);
  });

  it('cut-off reserve of 1: with 2 units free a Priority incident goes, with 1 free it waits, and an Immediate one takes it', () => {
    const h = new Harness(scenarioWith(dispatchSpec([area('A', 2)], { policy: { kind: 'cutOffReserve', reserveUnits: 1 } })));
    h.handAt(0, 'priority', 0, 60 * MIN); // 2 free > 1: goes
    h.handAt(1 * MIN, 'priority', 0, 60 * MIN); // 1 free: waits
    h.handAt(5 * MIN, 'immediate', 0, 60 * MIN); // takes the reserved unit
    h.run(10 * 3600);
    const attended = h.monitor.attended();
    // At 60 one unit frees (1 free: still reserved); at 65 the second frees (2 free) and the Priority goes.
    expect(attended.map((r) => [r.given, r.at / MIN])).toEqual([['priority', 0], ['immediate', 5], ['priority', 65]]);
  });

  it('divert: an Immediate incident takes the unit travelling to a Priority one, which goes back to the front of its line', () => {
    const h = new Harness(scenarioWith(dispatchSpec([area('A', 1)], { divertFromPriority: true })));
    h.handAt(0, 'priority', 20 * MIN, 10 * MIN);
    h.handAt(5 * MIN, 'immediate', 4 * MIN, 10 * MIN);
    h.handAt(6 * MIN, 'priority', 1 * MIN, 10 * MIN);
    h.run(10 * 3600);
    // Immediate: diverted at 5, arrives 9, clears 19. First Priority (older) next: arrives 39, clears 49.
    // Second Priority: arrives 50.
    const attended = h.monitor.attended();
    expect(attended.map((r) => [r.given, r.at / MIN, r.seconds / MIN])).toEqual([['immediate', 9, 4], ['priority', 39, 39], ['priority', 50, 44]]);
    expect(h.unitLog.filter((e) => e.what === 'diverted')).toEqual([{ what: 'diverted', unit: 0, incident: 0, at: 5 * MIN, to: 1 }]);
  });

  it('without divert the Immediate incident waits for the unit to clear', () => {
    const h = new Harness(scenarioWith(dispatchSpec([area('A', 1)])));
    h.handAt(0, 'priority', 20 * MIN, 10 * MIN);
    h.handAt(5 * MIN, 'immediate', 4 * MIN, 10 * MIN);
    h.run(10 * 3600);
    expect(h.monitor.attended().map((r) => [r.given, r.at / MIN])).toEqual([['priority', 20], ['immediate', 34]]);
  });

  it('a neighbour helps once the incident has waited helpAfterMinutes', () => {
    const areas = [area('A', 0, { neighbours: [1], helpAfterMinutes: 10 }), area('B', 1)];
    const h = new Harness(scenarioWith(dispatchSpec(areas)));
    h.handAt(0, 'immediate', 5 * MIN, 30 * MIN, 0);
    h.run(10 * 3600);
    expect(h.monitor.attended().map((r) => [r.area, r.at / MIN, r.seconds / MIN])).toEqual([[0, 15, 15]]);
    // The helping unit counts as busy in its home area B.
    expect(h.monitor.unitLevels.filter((r) => r.area === 1 && r.at === 10 * MIN)).toEqual([{ area: 1, at: 10 * MIN, busy: 1, staffed: 1 }]);
  });

  it('a freed neighbour unit takes an incident that has already waited long enough', () => {
    const areas = [area('A', 0, { neighbours: [1], helpAfterMinutes: 10 }), area('B', 1)];
    const h = new Harness(scenarioWith(dispatchSpec(areas)));
    h.handAt(0, 'immediate', 0, 60 * MIN, 1); // B's unit busy until 60
    h.handAt(1 * MIN, 'priority', 2 * MIN, 10 * MIN, 0);
    h.run(10 * 3600);
    expect(h.monitor.attended().map((r) => [r.area, r.at / MIN])).toEqual([[1, 0], [0, 62]]);
  });

  it('attendance from the call connect time adds the call time to attendance', () => {
    const h = new Harness(scenarioWith(dispatchSpec([area('A', 1)], { attendanceFrom: 'callConnected' })));
    h.handAt(10 * MIN, 'immediate', 5 * MIN, 30 * MIN, 0, 7 * MIN);
    h.run(3600);
    expect(h.monitor.attended().map((r) => r.seconds / MIN)).toEqual([8]);
  });

  it('at a roster drop a busy unit finishes its incident, then leaves (with and without clear-up events)', () => {
    const a = area('A', 1, { extraUnits: [{ fromSeconds: 0, toSeconds: 10 * MIN, extra: 1 }] });
    // Without a unit trace, clear-ups nobody waits for are settled without events (QuietClearUps).
    for (const traceUnits of [true, false]) {
      const h = new Harness(scenarioWith(dispatchSpec([a])), { traceUnits });
      h.handAt(0, 'immediate', 0, 30 * MIN);
      h.handAt(0, 'immediate', 0, 40 * MIN);
      h.handAt(5 * MIN, 'immediate', 0, 10 * MIN);
      h.run(5 * 3600);
      // At 10 min both units are busy: one is owed. The first to clear (30) leaves; the other clears at 40
      // and takes the waiting incident. The owed unit stays present (the occupancy base) until it leaves at 30.
      expect(h.monitor.attended().map((r) => r.at / MIN)).toEqual([0, 0, 40]);
      expect(h.monitor.unitLevels.map((r) => [r.at / MIN, r.busy, r.staffed])).toEqual([
        [0, 0, 2], [0, 1, 2], [0, 2, 2], [10, 2, 2], [30, 1, 1], [40, 0, 1], [40, 1, 1], [50, 0, 1],
      ]);
    }
  });

  it('quiet clear-ups: two units clearing at one instant, a roster drop between, and the horizon settle in order', () => {
    // Nothing ever waits, so no clear-up gets an event: each is reported when the area is next looked at.
    const a = area('A', 3, { extraUnits: [{ fromSeconds: 45 * MIN, toSeconds: 10 * 3600, extra: -1 }] });
    const h = new Harness(scenarioWith(dispatchSpec([a]), undefined, 2), { traceUnits: false });
    h.handAt(0, 'immediate', 0, 30 * MIN);
    h.handAt(0, 'priority', 0, 30 * MIN);
    h.handAt(10 * MIN, 'immediate', 0, 100 * MIN);
    h.run(2 * 3600);
    expect(h.monitor.unitLevels.map((r) => [r.at / MIN, r.busy, r.staffed])).toEqual([
      [0, 0, 3], [0, 1, 3], [0, 2, 3], [10, 3, 3], [30, 2, 3], [30, 1, 3], [45, 1, 2], [110, 0, 2],
    ]);
    expect(h.sim.eventsRun).toBe(4); // three calls handed over and the roster drop: no clear-up events
  });

  it('an hour-of-day roster with dated extra units (Operation Hibiscus): units come on duty at the roster change', () => {
    // The scenario starts on a Monday at 00:00 UTC: no unit before 01:00, one from 01:00, one extra from 02:00.
    const hourOfDay = [0, ...Array.from({ length: 23 }, () => 1)];
    const a = area('A', 0, { units: { hourOfDay }, extraUnits: [{ fromSeconds: 2 * 3600, toSeconds: 4 * 3600, extra: 1 }] });
    const h = new Harness(scenarioWith(dispatchSpec([a])));
    h.handAt(10 * MIN, 'immediate', 0, 90 * MIN);
    h.handAt(20 * MIN, 'immediate', 0, 90 * MIN);
    h.run(6 * 3600);
    expect(h.monitor.attended().map((r) => r.at / MIN)).toEqual([60, 120]);
    expect(h.monitor.unitLevels.filter((r) => r.at === 4 * 3600)).toEqual([{ area: 0, at: 4 * 3600, busy: 0, staffed: 1 }]);
  });

  it('incidents still unattended at the horizon are reported open with their wait, and none twice', () => {
    const h = new Harness(scenarioWith(dispatchSpec([area('A', 1)])));
    h.handAt(0, 'immediate', 0, 120 * MIN);
    h.handAt(10 * MIN, 'priority', 0, 10 * MIN);
    h.handAt(20 * MIN, 'immediate', 50 * MIN, 10 * MIN);
    h.run(60 * MIN);
    const records = h.monitor.incidents.filter((r) => r.kind !== 'created');
    expect(records.map((r) => [r.kind, r.given, r.seconds / MIN])).toEqual([['attended', 'immediate', 0], ['open', 'priority', 50], ['open', 'immediate', 40]]);
  });

  it('a unit still travelling at the horizon leaves its incident open, whichever way arrivals are settled', () => {
    for (const upgradePerHour of [0, 1e-9]) {
      // Without re-grading, arrivals are settled at dispatch; a tiny rate forces the arrival event.
      const h = new Harness(scenarioWith(dispatchSpec([area('A', 2)], { upgradePerHour }), undefined, 1));
      h.handAt(0, 'priority', 30 * MIN, 10 * MIN);
      h.handAt(20 * MIN, 'priority', 50 * MIN, 10 * MIN);
      h.run(60 * MIN);
      const records = h.monitor.incidents.filter((r) => r.kind !== 'created');
      expect(records.map((r) => [r.kind, r.at / MIN, r.seconds / MIN])).toEqual([['attended', 30, 30], ['open', NaN, 40]]);
    }
  });

  it('scheduled and resolved-without-deployment incidents are counted, not dispatched', () => {
    const h = new Harness(scenarioWith(dispatchSpec([area('A', 1)])));
    h.handAt(0, 'scheduled', 0, 0);
    h.handAt(0, 'resolvedWithoutDeployment', 0, 0);
    h.handAt(0, 'none', 0, 0);
    h.run(3600);
    expect(h.monitor.incidents.map((r) => [r.kind, r.given])).toEqual([['created', 'scheduled'], ['created', 'resolvedWithoutDeployment']]);
    expect(h.monitor.unitLevels.every((r) => r.busy === 0)).toBe(true);
  });
});

describe('DispatchCentre without a dispatch section', () => {
  it('grades calls and reports no incident', () => {
    const scenario = { ...scenarioWith(dispatchSpec([])), dispatch: undefined };
    const h = new Harness(scenario);
    const c = h.centre.drawCaller(0, -1, { areaIndex: -1, need: 'immediate' });
    h.centre.callHandled(c, 0, 0, true);
    h.run(60);
    expect(c.given).toBe('immediate');
    expect(c.areaIndex).toBe(-1);
    expect(h.monitor.incidents).toEqual([]);
  });
});
