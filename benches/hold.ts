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

/**
 * Delays of the Avon and Somerset baseline's scheduled events (365 days), by power of two: entry i
 * counts delays in (2^(i-1), 2^i] seconds. Most are minutes ahead (talk ends, patience, travel);
 * about 7% are 1.5 days to a year ahead (repeat callers calling again, quiet clear-ups, incident
 * timers), and those fill most of a single heap.
 */
const AVON_DELAY_COUNTS = [
  112, 12_045, 139_768, 133_184, 476_285, 108_198, 519_222, 633_380, 356_218, 212_436, 158_692, 121_812, 75_127, 20_876, 8_556, 1_953, 212, 51_659, 63_411,
  36_853, 34_288, 18_184, 424, 851, 1_608, 2_640,
];
const MIXED_PENDING = 5_500;

/**
 * A hold model shaped like the Avon baseline's future-event list: about MIXED_PENDING pending
 * events (its mean heap size on one heap), delays drawn from AVON_DELAY_COUNTS (log-uniform within
 * each power of two), and each event schedules none, one or two more (0.3, 0.4, 0.3; two when
 * fewer than 90% of MIXED_PENDING are pending, none when more than 110%), so the heap sees pops
 * without a push and pushes without a pop, as in a model. Returns the simulator's event count.
 */
export function mixedHorizonHold(events: number, seed = 1): number {
  const sim = new Simulator();
  const stream = new StreamFactory(seed, 0).stream('mixed-hold');
  const total = AVON_DELAY_COUNTS.reduce((a, b) => a + b, 0);
  let running = 0;
  const cumulative = AVON_DELAY_COUNTS.map((c) => (running += c) / total);
  // Delays drawn ahead into a table, so the timed loop is the simulator's work, not the draws.
  const delays = new Float64Array(1 << 16);
  for (let k = 0; k < delays.length; k++) {
    const u = stream.uniform();
    let i = 0;
    while (cumulative[i] < u) i++;
    delays[k] = 2 ** (i - 1 + stream.uniform());
  }
  const branching = new Float64Array(1 << 16);
  for (let k = 0; k < branching.length; k++) branching[k] = stream.uniform();
  const state = { left: events - MIXED_PENDING, draw: 0 };
  const action = (s: typeof state, simulator: Simulator): void => {
    const u = branching[s.draw & 0xffff];
    let children = u < 0.3 ? 0 : u < 0.7 ? 1 : 2;
    if (simulator.pending < 0.9 * MIXED_PENDING) children = 2;
    else if (simulator.pending > 1.1 * MIXED_PENDING) children = 0;
    for (let j = 0; j < children && s.left > 0; j++) {
      s.left--;
      simulator.post(simulator.now + delays[s.draw++ & 0xffff], action, s);
    }
  };
  for (let i = 0; i < MIXED_PENDING; i++) sim.post(delays[state.draw++ & 0xffff] * 16, action, state);
  sim.run();
  return sim.eventsRun;
}

/**
 * The engine alone on cc2's shape of event list: two lanes of Poisson arrivals (0.02/s and
 * 0.05/s, cc2's two channels), each arrival posting on its lane the next one and, for 82% of them
 * (cc2's answered share), one heap event 12/0.07 s ahead on average (so about 12 are pending, as
 * cc2's 12 handlers' talk ends), which posts nothing. Gaps and delays are drawn ahead into tables,
 * so the timed loop is the simulator's lane race, posts and heap. Returns the events run.
 */
export function laneHold(events: number, seed = 1): number {
  const sim = new Simulator();
  const stream = new StreamFactory(seed, 0).stream('lane-hold');
  const unitExp = new Exponential(1);
  const table = new Float64Array(1 << 16);
  for (let k = 0; k < table.length; k++) table[k] = unitExp.sample(stream);
  const answered = new Float64Array(1 << 16);
  for (let k = 0; k < answered.length; k++) answered[k] = stream.uniform();
  const rates = [0.02, 0.05];
  const talkMeanSeconds = 12 / 0.07;
  const state = { left: events, draw: 0 };
  const talkEnd = (): void => {};
  const lanes: number[] = [];
  const arrival = (channel: number, simulator: Simulator): void => {
    const k = state.draw++ & 0xffff;
    if (state.left > 0) {
      state.left--;
      simulator.postOnLane(lanes[channel], simulator.now + table[k] / rates[channel]);
    }
    if (answered[k] < 0.82 && state.left > 0) {
      state.left--;
      simulator.post(simulator.now + table[(k + 1) & 0xffff] * talkMeanSeconds, talkEnd, null);
    }
  };
  for (let c = 0; c < rates.length; c++) lanes.push(sim.openLane(arrival, c));
  for (let c = 0; c < rates.length; c++) {
    state.left--;
    sim.postOnLane(lanes[c], table[state.draw++ & 0xffff] / rates[c]);
  }
  sim.run();
  return sim.eventsRun;
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
    mixedHorizonHold(200_000);
    let mixed = 0;
    const mixedTiming = bestOf(3, () => (mixed = mixedHorizonHold(events)));
    if (mixed !== events) throw new Error(`mixed-horizon hold ran ${mixed} events, expected ${events}`);
    printRate('mixed-horizon hold (the Avon baseline\'s delays, ~5,500 pending, 0-2 children)', events, 'events', mixedTiming);
    laneHold(200_000);
    let laned = 0;
    const laneTiming = bestOf(3, () => (laned = laneHold(events)));
    if (laned !== events) throw new Error(`lane hold ran ${laned} events, expected ${events}`);
    printRate('lane hold (cc2\'s shape: two lanes of arrivals, 82% post a heap event, ~12 pending)', events, 'events', laneTiming);
  },
};
