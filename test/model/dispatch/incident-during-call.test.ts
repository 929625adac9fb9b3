import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DistributionSpec } from '../../../src/engine/distributions.js';
import { StreamFactory } from '../../../src/engine/random.js';
import { loadScenario } from '../../../src/experiment/load-scenario.js';
import { ControlRoom } from '../../../src/model/control-room.js';
import { CallerSampler } from '../../../src/model/dispatch/caller-sampler.js';
import type { Grade, ResolvedDispatch } from '../../../src/model/dispatch/types.js';
import type { ResolvedScenario, TraceCall } from '../../../src/model/resolved.js';
import { makeDispatchPolicy } from '../../../src/policies/dispatch/dispatch-policies.js';
import { makeQueueSelector } from '../../../src/policies/queue-selection.js';
import { ScenarioError } from '../../../src/scenario/index.js';
import { RecordingMonitor } from '../../support/recording-monitor.js';
import { singleQueue } from '../../support/scenarios.js';
import { area, dispatchSpec } from './scenarios.js';

const MIN = 60;

function run(scenario: ResolvedScenario): RecordingMonitor {
  const monitor = new RecordingMonitor();
  new ControlRoom(scenario, new StreamFactory(scenario.seed, 0), monitor, { queueSelector: makeQueueSelector, dispatchPolicy: makeDispatchPolicy }).run();
  return monitor;
}

/** 999 calls to one handler (handle `handle`), graded as needed; one area of `units` units, 5 min travel, 30 min on scene. */
function room(options: { trace?: TraceCall[]; perHour?: number; handle: DistributionSpec; units?: number; hours?: number; seed?: number; dispatch?: Partial<ResolvedDispatch>; need?: Partial<Record<Grade, number>> }): ResolvedScenario {
  const base = singleQueue({ staff: 1, handle: options.handle, hours: options.hours ?? 2, trace: options.trace, perHour: options.perHour, seed: options.seed });
  return {
    ...base,
    grading: {
      needByChannel: [options.need ?? { immediate: 1 }], needByQueue: [null], flags: { repeat: 0, vulnerable: 0 },
      thrive: 1, recogniseRepeat: 1, recogniseVulnerable: 1, undergradeIfMissed: 0,
    },
    dispatch: dispatchSpec([area('city', options.units ?? 1, { travelMinutes: { fixed: 5 } })], options.dispatch ?? {}),
  };
}

/** A scheduled call at 0 (answered at once, 300 s talk), then an Immediate call at 60 that waits for the handler until 300. */
const TWO_CALLS: TraceCall[] = [
  { arrivalSeconds: 0, channel: '999', need: 'scheduled' },
  { arrivalSeconds: 60, channel: '999', need: 'immediate' },
];

function immediate(clock: ResolvedDispatch['attendanceFrom'], afterSeconds?: number): { createdAt: number; attendanceMinutes: number } {
  const during = afterSeconds === undefined ? {} : { createIncidentAfterSeconds: { immediate: { fixed: afterSeconds } } };
  const m = run(room({ trace: TWO_CALLS, handle: { fixed: 300 }, dispatch: { attendanceFrom: clock, ...during } }));
  const created = m.incidents.filter((r) => r.given === 'immediate' && r.attendanceSeconds === undefined && r.open !== true);
  const attended = m.incidents.filter((r) => r.given === 'immediate' && r.attendanceSeconds !== undefined);
  expect(created).toHaveLength(1);
  expect(attended).toHaveLength(1);
  return { createdAt: created[0].at, attendanceMinutes: (attended[0].attendanceSeconds as number) / MIN };
}

