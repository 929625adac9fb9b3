import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventHandle } from '../../src/engine/simulator.js';
import { Simulator } from '../../src/engine/simulator.js';

describe('Simulator future-event list at scale (heap growth past its first 1,024 slots)', () => {
  it('thousands of events with tied times run in (time, priority, scheduling order); cancelled ones never run', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ time: fc.integer({ min: 0, max: 40 }), priority: fc.integer({ min: 0, max: 9 }), cancel: fc.boolean() }), {
          minLength: 1_500,
          maxLength: 3_000,
        }),
        (plans) => {
          const sim = new Simulator();
          const ran: number[] = [];
          const handles: EventHandle[] = plans.map((p, id) => sim.schedule(p.time, (k: number) => ran.push(k), id, p.priority));
          plans.forEach((p, id) => {
            if (p.cancel) sim.cancel(handles[id]);
          });
          expect(sim.pending).toBe(plans.filter((p) => !p.cancel).length);
          sim.run();
          const expected = plans
            .map((p, id) => ({ ...p, id }))
            .filter((p) => !p.cancel)
            .sort((a, b) => a.time - b.time || a.priority - b.priority || a.id - b.id)
            .map((p) => p.id);
          expect(ran).toEqual(expected);
          expect(sim.pending).toBe(0);
          expect(sim.peekTime()).toBe(Infinity);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('a hold model keeps the clock non-decreasing and the pending count constant', () => {
    const sim = new Simulator();
    let state = 12345;
    // A small linear congruential sequence: the test needs varied increments, not good randomness.
    const next = (): number => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state / 2 ** 31;
    };
    let last = 0;
    let backwards = 0;
    let left = 50_000;
    const action = (_: null, s: Simulator): void => {
      if (s.now < last) backwards++;
      last = s.now;
      if (left-- > 0) s.scheduleAfter(next() < 0.1 ? 0 : next() * 3, action, null);
    };
    for (let i = 0; i < 2_000; i++) sim.schedule(next() * 3, action, null);
    let maxPending = 0;
    while (sim.step()) maxPending = Math.max(maxPending, sim.pending);
    expect(backwards).toBe(0);
    expect(maxPending).toBe(2_000);
    expect(sim.eventsRun).toBe(52_000);
  });
});
