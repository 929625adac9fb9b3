import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DistributionSpec } from '../../src/engine/distributions.js';
import { StreamFactory } from '../../src/engine/random.js';
import { ControlRoom } from '../../src/model/control-room.js';
import type { ResolvedGrading } from '../../src/model/dispatch/types.js';
import type { QueueSelectionSpec, ResolvedScenario, ResolvedTraceCall } from '../../src/model/resolved.js';
import { makeDispatchPolicy } from '../../src/policies/dispatch/dispatch-policies.js';
import { makeQueueSelector } from '../../src/policies/queue-selection.js';
import { RecordingMonitor } from '../support/recording-monitor.js';
import { area, dispatchSpec } from './dispatch/scenarios.js';

/**
 * Invariants of the control room checked on 200 random rooms drawn with a fixed seed (so a failure
 * names a case that can be replayed): horizons up to three days, rosters that change by the hour,
 * every policy, callbacks, redials, and grading with dispatch and chasing calls. Arrivals come
 * from a trace whose length is known before the model runs, so the conservation check does not
 * rest on the model's own count of what it offered.
 */
const CASES = 200;
const SEED = 20_221_101;

const duration: fc.Arbitrary<DistributionSpec> = fc.oneof(
  fc.double({ min: 5, max: 600, noNaN: true }).map((mean): DistributionSpec => ({ exponential: { mean } })),
  fc.double({ min: 0, max: 600, noNaN: true }).map((v): DistributionSpec => ({ fixed: v })),
  fc.tuple(fc.double({ min: 5, max: 600, noNaN: true }), fc.double({ min: 0.1, max: 2, noNaN: true })).map(([mean, cv]): DistributionSpec => ({ lognormal: { mean, cv } })),
);

const QUEUES = ['999', 'primary', 'secondary'];
const policyOf = (kind: string): QueueSelectionSpec =>
  kind === 'strictPriority' ? { kind, order: QUEUES }
  : kind === 'longestWeightedWait' ? { kind, weights: { '999': 10, primary: 2, secondary: 1 } }
  : kind === 'ageing' ? { kind, order: QUEUES, from: 'secondary', to: 'primary', afterSeconds: 300 }
  : { kind: 'reserve', order: QUEUES, queue: '999', keep: 1 };

const GRADING: ResolvedGrading = {
  needByChannel: [{ immediate: 0.5, priority: 0.5 }, { immediate: 0.1, priority: 0.4, scheduled: 0.5 }],
  needByQueue: [null, null, null, null], flags: { repeat: 0.2, vulnerable: 0.2 }, thrive: 0.8, recogniseRepeat: 0.6, recogniseVulnerable: 0.6, undergradeIfMissed: 0.3,
};

/** Poisson arrivals as trace rows, from a small fixed generator (so the count is known before the model runs). */
function poisson(perHour: number, horizonSeconds: number, seed: number, channel: string, channelIndex: number): ResolvedTraceCall[] {
  let state = seed >>> 0;
  const uniform = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state + 0.5) / 2 ** 32;
  };
  const rows: ResolvedTraceCall[] = [];
  if (perHour <= 0) return rows;
  for (let t = -Math.log(uniform()) * (3600 / perHour); t < horizonSeconds; t += -Math.log(uniform()) * (3600 / perHour)) rows.push({ arrivalSeconds: t, channel, channelIndex, areaIndex: -1 });
  return rows;
}

