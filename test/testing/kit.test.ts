import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/index.js';
import {
  arbitraryScenario, arbitraryTrace, checkInvariants, erlangC, metricOverReplications, oneMoreHandlerWaitViolations, recordRun, rescaleTime, singleQueue, withinNoise,
} from '../../src/testing/index.js';
import { erlangCServiceLevel } from '../../src/testing/oracles.js';

describe('testing kit', () => {
  it('every generated scenario loads, and its run keeps every invariant', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryScenario({ hours: { min: 1, max: 3 } }), async (data) => {
        const scenario = await loadScenario(data);
        expect(checkInvariants(recordRun(scenario))).toEqual([]);
      }),
      { numRuns: 25, seed: 20221 },
    );
  });

  it('checkInvariants finds broken records (a call ended twice, service out of order, a wrong count)', async () => {
    const scenario = await loadScenario(fc.sample(arbitraryScenario({ dispatch: false }), { numRuns: 1, seed: 7 })[0]);
    const run = recordRun({ ...scenario, channels: scenario.channels.map((c) => ({ ...c, rate: { perHour: 60 } })) });
    expect(checkInvariants(run)).toEqual([]);
    const ended = run.records.ended;
    ended.push({ ...ended.find((r) => r.counted)! });
    const served = run.records.left.filter((l) => l.outcome === 'answered' && l.queue === '999');
    expect(served.length).toBeGreaterThan(1);
    // The first caller served now seems to have entered after the last one.
    const first = served[0];
    const last = served[served.length - 1];
    expect(last.at).toBeGreaterThan(first.at);
    first.enteredAt = last.enteredAt + 1;
    const problems = checkInvariants(run);
    expect(problems.some((p) => /ended twice/.test(p))).toBe(true);
    expect(problems.some((p) => /queue 999: call \d+ .* served after/.test(p))).toBe(true);
    expect(problems.some((p) => /metrics offered \d+, records \d+/.test(p))).toBe(true);
  });

  it('checkInvariants: attendance is never shorter than the unit\'s travel; an injected violation is caught', async () => {
    // A generated room with dispatch, busier, and a fixed 7-minute travel time so the records can be read exactly.
    const data = fc.sample(arbitraryScenario({ hours: { min: 6, max: 6 } }), { numRuns: 40, seed: 9 }).find((d) => d.dispatch !== undefined) as {
      dispatch: { areas: Record<string, unknown>[] };
      channels: Record<string, { perHour: number }>;
    };
    const area = data.dispatch.areas[0];
    data.dispatch.areas[0] = { ...area, units: { constant: 2 }, travelMinutes: { fixed: 7 } };
    data.channels['999'].perHour = 40;
    const run = recordRun(await loadScenario(data));
    const attended = run.records.incidents.filter((i) => i.attendanceSeconds !== undefined);
    expect(attended.length).toBeGreaterThan(5);
    for (const i of attended) {
      expect(i.travelSeconds).toBe(420);
      expect(i.attendanceSeconds).toBeCloseTo(i.at - i.clockStartAt!, 6);
    }
    expect(checkInvariants(run)).toEqual([]);
    // A unit that arrives sooner than its travel allows: attendance set to half the travel time.
    const broken = attended[0];
    broken.attendanceSeconds = broken.travelSeconds! / 2;
    broken.at = broken.clockStartAt! + broken.attendanceSeconds;
    const problems = checkInvariants(run);
    expect(problems).toEqual([expect.stringMatching(/attendance 210 s shorter than the unit's travel 420 s/)]);
    // An attendance that does not run from the clock's start is caught too.
    broken.attendanceSeconds = 500;
    expect(checkInvariants(run)).toEqual([expect.stringMatching(/attendance 500 s is not the time since the clock started/)]);
  });

  it('a replayed trace keeps every invariant', () => {
    fc.assert(
      fc.property(arbitraryTrace(['999'], 3, 120), (trace) => {
        const scenario = singleQueue({ staff: 2, handle: { exponential: { mean: 200 } }, patience: { exponential: { mean: 300 } }, hours: 3, trace });
        expect(checkInvariants(recordRun(scenario))).toEqual([]);
      }),
      { numRuns: 20, seed: 5 },
    );
  });

  it('metamorphic: in one FIFO queue without abandonment, one more handler never lengthens a wait', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.double({ min: 5, max: 90, noNaN: true }), fc.integer({ min: 1, max: 4 }), (seed, perHour, staff) => {
        const scenario = singleQueue({ perHour, staff, handle: { lognormal: { mean: 180, cv: 1 } }, hours: 3, seed });
        expect(oneMoreHandlerWaitViolations(scenario)).toEqual([]);
      }),
      { numRuns: 25, seed: 11 },
    );
  });

  it('metamorphic: the same queue on a clock twice as fast keeps its service level within noise, near Erlang C', () => {
    // M/M/4, 100 calls an hour of mean 120 s (offered load 3.33 erlangs), target 20 s.
    const base = singleQueue({ perHour: 100, staff: 4, handle: { exponential: { mean: 120 } }, targetSeconds: 20, hours: 24, warmupHours: 1, seed: 3 });
    const a = metricOverReplications(base, 'queues.999.serviceLevel', 8);
    const b = metricOverReplications(rescaleTime(base, 2), 'queues.999.serviceLevel', 8);
    expect(withinNoise(a, b)).toBe(true);
    const exact = erlangCServiceLevel(100 / 3600, 1 / 120, 4, 20);
    expect(erlangC(4, 100 / 30)).toBeGreaterThan(0);
    expect(withinNoise(a, { mean: exact, ci95: 0 })).toBe(true);
    // The relation can fail: twice the load is not the same queue.
    const heavier = metricOverReplications(singleQueue({ perHour: 130, staff: 4, handle: { exponential: { mean: 120 } }, targetSeconds: 20, hours: 24, warmupHours: 1, seed: 3 }), 'queues.999.serviceLevel', 8);
    expect(withinNoise(a, heavier)).toBe(false);
  });
});
