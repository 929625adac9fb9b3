import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SimulatorTuning } from '../../src/engine/simulator.js';
import { Simulator } from '../../src/engine/simulator.js';

/**
 * The far tier keeps events beyond the heap's time window in buckets (and events beyond the
 * bucket ring in an overflow heap). Whatever the tier does, events must run in exactly the order
 * of a reference that sorts every pending event by (time, priority, sequence). The reference
 * here is a plain list searched for its minimum at every step.
 *
 * A random script: events at start, and each event that runs (the k-th in run order) follows
 * step k of the script: it schedules events after given delays and may cancel an earlier one.
 * Delays mix zero, sub-bucket, bucket-sized and far beyond the ring, so events cross bucket
 * boundaries, land on them exactly, and pass through the overflow; equal times are common.
 */
interface Spawn {
  delay: number;
  priority: number;
}
interface Step {
  spawns: Spawn[];
  /** Cancel the handle with this index (mod the handles so far), if any. */
  cancel: number | null;
}
interface Script {
  start: number;
  initial: Spawn[];
  steps: Step[];
  /** Run to this many seconds after the start first, then to the end (undefined: one run). */
  pause: number | undefined;
}

const delayArb = fc.oneof(
  fc.constantFrom(0, 0, 1, 4, 8, 16, 64),
  fc.integer({ min: 0, max: 40 }),
  fc.double({ min: 0, max: 200, noNaN: true }),
  fc.integer({ min: 0, max: 5_000 }),
);
const spawnArb = fc.record({ delay: delayArb, priority: fc.constantFrom(0, 1, 2, 3, 4, 9) });
const scriptArb: fc.Arbitrary<Script> = fc.record({
  start: fc.constantFrom(0, -10, 3.5, 1_000_000),
  initial: fc.array(spawnArb, { minLength: 1, maxLength: 30 }),
  steps: fc.array(fc.record({ spawns: fc.array(spawnArb, { maxLength: 3 }), cancel: fc.option(fc.nat(1_000), { nil: null }) }), {
    maxLength: 150,
  }),
  pause: fc.option(fc.constantFrom(0, 3, 50, 1_000), { nil: undefined }),
});

/** Runs the script on the simulator; the log names each event run with its time. */
function runSimulator(script: Script, tuning: SimulatorTuning): string[] {
  const sim = new Simulator(script.start, tuning);
  const log: string[] = [];
  const handles: ReturnType<Simulator['schedule']>[] = [];
  let ran = 0;
  let made = 0;
  const action = (id: number, s: Simulator): void => {
    log.push(`${id}@${s.now}`);
    const step = script.steps[ran++];
    if (step === undefined) return;
    if (step.cancel !== null && handles.length > 0) s.cancel(handles[step.cancel % handles.length]);
    for (const spawn of step.spawns) {
      // Alternate the two ways in: a handle (cancellable) and a plain post.
      if (made % 2 === 0) handles.push(s.scheduleAfter(spawn.delay, action, made++, spawn.priority));
      else s.post(s.now + spawn.delay, action, made++, spawn.priority);
    }
  };
  for (const spawn of script.initial) handles.push(sim.schedule(script.start + spawn.delay, action, made++, spawn.priority));
  if (script.pause !== undefined) {
    sim.run(script.start + script.pause);
    log.push(`paused at ${sim.now}, pending ${sim.pending}, next ${sim.peekTime()}`);
  }
  sim.run();
  log.push(`pending ${sim.pending}, events ${sim.eventsRun}`);
  return log;
}

