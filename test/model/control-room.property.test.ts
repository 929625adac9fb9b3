import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DistributionSpec } from '../../src/engine/distributions.js';
import { StreamFactory } from '../../src/engine/random.js';
import { ControlRoom } from '../../src/model/control-room.js';
import { makeQueueSelector } from '../../src/policies/queue-selection.js';
import type { ResolvedScenario } from '../../src/model/resolved.js';
import { RecordingMonitor } from '../support/recording-monitor.js';

function run(scenario: ResolvedScenario): RecordingMonitor {
  const monitor = new RecordingMonitor();
  new ControlRoom(scenario, new StreamFactory(scenario.seed, 0), monitor, { queueSelector: makeQueueSelector }).run();
  return monitor;
}

const duration: fc.Arbitrary<DistributionSpec> = fc.oneof(
  fc.double({ min: 5, max: 600, noNaN: true }).map((mean): DistributionSpec => ({ exponential: { mean } })),
  fc.double({ min: 0, max: 600, noNaN: true }).map((v): DistributionSpec => ({ fixed: v })),
  fc.tuple(fc.double({ min: 5, max: 600, noNaN: true }), fc.double({ min: 0.1, max: 2, noNaN: true })).map(
    ([mean, cv]): DistributionSpec => ({ lognormal: { mean, cv } }),
  ),
);

/** A small random 101 + 999 control room: IVR, switchboard, primary and secondary queues, one or two pools. */
const smallRoom: fc.Arbitrary<ResolvedScenario> = fc
  .record({
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    rate999: fc.double({ min: 0, max: 60, noNaN: true }),
    rate101: fc.double({ min: 0, max: 80, noNaN: true }),
    deflected: fc.double({ min: 0, max: 0.4, noNaN: true }),
    hangUp: fc.double({ min: 0, max: 0.2, noNaN: true }),
    resolved: fc.double({ min: 0, max: 0.6, noNaN: true }),
    primaryShare: fc.double({ min: 0, max: 1, noNaN: true }),
    staff: fc.integer({ min: 0, max: 6 }),
    operators: fc.integer({ min: 1, max: 3 }),
    handle: duration,
    patience: fc.option(duration, { nil: undefined }),
    secondaryPatience: fc.option(duration, { nil: undefined }),
    callback: fc.boolean(),
    redial: fc.boolean(),
    twoPools: fc.boolean(),
    policy: fc.constantFrom('strictPriority', 'longestWeightedWait', 'ageing', 'reserve'),
    btTransfer: fc.boolean(),
  })
  .map((p): ResolvedScenario => {
    const order = ['999', 'primary', 'secondary'];
    const queueSelection =
      p.policy === 'strictPriority' ? { kind: 'strictPriority' as const, order }
      : p.policy === 'longestWeightedWait' ? { kind: 'longestWeightedWait' as const, weights: { '999': 10, primary: 2, secondary: 1 } }
      : p.policy === 'ageing' ? { kind: 'ageing' as const, order, from: 'secondary', to: 'primary', afterSeconds: 300 }
      : { kind: 'reserve' as const, order, queue: '999', keep: 1 };
    const onward = 1 - p.deflected - p.hangUp;
    return {
      name: 'property room',
      start: '2022-03-01T00:00:00Z',
      startEpochMs: Date.parse('2022-03-01T00:00:00Z'), timeZone: 'UTC',
      horizonSeconds: 4 * 3600,
      warmupSeconds: 600,
      replications: 1,
      seed: p.seed,
      channels: [
        { name: '999', rate: { perHour: p.rate999 }, dayBusynessCv: 0, surges: [], queueIndex: 0, queue: '999', btTransferSeconds: p.btTransfer ? { uniform: [1, 4] } : undefined },
        {
          name: '101', rate: { perHour: p.rate101 }, dayBusynessCv: 0, surges: [], queueIndex: 1, queue: 'switchboard',
          ivr: { menuSeconds: { uniform: [20, 60] }, deflected: p.deflected, hangUp: p.hangUp, onward: [{ queueIndex: 1, probability: onward }] },
        },
      ],
      queues: [
        { name: '999', targetSeconds: 10, patienceSeconds: p.patience },
        { name: 'switchboard', targetSeconds: 40, patienceSeconds: p.patience },
        {
          name: 'primary', targetSeconds: 120, patienceSeconds: p.patience,
          redial: p.redial ? { probability: 0.5, delaySeconds: { exponential: { mean: 120 } } } : undefined,
        },
        {
          name: 'secondary', targetSeconds: 600, patienceSeconds: p.secondaryPatience,
          callback: p.callback ? { offerAfterSeconds: 180, acceptProbability: 0.5, reachProbability: 0.8, failedAttemptSeconds: { fixed: 30 } } : undefined,
        },
      ],
      switchboard: {
        queueIndex: 1, staff: { constant: p.operators }, handleSeconds: { uniform: [10, 90] },
        routes: [
          { queueIndex: -1, probability: p.resolved },
          { queueIndex: 2, probability: (1 - p.resolved) * p.primaryShare },
          { queueIndex: 3, probability: (1 - p.resolved) * (1 - p.primaryShare) },
        ],
      },
      handlers: {
        pools: p.twoPools
          ? [
              { name: 'emergency', queueIndices: [0, 2], serves: ['999', 'primary'], roster: { constant: Math.ceil(p.staff / 2) } },
              { name: 'non-emergency', queueIndices: [2, 3], serves: ['primary', 'secondary'], roster: { constant: Math.floor(p.staff / 2) } },
            ]
          : [{ name: 'handlers', queueIndices: [0, 2, 3], serves: ['999', 'primary', 'secondary'], roster: { constant: p.staff } }],
        handleSecondsByQueue: [p.handle, null, p.handle, p.handle],
        handleSeconds: { '999': p.handle, primary: p.handle, secondary: p.handle },
        wrapUpSeconds: { uniform: [0, 30] },
      },
      policy: { queueSelection },
    };
  });

