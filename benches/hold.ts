import FastPriorityQueue from 'fastpriorityqueue';
import { Exponential } from '../src/engine/distributions.js';
import { StreamFactory } from '../src/engine/random.js';
import { Simulator } from '../src/engine/simulator.js';
import type { Bench } from './format.js';
import { bestOf, printRate } from './format.js';

const PENDING = 1_000;

/**
 * The classic hold model: the future-event list holds PENDING events; each event, when run,
 * schedules one more at now + Exp(1), so the list stays at PENDING and every event costs one
 * pop and one push. Returns the simulator's event count.
 */
export function holdModel(events: number, seed = 1): number {
  const sim = new Simulator();
  const stream = new StreamFactory(seed, 0).stream('hold');
  const increment = new Exponential(1);
  const state = { left: events - PENDING };
  // One shared action, no closure per event: the payload is the same small state object.
  const action = (s: { left: number }, simulator: Simulator): void => {
    if (s.left > 0) {
      s.left--;
      simulator.scheduleAfter(increment.sample(stream), action, s);
    }
  };
  for (let i = 0; i < PENDING; i++) sim.schedule(increment.sample(stream), action, state);
  sim.run();
  return sim.eventsRun;
}

/**
 * The same hold model on a bare fastpriorityqueue whose entries are objects compared by
 * (time, order) (no Simulator: no validation, no action call, no cancel flag check). The Simulator
 * uses fastpriorityqueue too, but its entries are slot numbers whose keys sit in typed arrays;
 * printed beside it so the comparison can be repeated on any machine, at any load.
 */
export function bareHeapHold(events: number, seed = 1): number {
  interface Item {
    time: number;
    order: number;
  }
  const queue = new FastPriorityQueue<Item>((a, b) => a.time < b.time || (a.time === b.time && a.order < b.order));
  const stream = new StreamFactory(seed, 0).stream('hold');
  const increment = new Exponential(1);
  let sequence = 0;
  for (let i = 0; i < PENDING; i++) queue.add({ time: increment.sample(stream), order: sequence++ });
  let now = 0;
  for (let k = PENDING; k < events; k++) {
    now = (queue.peek() as Item).time;
    queue.replaceTop({ time: now + increment.sample(stream), order: sequence++ });
  }
  return now;
}

export const holdBench: Bench = {
  name: 'hold',
  description: `hold model: ${PENDING.toLocaleString('en-GB')} pending events, pop one and schedule one at now + Exp(1); events/s, best of 3`,
  run(): void {
    const events = Number(process.env.HOLD_EVENTS ?? 5_000_000);
    holdModel(200_000); // warm-up: let the JIT compile the loop before timing
    let ran = 0;
    const timing = bestOf(3, () => (ran = holdModel(events)));
    if (ran !== events) throw new Error(`hold model ran ${ran} events, expected ${events}`);
    printRate('hold model', events, 'events', timing);
    bareHeapHold(200_000);
    printRate('  same loop on a bare fastpriorityqueue (comparison)', events, 'events', bestOf(3, () => bareHeapHold(events)));
  },
};
