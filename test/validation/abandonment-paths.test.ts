import { describe, expect, it } from 'vitest';
import { StreamFactory } from '../../src/engine/random.js';
import { ControlRoom } from '../../src/model/control-room.js';
import type { QueueSelectionSpec, ResolvedScenario } from '../../src/model/resolved.js';
import { makeQueueSelector } from '../../src/policies/queue-selection.js';
import { RecordingMonitor } from '../support/recording-monitor.js';
import { sharedPool } from '../support/scenarios.js';

/**
 * call-queue.ts settles abandonment lazily in a queue without callbacks or redials, and with
 * patience events in a queue that has them. A callback offer that nobody accepts changes nothing
 * for the callers, so the same callers (same seed: the callback draws come from their own stream)
 * must leave at the same instants with the same outcomes, call by call, on either path.
 */
function outcomes(scenario: ResolvedScenario): Map<number, string> {
  const monitor = new RecordingMonitor();
  new ControlRoom(scenario, new StreamFactory(scenario.seed, 0), monitor, { queueSelector: makeQueueSelector }).run();
  const byCall = new Map<number, string>();
  for (const r of monitor.left) byCall.set(r.callId, `${r.queue} ${r.outcome} at ${r.at} after ${r.answerSeconds}`);
  for (const r of monitor.ended) byCall.set(r.id, `${byCall.get(r.id) ?? ''} | ended ${r.outcome} at ${r.endedAt}`);
  return byCall;
}

/** Every queue gets a callback offer after 30 s that no caller accepts: the event-driven path. */
const withRefusedCallbacks = (s: ResolvedScenario): ResolvedScenario => ({
  ...s,
  queues: s.queues.map((q) => ({ ...q, callback: { offerAfterSeconds: 30, acceptProbability: 0, reachProbability: 1, failedAttemptSeconds: { fixed: 0 } } })),
});

const rooms: [string, QueueSelectionSpec | undefined][] = [
  ['strict priority', undefined],
  ['longest weighted wait', { kind: 'longestWeightedWait', weights: { urgent: 3 } }],
  ['ageing', { kind: 'ageing', order: ['urgent', 'routine'], from: 'routine', to: 'urgent', afterSeconds: 120 }],
  ['reserve', { kind: 'reserve', order: ['urgent', 'routine'], queue: 'urgent', keep: 1 }],
];

describe('the lazy and the event-driven abandonment paths give the same outcomes, call by call', () => {
  it.each(rooms)('%s: two queues over load, lognormal patience, wrap-up, a roster that changes by the hour', (_, policy) => {
    const base = sharedPool({
      classes: [
        { name: 'urgent', perHour: 90, handle: { exponential: { mean: 150 } }, patience: { lognormal: { mean: 120, cv: 1 } }, targetSeconds: 10 },
        { name: 'routine', perHour: 60, handle: { lognormal: { mean: 200, cv: 0.8 } }, patience: { exponential: { mean: 240 } }, targetSeconds: 60 },
      ],
      staff: 6, hours: 200, warmupHours: 2, seed: 17, policy, wrapUp: { uniform: [0, 30] },
    });
    // Headcount 4 to 8 by hour of day: handlers join (taking waiting callers) and leave after their call.
    const roster = { hourOfDay: Array.from({ length: 24 }, (_, h) => 4 + (h % 5)) };
    const scenario: ResolvedScenario = { ...base, handlers: { ...base.handlers, pools: [{ ...base.handlers.pools[0], roster }] } };
    const lazy = outcomes(scenario);
    const eager = outcomes(withRefusedCallbacks(scenario));
    expect(lazy.size).toBeGreaterThan(20_000);
    const abandoned = [...lazy.values()].filter((v) => v.includes('abandoned at')).length;
    expect(abandoned / lazy.size, 'abandonment is frequent enough to exercise both paths').toBeGreaterThan(0.05);
    expect(eager).toEqual(lazy);
  });
});