/** The same script on a list searched for the (time, priority, sequence) minimum each step. */
function runReference(script: Script): string[] {
  interface Pending {
    time: number;
    priority: number;
    sequence: number;
    id: number;
    cancelled: boolean;
    done: boolean;
  }
  const pending: Pending[] = [];
  const handles: Pending[] = [];
  const log: string[] = [];
  let sequence = 0;
  let made = 0;
  let ran = 0;
  let now = script.start;
  let eventsRun = 0;
  const add = (time: number, priority: number): Pending => {
    const event = { time, priority, sequence: sequence++, id: made++, cancelled: false, done: false };
    pending.push(event);
    return event;
  };
  const runTo = (limit: number): void => {
    for (;;) {
      let best = -1;
      for (let i = 0; i < pending.length; i++) {
        const e = pending[i];
        if (e.cancelled) continue;
        const b = best < 0 ? undefined : pending[best];
        if (b === undefined || e.time < b.time || (e.time === b.time && (e.priority < b.priority || (e.priority === b.priority && e.sequence < b.sequence)))) {
          best = i;
        }
      }
      if (best < 0 || pending[best].time > limit) return;
      const event = pending[best];
      pending.splice(best, 1);
      event.done = true;
      now = event.time;
      eventsRun++;
      log.push(`${event.id}@${now}`);
      const step = script.steps[ran++];
      if (step === undefined) continue;
      if (step.cancel !== null && handles.length > 0) {
        const target = handles[step.cancel % handles.length];
        if (!target.done) target.cancelled = target.done = true;
      }
      for (const spawn of step.spawns) {
        const made0 = made;
        const e = add(now + spawn.delay, spawn.priority);
        if (made0 % 2 === 0) handles.push(e);
      }
    }
  };
  for (const spawn of script.initial) handles.push(add(script.start + spawn.delay, spawn.priority));
  const live = (): Pending[] => pending.filter((e) => !e.cancelled);
  if (script.pause !== undefined) {
    runTo(script.start + script.pause);
    now = script.start + script.pause;
    const next = live().reduce((m, e) => Math.min(m, e.time), Infinity);
    log.push(`paused at ${now}, pending ${live().length}, next ${next}`);
  }
  runTo(Infinity);
  log.push(`pending ${live().length}, events ${eventsRun}`);
  return log;
}

describe('simulator far tier (time buckets outside the heap)', () => {
  it('events run in exactly the (time, priority, sequence) order of a reference sort, across buckets, overflow and cancellations', () => {
    fc.assert(
      fc.property(scriptArb, fc.constantFrom<SimulatorTuning>({ bucketSeconds: 1, buckets: 2 }, { bucketSeconds: 4, buckets: 8 }, { bucketSeconds: 64, buckets: 4 }, {}), (script, tuning) => {
        expect(runSimulator(script, tuning)).toEqual(runReference(script));
      }),
      { numRuns: 400, seed: 121_212 },
    );
  });

  it('far events land exactly on bucket edges and beyond the ring, and run in order with step() and peekTime()', () => {
    const sim = new Simulator(0, { bucketSeconds: 8, buckets: 4 });
    const ran: string[] = [];
    const log = (label: string, s: Simulator): void => {
      ran.push(`${label}@${s.now}`);
    };
    // The ring reaches 3 buckets (8..32 s) past the window; 32 s and later go to the overflow.
    for (const [at, label] of [
      [100, 'far'],
      [32, 'ring-end'],
      [8, 'edge'],
      [7.999, 'window'],
      [31.5, 'ring'],
      [100, 'far-tie'],
      [1e9, 'very-far'],
    ] as const) {
      sim.post(at, log, label);
    }
    const cancelled = sim.schedule(40, log, 'cancelled');
    sim.cancel(cancelled);
    expect(sim.pending).toBe(7);
    const times: number[] = [];
    for (;;) {
      const next = sim.peekTime();
      if (!sim.step()) break;
      times.push(next);
    }
    expect(ran).toEqual(['window@7.999', 'edge@8', 'ring@31.5', 'ring-end@32', 'far@100', 'far-tie@100', 'very-far@1000000000']);
    expect(times).toEqual([7.999, 8, 31.5, 32, 100, 100, 1e9]);
    expect(sim.peekTime()).toBe(Infinity);
    expect(sim.pending).toBe(0);
  });

  it('rejects a bucket width or ring size that is not a power of two', () => {
    expect(() => new Simulator(0, { bucketSeconds: 3 })).toThrow(/power of two/);
    expect(() => new Simulator(0, { buckets: 6 })).toThrow(/power of two/);
    expect(() => new Simulator(0, { bucketSeconds: 0 })).toThrow(/power of two/);
  });
});