const room = fc
  .record({
    hours: fc.noBias(fc.integer({ min: 2, max: 72 })),
    perHour999: fc.noBias(fc.integer({ min: 0, max: 50 })),
    perHour101: fc.noBias(fc.integer({ min: 0, max: 80 })),
    arrivalSeed: fc.integer({ min: 1, max: 2 ** 30 }),
    roster: fc.array(fc.noBias(fc.integer({ min: 0, max: 5 })), { minLength: 24, maxLength: 24 }),
    operators: fc.integer({ min: 1, max: 3 }),
    handle: duration,
    patience: fc.option(duration, { nil: undefined, freq: 5 }),
    callback: fc.boolean(),
    redial: fc.boolean(),
    twoPools: fc.boolean(),
    policy: fc.constantFrom('strictPriority', 'longestWeightedWait', 'ageing', 'reserve'),
    dispatch: fc.boolean(),
  })
  .map((p): ResolvedScenario => {
    const horizonSeconds = p.hours * 3600;
    const trace: ResolvedTraceCall[] = [...poisson(p.perHour999, horizonSeconds, p.arrivalSeed, '999', 0), ...poisson(p.perHour101, horizonSeconds, p.arrivalSeed + 1, '101', 1)];
    const roster = { hourOfDay: p.roster };
    return {
      name: 'invariants room', start: '2022-03-01T00:00:00Z', startEpochMs: Date.parse('2022-03-01T00:00:00Z'),
      horizonSeconds, warmupSeconds: 0, replications: 1, seed: 7,
      channels: [
        { name: '999', rate: { perHour: 0 }, dayBusynessCv: 0, surges: [], queueIndex: 0, queue: '999' },
        { name: '101', rate: { perHour: 0 }, dayBusynessCv: 0, surges: [], queueIndex: 1, queue: 'switchboard', ivr: { menuSeconds: { uniform: [10, 40] }, deflected: 0.1, hangUp: 0.05, onward: [{ queueIndex: 1, probability: 0.85 }] } },
      ],
      queues: [
        { name: '999', targetSeconds: 10, patienceSeconds: p.patience },
        { name: 'switchboard', targetSeconds: 40, patienceSeconds: p.patience },
        { name: 'primary', targetSeconds: 120, patienceSeconds: p.patience, redial: p.redial ? { probability: 0.5, delaySeconds: { exponential: { mean: 120 } } } : undefined },
        { name: 'secondary', targetSeconds: 600, patienceSeconds: p.patience, callback: p.callback ? { offerAfterSeconds: 120, acceptProbability: 0.5, reachProbability: 0.8, failedAttemptSeconds: { fixed: 30 } } : undefined },
      ],
      switchboard: { queueIndex: 1, staff: { constant: p.operators }, handleSeconds: { uniform: [10, 90] }, routes: [{ queueIndex: -1, probability: 0.3 }, { queueIndex: 2, probability: 0.4 }, { queueIndex: 3, probability: 0.3 }] },
      handlers: {
        pools: p.twoPools
          ? [{ name: 'emergency', queueIndices: [0, 2], serves: ['999', 'primary'], roster }, { name: 'non-emergency', queueIndices: [2, 3], serves: ['primary', 'secondary'], roster: { constant: 2 } }]
          : [{ name: 'handlers', queueIndices: [0, 2, 3], serves: QUEUES, roster }],
        handleSecondsByQueue: [p.handle, null, p.handle, p.handle],
        handleSeconds: { '999': p.handle, primary: p.handle, secondary: p.handle },
        wrapUpSeconds: { uniform: [0, 30] },
      },
      policy: { queueSelection: policyOf(p.policy) },
      trace,
      grading: p.dispatch ? GRADING : undefined,
      dispatch: p.dispatch ? dispatchSpec([area('A', 2)], { chasePerHour: 0.5, onSceneMinutes: { immediate: { exponential: { mean: 40 } }, priority: { exponential: { mean: 40 } } } }) : undefined,
    };
  });

interface Case {
  index: number;
  scenario: ResolvedScenario;
  m: RecordingMonitor;
}

const cases: Case[] = fc.sample(room, { seed: SEED, numRuns: CASES }).map((scenario, index) => {
  const m = new RecordingMonitor();
  new ControlRoom(scenario, new StreamFactory(scenario.seed, 0), m, { queueSelector: makeQueueSelector, dispatchPolicy: makeDispatchPolicy }).run();
  return { index, scenario, m };
});

/** Queues each pool serves (the switchboard's operators included). */
const servedBy = (s: ResolvedScenario): Map<string, string[]> =>
  new Map([...s.handlers.pools.map((p): [string, string[]] => [p.name, [...p.serves]]), ['switchboard', ['switchboard']]]);

/** Per pool, the intervals [from, to) with at least `more` idle handlers, from the pool's level records (last record at an instant wins). */
function idleIntervals(m: RecordingMonitor, pool: string, more: number, horizon: number): [number, number][] {
  const levels = m.poolLevels.filter((l) => l.pool === pool);
  const out: [number, number][] = [];
  for (let i = 0; i < levels.length; i++) {
    if (i + 1 < levels.length && levels[i + 1].at === levels[i].at) continue;
    const end = i + 1 < levels.length ? levels[i + 1].at : horizon;
    if (levels[i].staffed - levels[i].busy < more || !(end > levels[i].at)) continue;
    // Merge with the previous stretch when they touch, so the list stays disjoint and sorted.
    const last = out[out.length - 1];
    if (last !== undefined && last[1] === levels[i].at) last[1] = end;
    else out.push([levels[i].at, end]);
  }
  return out;
}

/** Callers' waits in a queue: [entered, left) for every visit that left (open visits wait to the horizon). */
const waits = (m: RecordingMonitor, queue: string): [number, number][] => m.left.filter((r) => r.queue === queue).map((r) => [r.enteredAt, r.at]);

/** A stretch of positive length where an interval of `a` meets one of `b` (b sorted and disjoint), if any. */
const overlap = (a: [number, number][], b: [number, number][]): [number, number] | undefined => {
  for (const [f, t] of a) {
    // First interval of b ending after f.
    let lo = 0;
    let hi = b.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (b[mid][1] <= f) lo = mid + 1;
      else hi = mid;
    }
    if (lo < b.length && b[lo][0] < t && Math.max(f, b[lo][0]) < Math.min(t, b[lo][1])) return [Math.max(f, b[lo][0]), Math.min(t, b[lo][1])];
  }
  return undefined;
};

