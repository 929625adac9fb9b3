import { describe, expect, it } from 'vitest';
import { StreamFactory } from '../../src/engine/random.js';
import { runReplication } from '../../src/experiment/run-replication.js';
import { erlangA } from '../../src/metrics/analytical/erlang-a.js';
import { ControlRoom } from '../../src/model/control-room.js';
import type { ResolvedScenario, TraceCall } from '../../src/model/resolved.js';
import { makeQueueSelector } from '../../src/policies/queue-selection.js';
import { runLong } from '../support/call-table.js';
import { RecordingMonitor } from '../support/recording-monitor.js';
import { sharedPool, singleQueue } from '../support/scenarios.js';

/**
 * Metamorphic relations: each compares two runs that theory says must agree, so none rests on
 * the model's own records agreeing with themselves.
 */
function run(scenario: ResolvedScenario): RecordingMonitor {
  const m = new RecordingMonitor();
  new ControlRoom(scenario, new StreamFactory(scenario.seed, 0), m, { queueSelector: makeQueueSelector }).run();
  return m;
}

/** Poisson arrivals with drawn handle and patience, as trace rows (the same callers for both runs). */
function callers(count: number, perHour: number, seed: number, channel: (i: number) => string): TraceCall[] {
  let state = seed >>> 0;
  const u = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state + 0.5) / 2 ** 32;
  };
  let t = 0;
  return Array.from({ length: count }, (_, i) => {
    t += -Math.log(u()) * (3600 / perHour);
    return { arrivalSeconds: t, channel: channel(i), handleSeconds: -Math.log(u()) * 240, patienceSeconds: -Math.log(u()) * 180 };
  });
}

