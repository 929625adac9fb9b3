import { describe, expect, it } from 'vitest';
import { StreamFactory } from '../../src/engine/random.js';
import { ControlRoom } from '../../src/model/control-room.js';
import type { QueueSelectionSpec, TraceCall } from '../../src/model/resolved.js';
import { makeQueueSelector, QUEUE_SELECTION_POLICIES, type QueueView } from '../../src/policies/queue-selection.js';
import { RecordingMonitor } from '../support/recording-monitor.js';
import { sharedPool } from '../support/scenarios.js';

/** Queues whose heads entered at the given instants (NaN: empty). */
const heads = (...enteredAt: number[]): QueueView[] =>
  enteredAt.map((at, i) => ({ index: i, name: `q${i}`, targetSeconds: 10, waiting: Number.isNaN(at) ? 0 : 1, headEnteredAt: () => at }));
/** The deciding pool with `n` free handlers. */
const free = (n: number) => ({ name: 'pool', present: n, freeHandlers: n });
const served = ['a', 'b', 'c'];

describe('queue-selection policies, decision by decision', () => {
  it('registers the four policies', () => {
    expect(QUEUE_SELECTION_POLICIES).toEqual(['ageing', 'longestWeightedWait', 'reserve', 'strictPriority']);
  });

  it('strictPriority: the first non-empty queue of the order; queues the order omits come last in served order', () => {
    const p = makeQueueSelector({ kind: 'strictPriority', order: ['c', 'a'] }, served);
    expect(p(heads(NaN, NaN, NaN), 100, free(1))).toBe(-1);
    expect(p(heads(0, 0, 0), 100, free(1))).toBe(2);
    expect(p(heads(0, 0, NaN), 100, free(1))).toBe(0);
    expect(p(heads(NaN, 0, NaN), 100, free(1))).toBe(1);
  });

  it('longestWeightedWait: the largest weight x wait; weights default to 1; a tie goes to the first queue served', () => {
    const p = makeQueueSelector({ kind: 'longestWeightedWait', weights: { a: 2, c: 3 } }, served);
    // waits 10, 30, 5 -> scores 20, 30, 15
    expect(p(heads(90, 70, 95), 100, free(1))).toBe(1);
    // waits 20, 30, 5 -> scores 40, 30, 15
    expect(p(heads(80, 70, 95), 100, free(1))).toBe(0);
    // tie: waits 15, 30, 10 -> scores 30, 30, 30: the first served queue wins
    expect(p(heads(85, 70, 90), 100, free(1))).toBe(0);
    // b scores 30, c scores 3 x 10 = 30: tie, b is served first; c one second older wins
    expect(p(heads(NaN, 70, 90), 100, free(1))).toBe(1);
    expect(p(heads(NaN, 70, 89), 100, free(1))).toBe(2);
    expect(p(heads(NaN, NaN, NaN), 100, free(1))).toBe(-1);
    // a caller who has just arrived (wait 0) still beats an empty queue
    expect(p(heads(NaN, 100, NaN), 100, free(1))).toBe(1);
  });

  it('ageing: a head of `from` that has waited MORE than afterSeconds is served at `to`s rank, first come first served with its head', () => {
    const spec: QueueSelectionSpec = { kind: 'ageing', order: ['a', 'b', 'c'], from: 'c', to: 'b', afterSeconds: 60 };
    const p = makeQueueSelector(spec, served);
    // c waited 61 > 60, b's head came later: c goes ahead of b
    expect(p(heads(NaN, 50, 39), 100, free(1))).toBe(2);
    // exactly 60 is not more than 60: b first
    expect(p(heads(NaN, 50, 40), 100, free(1))).toBe(1);
    // aged but b's head came earlier: b first
    expect(p(heads(NaN, 10, 30), 100, free(1))).toBe(1);
    // aged and entered at the same instant as b's head: b (strictly earlier only)
    expect(p(heads(NaN, 30, 30), 100, free(1))).toBe(1);
    // aged, b empty: c at b's rank
    expect(p(heads(NaN, NaN, 0), 100, free(1))).toBe(2);
    // a still comes first
    expect(p(heads(99, NaN, 0), 100, free(1))).toBe(0);
    // not aged, b empty: c at its own rank
    expect(p(heads(NaN, NaN, 90), 100, free(1))).toBe(2);
  });

  it('reserve: other queues only while MORE than keep handlers are free (the deciding one included)', () => {
    const p = makeQueueSelector({ kind: 'reserve', order: ['a', 'b', 'c'], queue: 'c', keep: 2 }, served);
    expect(p(heads(0, 0, NaN), 100, free(3))).toBe(0);
    expect(p(heads(0, 0, NaN), 100, free(2))).toBe(-1);
    expect(p(heads(0, 0, 0), 100, free(2))).toBe(2);
    expect(p(heads(0, 0, 0), 100, free(1))).toBe(2);
    expect(p(heads(NaN, 0, NaN), 100, free(3))).toBe(1);
  });
});

