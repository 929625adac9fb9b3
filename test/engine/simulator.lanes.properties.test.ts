import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SameInstant } from '../../src/engine/priorities.js';
import type { EventHandle } from '../../src/engine/simulator.js';
import { Simulator } from '../../src/engine/simulator.js';

/**
 * Lanes keep a source's next event outside the heap; the run order must be exactly what the same
 * events give through the heap. A random model: a few sources, each of whose events posts the
 * source's next one after a delay (on its lane, or through `post` for the reference run) and
 * schedules a few heap events, some of which later events cancel. Delays come from a tiny set
 * so equal times are common, and priorities vary, so ties are decided by priority and sequence.
 */
interface SourcePlan {
  /** Delay before each of the source's events (the first from time 0). */
  gaps: number[];
  priority: number;
  /** Per source event: delays and priorities of the heap events it schedules. */
  spawns: { delay: number; priority: number }[][];
  /** Per source event: cancel the handle with this index (mod the handles so far), if any. */
  cancels: (number | null)[];
}

const delayArb = fc.constantFrom(0, 0, 0.5, 1, 1, 2);
const priorityArb = fc.constantFrom(SameInstant.release, SameInstant.seize, SameInstant.arrival, SameInstant.timeout, 0, 7);
const sourceArb: fc.Arbitrary<SourcePlan> = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc.record({
    gaps: fc.array(delayArb, { minLength: n, maxLength: n }),
    priority: priorityArb,
    spawns: fc.array(fc.array(fc.record({ delay: delayArb, priority: priorityArb }), { maxLength: 2 }), { minLength: n, maxLength: n }),
    cancels: fc.array(fc.option(fc.nat(50), { nil: null }), { minLength: n, maxLength: n }),
  }),
);

/** Run the plan; `lanes` false posts the sources' events through the heap. Returns the log. */
function runPlan(sources: SourcePlan[], lanes: boolean, until?: number): string[] {
  const sim = new Simulator();
  const log: string[] = [];
  const handles: EventHandle[] = [];
  const heapEvent = (label: string, s: Simulator): void => {
    log.push(`${label}@${s.now}`);
  };
  interface SourceState {
    index: number;
    step: number;
    lane: number;
  }
  const states: SourceState[] = [];
  const post = (state: SourceState, s: Simulator): void => {
    const plan = sources[state.index];
    if (state.step >= plan.gaps.length) return;
    const at = s.now + plan.gaps[state.step];
    if (lanes) s.postOnLane(state.lane, at, plan.priority);
    else s.post(at, fire, state, plan.priority);
  };
  function fire(state: SourceState, s: Simulator): void {
    const plan = sources[state.index];
    const k = state.step++;
    log.push(`s${state.index}.${k}@${s.now}`);
    const cancel = plan.cancels[k];
    if (cancel !== null && handles.length > 0) s.cancel(handles[cancel % handles.length]);
    // Half the time the source's next event is posted first, half after its heap events.
    if (k % 2 === 0) post(state, s);
    plan.spawns[k].forEach((spawn, j) => handles.push(s.scheduleAfter(spawn.delay, heapEvent, `h${state.index}.${k}.${j}`, spawn.priority)));
    if (k % 2 === 1) post(state, s);
  }
  sources.forEach((_, index) => {
    const state: SourceState = { index, step: 0, lane: -1 };
    if (lanes) state.lane = sim.openLane(fire, state);
    states.push(state);
  });
  for (const state of states) post(state, sim);
  if (until === undefined) sim.run();
  else {
    sim.run(until);
    log.push(`pending ${sim.pending} next ${sim.peekTime()}`);
    while (sim.step()) log.push(`step@${sim.now}`);
  }
  log.push(`events ${sim.eventsRun}, lane events ${sim.laneEventsRun > 0 ? 'some' : 'none'}`);
  return log;
}

describe('simulator lanes', () => {
  it('events run in exactly the order the heap alone gives (time, priority, sequence), cancellations included', () => {
    fc.assert(
      fc.property(fc.array(sourceArb, { minLength: 1, maxLength: 5 }), fc.option(fc.constantFrom(0, 1, 2.5, 4), { nil: undefined }), (sources, until) => {
        const withLanes = runPlan(sources, true, until);
        const throughHeap = runPlan(sources, false, until);
        // The last line differs by design (lane events counted); all before it must be equal.
        expect(withLanes.slice(0, -1)).toEqual(throughHeap.slice(0, -1));
        expect(withLanes.at(-1)).toBe(`events ${withLanes.filter((l) => !l.startsWith('pending') && !l.startsWith('step')).length - 1}, lane events some`);
      }),
      { numRuns: 300, seed: 20_221 },
    );
  });

  it('a lane holds one pending event: posting a second before it runs is an error, as is an unknown lane', () => {
    const sim = new Simulator();
    const lane = sim.openLane(() => {}, null);
    sim.postOnLane(lane, 1);
    expect(() => sim.postOnLane(lane, 2)).toThrow(/already has a pending event/);
    expect(() => sim.postOnLane(7, 2)).toThrow(/not open/);
    expect(() => sim.postOnLane(sim.openLane(() => {}, null), -1)).toThrow(/before the current time/);
    expect(sim.pending).toBe(1);
    expect(sim.peekTime()).toBe(1);
    sim.run();
    expect(sim.eventsRun).toBe(1);
    expect(sim.laneEventsRun).toBe(1);
    expect(sim.now).toBe(1);
  });
});