describe('metamorphic relations', () => {
  it('halving the time unit (every duration, target and instant halved, every rate doubled) halves every answer time and changes no outcome', () => {
    const base = sharedPool({
      classes: [
        { name: 'urgent', perHour: 80, handle: { lognormal: { mean: 200, cv: 0.9 } }, patience: { exponential: { mean: 150 } }, targetSeconds: 10 },
        { name: 'routine', perHour: 50, handle: { exponential: { mean: 300 } }, patience: { lognormal: { mean: 400, cv: 0.5 } }, targetSeconds: 60 },
      ],
      staff: 6, hours: 300, warmupHours: 2, seed: 5, wrapUp: { uniform: [0, 40] },
      policy: { kind: 'ageing', order: ['urgent', 'routine'], from: 'routine', to: 'urgent', afterSeconds: 90 },
    });
    const halved: ResolvedScenario = {
      ...base,
      horizonSeconds: base.horizonSeconds / 2,
      warmupSeconds: base.warmupSeconds / 2,
      channels: base.channels.map((c) => ({ ...c, rate: { perHour: c.rate.perHour * 2 } })),
      queues: [
        { name: 'urgent', targetSeconds: 5, patienceSeconds: { exponential: { mean: 75 } } },
        { name: 'routine', targetSeconds: 30, patienceSeconds: { lognormal: { mean: 200, cv: 0.5 } } },
      ],
      handlers: {
        ...base.handlers,
        handleSecondsByQueue: [{ lognormal: { mean: 100, cv: 0.9 } }, { exponential: { mean: 150 } }],
        handleSeconds: { urgent: { lognormal: { mean: 100, cv: 0.9 } }, routine: { exponential: { mean: 150 } } },
        wrapUpSeconds: { uniform: [0, 20] },
      },
      policy: { queueSelection: { kind: 'ageing', order: ['urgent', 'routine'], from: 'routine', to: 'urgent', afterSeconds: 45 } },
    };
    const a = run(base);
    const b = run(halved);
    expect(a.left.length).toBeGreaterThan(30_000);
    expect(b.left.length).toBe(a.left.length);
    const byCall = new Map(b.left.map((r) => [r.callId, r]));
    let worst = 0;
    for (const r of a.left) {
      const h = byCall.get(r.callId);
      expect(h?.outcome).toBe(r.outcome);
      if (r.outcome === 'open') continue;
      worst = Math.max(worst, Math.abs(h!.answerSeconds - r.answerSeconds / 2) / Math.max(1, r.answerSeconds));
    }
    // Floating point only: the arrival clock adds halved gaps, so rounding may differ in the last bits.
    expect(worst).toBeLessThan(1e-9);
  });

  it('permuting the order of channels and queues in the scenario changes no figure', () => {
    const base = sharedPool({
      classes: [
        { name: 'urgent', perHour: 80, handle: { exponential: { mean: 200 } }, patience: { exponential: { mean: 150 } } },
        { name: 'routine', perHour: 60, handle: { exponential: { mean: 250 } }, patience: { exponential: { mean: 300 } } },
        { name: 'admin', perHour: 30, handle: { fixed: 120 } },
      ],
      staff: 7, hours: 200, warmupHours: 2, seed: 8,
    });
    // Queues in a new order: every reference by queue index follows its queue.
    const queueOrder = [1, 2, 0];
    const newIndex = (old: number): number => queueOrder.indexOf(old);
    const permuted: ResolvedScenario = {
      ...base,
      channels: [base.channels[2], base.channels[0], base.channels[1]].map((c) => ({ ...c, queueIndex: newIndex(c.queueIndex) })),
      queues: queueOrder.map((i) => base.queues[i]),
      handlers: {
        ...base.handlers,
        pools: base.handlers.pools.map((p) => ({ ...p, queueIndices: p.queueIndices.map(newIndex) })),
        handleSecondsByQueue: queueOrder.map((i) => base.handlers.handleSecondsByQueue[i]),
      },
    };
    const a = runReplication(base, 0).metrics;
    const b = runReplication(permuted, 0).metrics;
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    expect(a['queues.urgent.offered']).toBeGreaterThan(10_000);
    for (const name of Object.keys(a)) {
      // Sums over channels may be added in another order: equal to the last bits.
      const x = a[name];
      const y = b[name];
      if (Number.isNaN(x)) expect(y, name).toBeNaN();
      else expect(Math.abs(x - y), name).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(x)));
    }
  });

  it('splitting one queue into two identical queues served under longest (unweighted) wait gives the same callers the same outcomes', () => {
    const trace = callers(40_000, 100, 99, () => '999');
    const one = run(singleQueue({ staff: 6, handle: { fixed: 1 }, patience: { fixed: 1 }, hours: 500, trace }));
    const split = run(
      sharedPool({
        classes: [
          { name: 'left', perHour: 0, handle: { fixed: 1 }, patience: { fixed: 1 } },
          { name: 'right', perHour: 0, handle: { fixed: 1 }, patience: { fixed: 1 } },
        ],
        staff: 6, hours: 500, policy: { kind: 'longestWeightedWait', weights: {} },
        trace: trace.map((row, i) => ({ ...row, channel: i % 3 === 0 ? 'left' : 'right' })),
      }),
    );
    const outcome = (m: RecordingMonitor): string[] => [...m.left].sort((x, y) => x.callId - y.callId).map((r) => `${r.callId} ${r.outcome} ${r.answerSeconds}`);
    const abandoned = one.left.filter((r) => r.outcome === 'abandoned').length;
    expect(abandoned / one.left.length).toBeGreaterThan(0.05);
    expect(outcome(split)).toEqual(outcome(one));
  });

  it('doubling arrivals and staff in M/M/n+M moves the service level by what Erlang A predicts (99.9%, batch means)', () => {
    const sl = (perHour: number, staff: number, seed: number) =>
      runLong(singleQueue({ perHour, staff, handle: { exponential: { mean: 180 } }, patience: { exponential: { mean: 300 } }, hours: 12_000, warmupHours: 4, targetSeconds: 20, seed })).measures('999').serviceLevel;
    const small = sl(200, 10, 71);
    const large = sl(400, 20, 72);
    const predicted = erlangA(400 / 3600, 1 / 180, 20, 1 / 300, 20).serviceLevel - erlangA(200 / 3600, 1 / 180, 10, 1 / 300, 20).serviceLevel;
    // The runs are independent: the difference's half-width combines both (t with 29 df each, conservative).
    const halfWidth = Math.hypot(small.halfWidth, large.halfWidth);
    expect(predicted).toBeGreaterThan(0.05); // economies of scale: a real trend to detect (0.057)
    expect(halfWidth / predicted).toBeLessThan(0.15);
    expect(Math.abs(large.mean - small.mean - predicted)).toBeLessThanOrEqual(halfWidth);
  });
});
