import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ResolvedDispatch } from '../../../src/model/dispatch/types.js';
import { Harness } from './harness.js';
import { area, dispatchSpec, scenarioWith } from './scenarios.js';

const MIN = 60;

/** One Immediate call received at `received`, answered at `connected`, its incident created at `created`; 5 min travel to a free unit. */
function attendanceMinutes(clock: ResolvedDispatch['attendanceFrom'], received: number, connected: number, created: number): number {
  const h = new Harness(scenarioWith(dispatchSpec([area('A', 1)], { attendanceFrom: clock })));
  h.handAt(created * MIN, 'immediate', 5 * MIN, 30 * MIN, 0, connected * MIN, received * MIN);
  h.run(3 * 3600);
  return h.monitor.attended()[0].seconds / MIN;
}

describe('attendance clock from receipt, connect or incident creation', () => {
  it('hand-computable: received 4 min, answered 7, incident 10, unit arrives 15: 11, 8 and 5 min', () => {
    expect(attendanceMinutes('callReceived', 4, 7, 10)).toBe(11);
    expect(attendanceMinutes('callConnected', 4, 7, 10)).toBe(8);
    expect(attendanceMinutes('incidentCreated', 4, 7, 10)).toBe(5);
  });

  it('property: with a free unit, receipt - connect - creation clocks differ by exactly the queue wait and the talk', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), (wait, talk, start) => {
        const received = start;
        const connected = start + wait;
        const created = connected + talk;
        const fromCreated = attendanceMinutes('incidentCreated', received, connected, created);
        expect(fromCreated).toBe(5);
        expect(attendanceMinutes('callConnected', received, connected, created)).toBe(fromCreated + talk);
        expect(attendanceMinutes('callReceived', received, connected, created)).toBe(fromCreated + talk + wait);
      }),
      { numRuns: 30, seed: 15 },
    );
  });
});
