import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_PRIORITY, SameInstant } from '../../src/engine/priorities.js';
import type { EventHandle } from '../../src/engine/simulator.js';
import { Simulator } from '../../src/engine/simulator.js';
import { Exponential } from '../../src/engine/distributions.js';
import { StreamFactory } from '../../src/engine/random.js';

/**
 * A random schedule: top-level events plus, for each event, children it schedules from inside its
 * action (possibly at the same instant, delay 0) and earlier events it cancels. Delays are drawn
 * from a tiny set so that equal-time events are common.
 */
interface Plan {
  delay: number;
  priority: number;
  children: Plan[];
  /** Cancel the event with this id (mod the ids issued so far) when this one runs. */
  cancels: number[];
}

const delayArb = fc.constantFrom(0, 0, 0.5, 1, 1, 2, 3.25);
const priorityArb = fc.constantFrom(SameInstant.release, SameInstant.seize, SameInstant.arrival, SameInstant.timeout, SameInstant.observe, 0, 7);
/** Plans nested three deep: top-level events, their children, and grandchildren. */
const planAt = (children: fc.Arbitrary<Plan[]>): fc.Arbitrary<Plan> =>
  fc.record({ delay: delayArb, priority: priorityArb, children, cancels: fc.array(fc.nat(1000), { maxLength: 1 }) });
const leafArb = planAt(fc.constant([]));
const planArb = planAt(fc.array(planAt(fc.array(leafArb, { maxLength: 2 })), { maxLength: 2 }));
const scheduleArb = fc.record({
  top: fc.array(planArb, { minLength: 1, maxLength: 25 }),
  topCancels: fc.array(fc.nat(1000), { maxLength: 4 }),
});

interface Pending {
  id: number;
  time: number;
  priority: number;
  handle: EventHandle;
}

/** Run a plan, checking against a reference list of pending events at every pop. */
function runPlan(top: Plan[], topCancels: number[]) {
  const sim = new Simulator();
  const pending = new Map<number, Pending>();
  const all: Pending[] = [];
  const ran: number[] = [];
  const cancelled = new Set<number>();
  const clock: number[] = [];
  let violations = 0;

  const add = (plan: Plan): void => {
    const id = all.length;
    const handle = sim.scheduleAfter(plan.delay, action, { id, plan }, plan.priority);
    const entry = { id, time: sim.now + plan.delay, priority: plan.priority, handle };
    all.push(entry);
    pending.set(id, entry);
  };
  const cancel = (k: number): void => {
    const entry = all[k % all.length];
    if (pending.has(entry.id)) {
      pending.delete(entry.id);
      cancelled.add(entry.id);
    }
    sim.cancel(entry.handle); // also on events already run or cancelled: must do nothing
  };
  function action(payload: { id: number; plan: Plan }, s: Simulator): void {
    // Reference: the event run must be the least (time, priority, scheduling order) of all live ones.
    let best: Pending | undefined;
    for (const p of pending.values()) {
      if (best === undefined || p.time < best.time || (p.time === best.time && (p.priority < best.priority || (p.priority === best.priority && p.id < best.id)))) best = p;
    }
    if (best?.id !== payload.id) violations++;
    pending.delete(payload.id);
    ran.push(payload.id);
    clock.push(s.now);
    for (const k of payload.plan.cancels) cancel(k);
    for (const child of payload.plan.children) add(child);
  }

  for (const plan of top) add(plan);
  for (const k of topCancels) cancel(k);
  sim.run();
  return { sim, ran, cancelled, clock, violations, scheduled: all.length };
}