const withStaff = (s: ResolvedScenario, extra: number): ResolvedScenario => ({
  ...s,
  handlers: {
    ...s.handlers,
    pools: s.handlers.pools.map((p, i) => (i === 0 ? { ...p, roster: { constant: (p.roster as { constant: number }).constant + extra } } : p)),
  },
});

describe('ControlRoom properties', () => {
  it('every offered call ends exactly once', () => {
    fc.assert(
      fc.property(smallRoom, (scenario) => {
        const m = run(scenario);
        const ids = m.ended.map((r) => r.id);
        expect(new Set(ids).size).toBe(ids.length);
        // Ids are given in order of creation, so they must be 0..n-1 with none missing.
        expect(Math.max(-1, ...ids)).toBe(ids.length - 1);
        // Every queue entry is left exactly once.
        expect(m.left.length).toBe(m.entered.length);
      }),
      { numRuns: 40 },
    );
  });

  it('no handler serves two calls at once: busy never exceeds the pool headcount', () => {
    fc.assert(
      fc.property(smallRoom, (scenario) => {
        const m = run(scenario);
        for (const level of m.poolLevels) expect(level.busy).toBeGreaterThanOrEqual(0);
        const peak = new Map<string, number>();
        for (const l of m.poolLevels) peak.set(l.pool, Math.max(peak.get(l.pool) ?? 0, l.busy));
        const staffOf = new Map(scenario.handlers.pools.map((p) => [p.name, (p.roster as { constant: number }).constant]));
        staffOf.set('switchboard', (scenario.switchboard!.staff as { constant: number }).constant);
        for (const [pool, busy] of peak) expect(busy).toBeLessThanOrEqual(staffOf.get(pool)!);
      }),
      { numRuns: 40 },
    );
  });

  it('no handler serves two calls at once: concurrent talking never exceeds the handlers on duty', () => {
    fc.assert(
      fc.property(smallRoom, (scenario) => {
        const m = run({ ...scenario, handlers: { ...scenario.handlers, pools: [{ name: 'handlers', queueIndices: [0, 2, 3], serves: ['999', 'primary', 'secondary'], roster: { constant: 3 } }] } });
        // Talking runs from the answer (a queue left as answered or called back) to the call's end.
        const endOf = new Map(m.ended.map((r) => [r.id, r.endedAt]));
        const changes: [number, number][] = [];
        for (const r of m.left) {
          if (r.queue === 'switchboard' || r.outcome === 'abandoned' || r.outcome === 'open') continue;
          changes.push([r.at, 1], [endOf.get(r.callId)!, -1]);
        }
        // Ends before starts at the same instant: a handler freed at t may answer at t.
        changes.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        let talking = 0;
        for (const [, step] of changes) {
          talking += step;
          expect(talking).toBeLessThanOrEqual(3);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('FIFO within a queue: answered callers are answered in the order they entered', () => {
    fc.assert(
      fc.property(smallRoom, (scenario) => {
        const m = run({ ...scenario, policy: { queueSelection: { kind: 'strictPriority', order: ['999', 'primary', 'secondary'] } } });
        for (const queue of ['999', 'switchboard', 'primary', 'secondary']) {
          const answered = m.left.filter((r) => r.queue === queue && r.outcome !== 'abandoned' && r.outcome !== 'open');
          const sorted = [...answered].sort((a, b) => a.at - b.at || a.enteredAt - b.enteredAt);
          const entries = sorted.map((r) => r.enteredAt);
          expect(entries).toEqual([...entries].sort((a, b) => a - b));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('same seed, same results', () => {
    fc.assert(
      fc.property(smallRoom, (scenario) => {
        expect(JSON.stringify(run(scenario))).toBe(JSON.stringify(run(scenario)));
      }),
      { numRuns: 20 },
    );
  });

  it('adding a handler changes no first-time caller arrival time or attributes', () => {
    fc.assert(
      fc.property(smallRoom, (scenario) => {
        const key = (r: { channel: string; arrivedAt: number; patienceSeconds: number; handleSeconds: number }) =>
          `${r.channel}@${r.arrivedAt}`;
        const firstCalls = (m: RecordingMonitor) =>
          new Map(m.ended.filter((r) => r.redialOf < 0).map((r) => [key(r), r]));
        const base = firstCalls(run(scenario));
        const more = firstCalls(run(withStaff(scenario, 1)));
        expect([...more.keys()].sort()).toEqual([...base.keys()].sort());
        for (const [k, r] of base) {
          const other = more.get(k)!;
          // Only the attributes drawn at arrival: the entry queue's patience and handle time.
          if (r.lastQueue === other.lastQueue) {
            expect(other.patienceSeconds).toBe(r.patienceSeconds);
            expect(other.handleSeconds).toBe(r.handleSeconds);
          }
        }
      }),
      { numRuns: 30 },
    );
  });

  it('in one FIFO queue without abandonment, one more handler never lengthens any caller wait', () => {
    const single = fc.record({
      seed: fc.integer({ min: 1, max: 1_000_000 }),
      perHour: fc.double({ min: 1, max: 120, noNaN: true }),
      staff: fc.integer({ min: 1, max: 5 }),
      handle: duration,
    });
    fc.assert(
      fc.property(single, ({ seed, perHour, staff, handle }) => {
        const scenario: ResolvedScenario = {
          name: 'fifo', start: '2022-01-01T00:00:00Z', startEpochMs: Date.parse('2022-01-01T00:00:00Z'), timeZone: 'UTC',
          horizonSeconds: 3 * 3600, warmupSeconds: 0, replications: 1, seed,
          channels: [{ name: '999', rate: { perHour }, dayBusynessCv: 0, surges: [], queueIndex: 0, queue: '999' }],
          queues: [{ name: '999', targetSeconds: 10 }],
          handlers: { pools: [{ name: 'h', queueIndices: [0], serves: ['999'], roster: { constant: staff } }], handleSecondsByQueue: [handle], handleSeconds: { '999': handle } },
          policy: { queueSelection: { kind: 'strictPriority', order: ['999'] } },
        };
        const waits = (m: RecordingMonitor) => new Map(m.left.filter((r) => r.outcome === 'answered').map((r) => [r.callId, r.answerSeconds]));
        const base = waits(run(scenario));
        const more = waits(run(withStaff(scenario, 1)));
        for (const [id, wait] of base) {
          expect(more.has(id)).toBe(true);
          expect(more.get(id)!).toBeLessThanOrEqual(wait + 1e-9);
        }
      }),
      { numRuns: 40 },
    );
  });
});