describe(`control-room invariants on ${CASES} random rooms (fast-check seed ${SEED})`, () => {
  it('the cases exercise what they claim: dispatch, roster changes, abandonment, callbacks and redials occur', () => {
    expect(cases.filter((c) => c.scenario.dispatch !== undefined && c.m.incidents.length > 0).length).toBeGreaterThan(50);
    expect(cases.filter((c) => new Set(c.scenario.handlers.pools[0].roster && (c.scenario.handlers.pools[0].roster as { hourOfDay: number[] }).hourOfDay).size > 1).length).toBeGreaterThan(150);
    expect(cases.filter((c) => c.m.left.some((r) => r.outcome === 'abandoned')).length).toBeGreaterThan(100);
    expect(cases.filter((c) => c.m.callbacks.length > 0).length).toBeGreaterThan(15);
    expect(cases.filter((c) => c.m.redials.length > 0).length).toBeGreaterThan(30);
  });

  it('conservation: offered (trace rows + redials + chasing calls) = answered + abandoned + deflected + resolved + other ends + open, each call once', () => {
    for (const { index, scenario, m } of cases) {
      // Chasing calls (dispatch) are the only calls neither in the trace nor redials.
      const chasing = scenario.dispatch === undefined ? 0 : m.ended.filter((r) => r.redialOf < 0).length - scenario.trace!.length;
      const offered = scenario.trace!.length + m.redials.length + chasing;
      const outcomes = ['answered', 'abandoned', 'deflected', 'ivrHangUp', 'resolved', 'callbackFailed', 'open'];
      const counts = outcomes.map((o) => m.ended.filter((r) => r.outcome === o).length);
      expect(counts.reduce((a, b) => a + b, 0), `case ${index}`).toBe(offered);
      expect(new Set(m.ended.map((r) => r.id)).size, `case ${index}`).toBe(m.ended.length);
      // Without chasing calls, the first calls are exactly the trace's rows.
      if (scenario.dispatch === undefined) expect(m.ended.filter((r) => r.redialOf < 0).length, `case ${index}`).toBe(scenario.trace!.length);
    }
  });

  it('nobody waits longer than their patience in the queue where they ended (callbacks excepted)', () => {
    const violations: string[] = [];
    for (const { index, m } of cases) {
      const ended = new Map(m.ended.map((r) => [r.id, r]));
      const calledBack = new Set(m.callbacks.map((c) => c.callId));
      for (const r of m.left) {
        const e = ended.get(r.callId);
        if (e === undefined || e.lastQueue !== r.queue || calledBack.has(r.callId) || r.outcome === 'open') continue;
        if (r.at - r.enteredAt > e.patienceSeconds + 1e-9) violations.push(`case ${index} call ${r.callId}: waited ${r.at - r.enteredAt} s, patience ${e.patienceSeconds} s`);
      }
    }
    expect(violations.slice(0, 5)).toEqual([]);
  });

  it('work conservation: no free handler while a caller it could serve waits (reserve: no more than keep free while others wait)', () => {
    for (const { index, scenario, m } of cases) {
      const policy = scenario.policy.queueSelection;
      for (const [pool, queues] of servedBy(scenario)) {
        for (const queue of queues) {
          const keep = policy.kind === 'reserve' && pool !== 'switchboard' && queue !== policy.queue ? policy.keep : 0;
          const clash = overlap(waits(m, queue), idleIntervals(m, pool, keep + 1, scenario.horizonSeconds));
          expect(clash, `case ${index}: pool ${pool} had more than ${keep} free while a ${queue} caller waited`).toBeUndefined();
        }
      }
    }
  });

  it('strict priority respected: a handler never takes a caller while a caller of a higher queue it serves waits', () => {
    const violations: string[] = [];
    let checked = 0;
    for (const { index, scenario, m } of cases) {
      if (scenario.policy.queueSelection.kind !== 'strictPriority' || scenario.handlers.pools.length !== 1) continue;
      // Per queue: waits sorted by entry, with the running maximum of their ends, so "someone who
      // entered before t is still waiting at t" is one binary search.
      const waiting = QUEUES.map((q) => {
        const w = waits(m, q).sort((a, b) => a[0] - b[0]);
        const maxEnd: number[] = [];
        w.forEach(([, t], i) => maxEnd.push(Math.max(t, i > 0 ? maxEnd[i - 1] : -Infinity)));
        return { w, maxEnd };
      });
      const waitingAt = (k: number, at: number): boolean => {
        const { w, maxEnd } = waiting[k];
        let lo = 0;
        let hi = w.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (w[mid][0] < at) lo = mid + 1;
          else hi = mid;
        }
        return lo > 0 && maxEnd[lo - 1] > at;
      };
      for (const r of m.left) {
        const rank = QUEUES.indexOf(r.queue);
        if (rank <= 0 || r.outcome !== 'answered') continue;
        checked++;
        for (let higher = 0; higher < rank; higher++) {
          if (waitingAt(higher, r.at)) violations.push(`case ${index}: ${r.queue} call ${r.callId} taken at ${r.at} while a ${QUEUES[higher]} caller waited`);
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect(violations.slice(0, 5)).toEqual([]);
  });
});