describe('Simulator properties', () => {
  it('the clock never goes back, whatever is scheduled (same-time events, scheduling from inside actions)', () => {
    fc.assert(
      fc.property(scheduleArb, ({ top, topCancels }) => {
        const { clock } = runPlan(top, topCancels);
        for (let i = 1; i < clock.length; i++) expect(clock[i]).toBeGreaterThanOrEqual(clock[i - 1]);
      }),
      { numRuns: 300 },
    );
  });

  it('every event run is the least live (time, priority, scheduling order): equal-time events pop by priority, then scheduling order', () => {
    fc.assert(
      fc.property(scheduleArb, ({ top, topCancels }) => {
        expect(runPlan(top, topCancels).violations).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('a cancelled event never runs, and every event not cancelled runs exactly once', () => {
    fc.assert(
      fc.property(scheduleArb, ({ top, topCancels }) => {
        const { ran, cancelled, scheduled, sim } = runPlan(top, topCancels);
        for (const id of ran) expect(cancelled.has(id)).toBe(false);
        expect(new Set(ran).size).toBe(ran.length);
        expect(ran.length + cancelled.size).toBe(scheduled);
        expect(sim.pending).toBe(0);
        expect(sim.eventsRun).toBe(ran.length);
      }),
      { numRuns: 300 },
    );
  });

  it('run(until) runs exactly the events due at or before until, in the same order as an uninterrupted run', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), priorityArb), { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 20 }), (events, until) => {
        const order = (stopAt: number | undefined): number[] => {
          const sim = new Simulator();
          const log: number[] = [];
          events.forEach(([t, p], i) => sim.schedule(t, (x: number) => log.push(x), i, p));
          if (stopAt === undefined) sim.run();
          else {
            sim.run(stopAt);
            expect(sim.now).toBe(stopAt);
            expect(sim.peekTime()).toBeGreaterThan(stopAt);
            sim.run();
          }
          return log;
        };
        expect(order(until)).toEqual(order(undefined));
        const sim = new Simulator();
        let count = 0;
        events.forEach(([t, p]) => sim.schedule(t, () => count++, null, p));
        sim.run(until);
        expect(count).toBe(events.filter(([t]) => t <= until).length);
      }),
      { numRuns: 200 },
    );
  });

  it('step() runs one live event at a time, in the order run() would', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), priorityArb, fc.boolean()), { minLength: 1, maxLength: 30 }), (events) => {
        const collect = (useStep: boolean): number[] => {
          const sim = new Simulator();
          const log: number[] = [];
          const handles = events.map(([t, p], i) => sim.schedule(t, (x: number) => log.push(x), i, p));
          events.forEach(([, , cancel], i) => cancel && sim.cancel(handles[i]));
          if (useStep) while (sim.step());
          else sim.run();
          return log;
        };
        expect(collect(true)).toEqual(collect(false));
        expect(collect(true).length).toBe(events.filter(([, , c]) => !c).length);
      }),
    );
  });

  it('refuses times in the past, non-finite times, negative delays and bad priorities', () => {
    const sim = new Simulator(10);
    const noop = (): void => {};
    expect(() => sim.schedule(9, noop, null)).toThrow(RangeError);
    expect(() => sim.schedule(Number.NaN, noop, null)).toThrow(RangeError);
    expect(() => sim.schedule(Infinity, noop, null)).toThrow(RangeError);
    expect(() => sim.scheduleAfter(-1, noop, null)).toThrow(RangeError);
    expect(() => sim.schedule(11, noop, null, MAX_PRIORITY + 1)).toThrow(RangeError);
    expect(() => sim.schedule(11, noop, null, 1.5)).toThrow(RangeError);
    expect(() => sim.run(5)).toThrow(RangeError);
    expect(sim.pending).toBe(0);
  });

  it('an action that throws leaves the simulator usable (the event has left the list)', () => {
    const sim = new Simulator();
    const log: string[] = [];
    sim.schedule(1, () => {
      throw new Error('boom');
    }, null);
    sim.schedule(2, (x: string) => log.push(x), 'after');
    expect(() => sim.run()).toThrow('boom');
    sim.run();
    expect(log).toEqual(['after']);
    expect(sim.now).toBe(2);
  });

  it('same seed, same sequence: a random hold model run twice gives bit-identical event times and order', () => {
    /** 200 pending events; each run one schedules the next after Exp(1), some at the same instant. */
    const trace = (seed: number): number[] => {
      const sim = new Simulator();
      const stream = new StreamFactory(seed, 0).stream('hold');
      const increment = new Exponential(1);
      const out: number[] = [];
      let left = 5_000;
      const action = (id: number, s: Simulator): void => {
        out.push(s.now, id);
        if (left-- > 0) s.scheduleAfter(stream.bernoulli(0.1) ? 0 : increment.sample(stream), action, id + 1, stream.index(5));
      };
      for (let i = 0; i < 200; i++) sim.schedule(increment.sample(stream), action, i * 10_000);
      sim.run();
      return out;
    };
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        expect(trace(seed)).toEqual(trace(seed));
      }),
      { numRuns: 10 },
    );
    expect(trace(1)).not.toEqual(trace(2));
  });
});