/** One pool of `staff` handlers over queues a and b, callers replayed from a trace with fixed handle times. */
function replay(policy: QueueSelectionSpec, staff: number, trace: TraceCall[]): Map<number, { queue: string; answeredAt: number }> {
  const scenario = sharedPool({
    classes: [
      { name: 'a', perHour: 0, handle: { fixed: 100 } },
      { name: 'b', perHour: 0, handle: { fixed: 100 } },
    ],
    staff, hours: 1, policy, trace,
  });
  const monitor = new RecordingMonitor();
  new ControlRoom(scenario, new StreamFactory(1, 0), monitor, { queueSelector: makeQueueSelector }).run();
  return new Map(monitor.left.filter((r) => r.outcome === 'answered').map((r) => [r.callId, { queue: r.queue, answeredAt: r.at }]));
}

const call = (arrivalSeconds: number, channel: 'a' | 'b', handleSeconds = 100): TraceCall => ({ arrivalSeconds, channel, handleSeconds });
const answerOrder = (m: Map<number, { answeredAt: number }>): number[] => [...m.entries()].sort((x, y) => x[1].answeredAt - y[1].answeredAt || x[0] - y[0]).map(([id]) => id);

describe('queue-selection policies in a control room, order of service worked out by hand', () => {
  // Call ids follow arrival order. One handler; the first call (a, at 0) is taken at once and ends at 100.
  it('longestWeightedWait (a weighs 2): at 100, a caller waiting 45 s (score 90) ties with b waiting 90 s and wins as the first queue', () => {
    const m = replay({ kind: 'longestWeightedWait', weights: { a: 2 } }, 1, [call(0, 'a'), call(10, 'b'), call(55, 'a')]);
    expect(answerOrder(m)).toEqual([0, 2, 1]);
    expect(m.get(2)?.answeredAt).toBe(100);
    expect(m.get(1)?.answeredAt).toBe(200);
  });

  it('longestWeightedWait: one second later the a caller scores 88 < 90 and b goes first', () => {
    const m = replay({ kind: 'longestWeightedWait', weights: { a: 2 } }, 1, [call(0, 'a'), call(10, 'b'), call(56, 'a')]);
    expect(answerOrder(m)).toEqual([0, 1, 2]);
  });

  it('ageing (b ages into a after 60 s): a b caller who has waited 90 s goes before an a caller who came later', () => {
    const policy: QueueSelectionSpec = { kind: 'ageing', order: ['a', 'b'], from: 'b', to: 'a', afterSeconds: 60 };
    expect(answerOrder(replay(policy, 1, [call(0, 'a'), call(10, 'b'), call(50, 'a')]))).toEqual([0, 1, 2]);
    // Waited exactly 60 s at 100: not aged, a goes first.
    expect(answerOrder(replay(policy, 1, [call(0, 'a'), call(40, 'b'), call(50, 'a')]))).toEqual([0, 2, 1]);
    // Strict priority for comparison: a first whatever the wait.
    expect(answerOrder(replay({ kind: 'strictPriority', order: ['a', 'b'] }, 1, [call(0, 'a'), call(10, 'b'), call(50, 'a')]))).toEqual([0, 2, 1]);
  });

  it('reserve (a protected, keep 1) with two handlers: a b caller waits while only one handler is free', () => {
    // 0: b taken (2 free > 1). 10: b waits (1 free). 20: a taken (protected). 100: one free, b still waits. 120: two free, b taken.
    const m = replay({ kind: 'reserve', order: ['a', 'b'], queue: 'a', keep: 1 }, 2, [call(0, 'b'), call(10, 'b'), call(20, 'a', 100)]);
    expect(m.get(0)?.answeredAt).toBe(0);
    expect(m.get(2)?.answeredAt).toBe(20);
    expect(m.get(1)?.answeredAt).toBe(120);
  });
});
