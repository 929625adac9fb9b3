import { describe, expect, it } from 'vitest';
import { StreamFactory } from '../../src/engine/random.js';
import { ControlRoom } from '../../src/model/control-room.js';
import { makeQueueSelector } from '../../src/policies/queue-selection.js';
import { makeDispatchPolicy } from '../../src/policies/dispatch/dispatch-policies.js';
import type { ResolvedScenario, TraceCall } from '../../src/model/resolved.js';
import { RecordingMonitor } from '../support/recording-monitor.js';
import { singleQueue } from '../support/scenarios.js';

function run(scenario: ResolvedScenario): RecordingMonitor {
  const monitor = new RecordingMonitor();
  new ControlRoom(scenario, new StreamFactory(scenario.seed, 0), monitor, { queueSelector: makeQueueSelector, dispatchPolicy: makeDispatchPolicy }).run();
  return monitor;
}

const everyMinute = (count: number, extra: Partial<TraceCall> = {}): TraceCall[] =>
  Array.from({ length: count }, (_, k) => ({ arrivalSeconds: 60 * k, channel: '999', ...extra }));

describe('ControlRoom, hand-computable', () => {
  it('one handler, arrivals every 60 s, fixed 90 s handling: call k waits 30k seconds', () => {
    const m = run(singleQueue({ staff: 1, handle: { fixed: 90 }, hours: 2, trace: everyMinute(10) }));
    const answered = m.left.filter((r) => r.outcome === 'answered');
    expect(answered.map((r) => r.answerSeconds)).toEqual(Array.from({ length: 10 }, (_, k) => 30 * k));
    expect(m.ended.map((r) => r.endedAt)).toEqual(Array.from({ length: 10 }, (_, k) => 90 * (k + 1)));
    expect(m.ended.every((r) => r.outcome === 'answered')).toBe(true);
  });

  it('wrap-up keeps the handler busy: 60 s talk + 30 s wrap-up gives the same waits as 90 s handling', () => {
    const m = run(singleQueue({ staff: 1, handle: { fixed: 60 }, wrapUp: { fixed: 30 }, hours: 2, trace: everyMinute(10) }));
    expect(m.left.map((r) => r.answerSeconds)).toEqual(Array.from({ length: 10 }, (_, k) => 30 * k));
    // The caller leaves when the talking ends, before the wrap-up.
    expect(m.ended.map((r) => r.endedAt)).toEqual(Array.from({ length: 10 }, (_, k) => 90 * k + 60));
  });

  it('patience of 100 s: the callers who would wait 120 s abandon at 100 s, and the rest move up', () => {
    const m = run(singleQueue({ staff: 1, handle: { fixed: 90 }, patience: { fixed: 100 }, hours: 2, trace: everyMinute(10) }));
    const byCall = new Map(m.left.map((r) => [r.callId, r]));
    const expected: [string, number][] = [
      ['answered', 0], ['answered', 30], ['answered', 60], ['answered', 90], ['abandoned', 100],
      ['answered', 60], ['answered', 90], ['abandoned', 100], ['answered', 60], ['answered', 90],
    ];
    expected.forEach(([outcome, seconds], k) => {
      expect(byCall.get(k)?.outcome).toBe(outcome);
      expect(byCall.get(k)?.answerSeconds).toBe(seconds);
    });
    expect(m.left.find((r) => r.callId === 4)?.at).toBe(340);
  });

  it('at the horizon, the call in service and the caller waiting are open, each ended once', () => {
    const m = run(singleQueue({ staff: 1, handle: { fixed: 90 }, hours: 300 / 3600, trace: everyMinute(10) }));
    expect(m.ended.map((r) => [r.id, r.outcome])).toEqual([
      [0, 'answered'], [1, 'answered'], [2, 'answered'], [4, 'open'], [3, 'open'],
    ]);
    expect(m.left.filter((r) => r.outcome === 'open').map((r) => r.callId)).toEqual([4]);
  });

  it('BT transfer time counts in the 999 answer time', () => {
    const scenario = singleQueue({ staff: 1, handle: { fixed: 90 }, hours: 1, trace: everyMinute(1) });
    const m = run({ ...scenario, channels: [{ ...scenario.channels[0], btTransferSeconds: { fixed: 3 } }] });
    expect(m.entered[0].at).toBe(3);
    expect(m.left[0].answerSeconds).toBe(3);
    expect(m.ended[0].endedAt).toBe(93);
  });

  it('101 path: IVR menu, switchboard operator, then the primary queue', () => {
    const m = run({
      ...singleQueue({ staff: 1, handle: { fixed: 90 }, hours: 1 }),
      channels: [{
        name: '101', rate: { perHour: 0 }, dayBusynessCv: 0, surges: [], queueIndex: 0, queue: 'switchboard',
        ivr: { menuSeconds: { fixed: 30 }, deflected: 0, hangUp: 0, onward: [{ queueIndex: 0, probability: 1 }] },
      }],
      queues: [{ name: 'switchboard', targetSeconds: 40 }, { name: 'primary', targetSeconds: 120 }],
      switchboard: { queueIndex: 0, staff: { constant: 1 }, handleSeconds: { fixed: 20 }, routes: [{ queueIndex: 1, probability: 1 }] },
      handlers: { pools: [{ name: 'handlers', queueIndices: [1], serves: ['primary'], roster: { constant: 1 } }], handleSecondsByQueue: [null, { fixed: 100 }], handleSeconds: { primary: { fixed: 100 } } },
      policy: { queueSelection: { kind: 'strictPriority', order: ['primary'] } },
      trace: [{ arrivalSeconds: 0, channel: '101', channelIndex: 0, areaIndex: -1 }],
    });
    expect(m.entered).toEqual([{ queue: 'switchboard', at: 30, callId: 0 }, { queue: 'primary', at: 50, callId: 0 }]);
    expect(m.ended).toHaveLength(1);
    expect(m.ended[0]).toMatchObject({ outcome: 'answered', endedAt: 150, lastQueue: 'primary' });
    expect(m.layout.pools).toEqual(['handlers', 'switchboard']);
  });

  it('a caller who accepts a callback keeps their place and is called back in turn', () => {
    const scenario = singleQueue({ staff: 1, handle: { fixed: 300 }, patience: { fixed: 1000 }, hours: 1, trace: everyMinute(2) });
    const m = run({
      ...scenario,
      queues: [{
        ...scenario.queues[0],
        callback: { offerAfterSeconds: 100, acceptProbability: 1, reachProbability: 1, failedAttemptSeconds: { fixed: 60 } },
      }],
    });
    expect(m.callbacks).toEqual([{ queue: '999', at: 160, callId: 1 }]);
    const second = m.left.find((r) => r.callId === 1);
    expect(second).toMatchObject({ outcome: 'callbackReached', at: 300 });
    expect(m.ended.find((r) => r.id === 1)).toMatchObject({ outcome: 'answered', endedAt: 600 });
  });

  it('an abandoned caller redials after the delay as a new call linked to the first', () => {
    const scenario = singleQueue({ staff: 1, handle: { fixed: 1000 }, patience: { fixed: 100 }, hours: 1, trace: everyMinute(2) });
    const m = run({ ...scenario, queues: [{ ...scenario.queues[0], redial: { probability: 1, delaySeconds: { fixed: 50 } } }] });
    // Call 1 arrives at 60, abandons at 160, redials at 210 (call 2), abandons at 310, redials at 360...
    const redials = m.ended.filter((r) => r.redialOf === 1);
    expect(redials.map((r) => r.arrivedAt).slice(0, 3)).toEqual([210, 360, 510]);
    expect(m.redials.length).toBeGreaterThanOrEqual(3);
  });

  it('an Immediate incident with no unit free owes its victim an update, made by a free handler as outbound work', () => {
    const scenario = singleQueue({ staff: 1, handle: { fixed: 90 }, hours: 1, trace: [{ arrivalSeconds: 0, channel: '999', need: 'immediate' }] });
    const m = run({
      ...scenario,
      grading: {
        needByChannel: [{ immediate: 1 }], needByQueue: [null], flags: { repeat: 0, vulnerable: 0 },
        thrive: 1, recogniseRepeat: 1, recogniseVulnerable: 1, undergradeIfMissed: 0,
      },
      dispatch: {
        areas: [{ name: 'city', kind: 'urban', share: 1, units: { constant: 0 }, extraUnits: [], travelMinutes: { fixed: 5 }, neighbours: [] }],
        onSceneMinutes: { immediate: { fixed: 30 } },
        targets: { immediate: { urban: 15, rural: 20 }, priority: { urban: 60, rural: 60 } },
        dispatchedGrades: ['immediate', 'priority'], policy: { kind: 'gradeFirst' }, divertFromPriority: false,
        attendanceFrom: 'incidentCreated', upgradePerHour: 0, chasePerHour: 0,
        victimUpdates: { queueIndex: 0, handleSeconds: { fixed: 60 } },
      },
    });
    // The call ends at 90 s; the incident's 15-minute target passes at 990 s; the update takes 60 s.
    expect(m.incidents[0]).toMatchObject({ at: 90, needed: 'immediate', given: 'immediate' });
    expect(m.victimUpdates).toEqual([{ area: 0, at: 990, made: false }, { area: 0, at: 1050, made: true }]);
    expect(m.poolLevels.filter((l) => l.at === 990)).toEqual([{ pool: 'handlers', at: 990, busy: 1, staffed: 1 }]);
    // The outbound work is not an offered call.
    expect(m.ended).toHaveLength(1);
    expect(m.left).toHaveLength(1);
  });

  it("at a shift's end a busy handler finishes the call, then leaves", () => {
    const hourOfDay = [1, ...Array.from({ length: 23 }, () => 0)];
    const scenario = singleQueue({ staff: 1, handle: { fixed: 300 }, hours: 2, trace: [{ arrivalSeconds: 3500, channel: '999' }, { arrivalSeconds: 3700, channel: '999' }] });
    const m = run({ ...scenario, handlers: { ...scenario.handlers, pools: [{ name: 'handlers', queueIndices: [0], serves: ['999'], roster: { hourOfDay } }] } });
    // The first call, answered at 3500 s, is finished at 3800 s although the shift ended at 3600 s.
    expect(m.ended.find((r) => r.id === 0)).toMatchObject({ outcome: 'answered', endedAt: 3800 });
    // Nobody is on duty after that: the second caller is still waiting at the horizon.
    expect(m.ended.find((r) => r.id === 1)).toMatchObject({ outcome: 'open' });
    const levels = m.poolLevels.map((l) => [l.at, l.busy, l.staffed]);
    expect(levels).toContainEqual([3600, 1, 1]);
    expect(levels[levels.length - 1]).toEqual([3800, 0, 0]);
  });

  it('when handlers of several pools are free, the one idle longest takes the call', () => {
    const onFromHourOne = [0, ...Array.from({ length: 23 }, () => 1)];
    const withTwoPools = (trace: TraceCall[]): ResolvedScenario => {
      const scenario = singleQueue({ staff: 1, handle: { fixed: 700 }, hours: 3, trace });
      return {
        ...scenario,
        handlers: {
          ...scenario.handlers,
          pools: [
            { name: 'early', queueIndices: [0], serves: ['999'], roster: { constant: 1 } },
            { name: 'late', queueIndices: [0], serves: ['999'], roster: { hourOfDay: onFromHourOne } },
          ],
        },
      };
    };
    const takerAt = (m: RecordingMonitor, at: number): string | undefined => m.poolLevels.find((l) => l.at === at && l.busy === 1)?.pool;
    // 'early' has been free since 0 s, 'late' since 3600 s: 'early' takes the call at 7200 s.
    expect(takerAt(run(withTwoPools([{ arrivalSeconds: 7200, channel: '999' }])), 7200)).toBe('early');
    // 'early' talks from 3000 s to 3700 s, so 'late' (free since 3600 s) has been idle longest.
    const m = run(withTwoPools([{ arrivalSeconds: 3000, channel: '999' }, { arrivalSeconds: 7200, channel: '999' }]));
    expect(takerAt(m, 3000)).toBe('early');
    expect(takerAt(m, 7200)).toBe('late');
  });
});