describe('incidents created while the caller is on the line (dispatch.createIncidentAfterSeconds)', () => {
  it('hand-computable: received 1 min, answered 5, created 2 min after answer (7), unit arrives 12: 11, 7 and 5 min by receipt, connect and creation', () => {
    expect(immediate('callReceived', 120)).toEqual({ createdAt: 420, attendanceMinutes: 11 });
    expect(immediate('callConnected', 120)).toEqual({ createdAt: 420, attendanceMinutes: 7 });
    expect(immediate('incidentCreated', 120)).toEqual({ createdAt: 420, attendanceMinutes: 5 });
  });

  it('hand-computable: off, the incident is created when the talk ends (10 min): 14, 10 and 5 min', () => {
    expect(immediate('callReceived')).toEqual({ createdAt: 600, attendanceMinutes: 14 });
    expect(immediate('callConnected')).toEqual({ createdAt: 600, attendanceMinutes: 10 });
    expect(immediate('incidentCreated')).toEqual({ createdAt: 600, attendanceMinutes: 5 });
  });

  it('hand-computable: a time past the end of the talk (400 s after answer, talk 300 s) is capped there: created at 10 min', () => {
    expect(immediate('callReceived', 400)).toEqual({ createdAt: 600, attendanceMinutes: 14 });
  });

  it('hand-computable: grades not named are created when the talk ends; the call still ends and frees its handler as before', () => {
    const m = run(room({ trace: TWO_CALLS, handle: { fixed: 300 }, dispatch: { createIncidentAfterSeconds: { immediate: { fixed: 120 } } } }));
    expect(m.incidents.filter((r) => r.attendanceSeconds === undefined).map((r) => [r.given, r.at])).toEqual([['scheduled', 300], ['immediate', 420]]);
    expect(m.ended.map((r) => [r.id, r.endedAt])).toEqual([[0, 300], [1, 600]]);
  });

  it('property: an incident is never created before its call is answered nor after its talk ends, and attendance from receipt is at least the travel plus the time to creation', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 60, max: 600 }), fc.integer({ min: 10, max: 400 }), (seed, handleMean, afterMean) => {
        // One handler answers in order of arrival (no patience), so the k-th incident is the k-th answered call's.
        const scenario = room({
          perHour: 3, handle: { exponential: { mean: handleMean } }, units: 2, hours: 24, seed,
          need: { immediate: 0.5, priority: 0.5 },
          dispatch: { attendanceFrom: 'callReceived', createIncidentAfterSeconds: { immediate: { exponential: { mean: afterMean } } } },
        });
        const m = run(scenario);
        const answered = m.left.filter((r) => r.outcome === 'answered');
        const endedAt = new Map(m.ended.filter((r) => r.outcome === 'answered').map((r) => [r.id, r.endedAt]));
        const created = m.incidents.filter((r) => r.attendanceSeconds === undefined && r.open !== true);
        expect(created.length).toBeGreaterThan(0);
        expect(created.length).toBeLessThanOrEqual(answered.length);
        created.forEach((incident, k) => {
          const call = answered[k];
          const talkEnd = endedAt.get(call.callId) ?? Infinity;
          expect(incident.at).toBeGreaterThanOrEqual(call.at);
          expect(incident.at).toBeLessThanOrEqual(talkEnd);
          // A grade not named is created exactly when the talk ends.
          if (incident.given === 'priority') expect(incident.at).toBe(talkEnd);
        });
        for (const r of m.incidents.filter((x) => x.attendanceSeconds !== undefined)) {
          const attendance = r.attendanceSeconds as number;
          expect(attendance).toBeGreaterThanOrEqual((r.travelSeconds as number) - 1e-9);
          expect(r.at - attendance).toBeCloseTo(r.clockStartAt as number, 6);
        }
      }),
      { numRuns: 15, seed: 1515 },
    );
  });

  it('common random numbers: the sampler draws every need, flag, area, grading uniform, travel and on-scene time as it does without the option', () => {
    const base = room({ handle: { fixed: 300 }, need: { immediate: 0.3, priority: 0.3, scheduled: 0.2, none: 0.2 } });
    const on = { ...base, dispatch: { ...(base.dispatch as ResolvedDispatch), createIncidentAfterSeconds: { immediate: { lognormal: { mean: 120, cv: 0.5 } } } } };
    const a = new CallerSampler(base, new StreamFactory(7, 0));
    const b = new CallerSampler(on, new StreamFactory(7, 0));
    for (let i = 0; i < 500; i++) {
      const x = a.draw(0, 0);
      const y = b.draw(0, 0);
      expect(x.incidentAfterSeconds).toBeNull();
      expect(y.incidentAfterSeconds?.[0]).toBeGreaterThanOrEqual(0);
      expect(Number.isNaN(y.incidentAfterSeconds?.[1])).toBe(true);
      expect([y.neededIndex, y.areaIndex, y.repeat, y.vulnerable, y.uThrive, y.uRepeat, y.uVulnerable, y.uUndergrade, y.travelSeconds, y.onSceneSeconds])
        .toEqual([x.neededIndex, x.areaIndex, x.repeat, x.vulnerable, x.uThrive, x.uRepeat, x.uVulnerable, x.uUndergrade, x.travelSeconds, x.onSceneSeconds]);
    }
  });

  it('property: common random numbers: turning it on moves no call (answers, ends) and no incident\'s grade', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), (seed) => {
        const options = { perHour: 3, handle: { exponential: { mean: 300 } }, units: 2, hours: 24, seed, need: { immediate: 0.4, priority: 0.4, scheduled: 0.2 } };
        const off = run(room(options));
        const on = run(room({ ...options, dispatch: { createIncidentAfterSeconds: { immediate: { lognormal: { mean: 120, cv: 0.5 } }, priority: { fixed: 60 } } } }));
        expect(on.left).toEqual(off.left);
        expect(on.ended).toEqual(off.ended);
        const created = (m: RecordingMonitor): string[] => m.incidents.filter((r) => r.attendanceSeconds === undefined && r.open !== true).map((r) => `${r.needed}/${r.given}`);
        // The one call in the handler's hands at the horizon may have its incident already (on) or not yet (off).
        expect(created(on).slice(0, created(off).length)).toEqual(created(off));
        expect(created(on).length - created(off).length).toBeGreaterThanOrEqual(0);
        expect(created(on).length - created(off).length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 10, seed: 1516 },
    );
  });

  it('bad input: a time for grade "none" is an error naming the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'callsim-during-call-'));
    const file = join(dir, 's.yaml');
    writeFileSync(file, `name: during call
start: 2022-01-03T00:00:00Z
horizon: { days: 1 }
channels:
  "999": { perHour: 6, queue: "999" }
queues:
  "999": { targetSeconds: 10 }
handlers:
  pools: [{ name: h, serves: ["999"], staff: 2 }]
  handleSeconds: { "999": 300 }
grading:
  need: { "999": { immediate: 0.5, none: 0.5 } }
dispatch:
  areas:
    - { name: a, kind: urban, share: 1, units: 2, travelMinutes: 5 }
  createIncidentAfterSeconds: { immediate: 120, none: 60 }
`);
    let error: unknown;
    try {
      loadScenario(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as Error).message).toMatch(/dispatch\.createIncidentAfterSeconds\.none: expected an incident grade/);
  });
});
