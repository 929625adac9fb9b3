import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import * as distributions from '../src/engine/distributions.js';
import { RandomStream, StreamFactory } from '../src/engine/random.js';
import { runReplication } from '../src/experiment/run-replication.js';
import { loadInput } from '../src/experiment/scenario-input.js';
import { LognormalOfNormal } from '../src/model/dispatch/draw-blocks.js';
import type { ResolvedScenario } from '../src/model/resolved.js';
import { cc2Scenario, countEvents } from './cc2.js';
import { AVON, bestOf, type Bench, loadText, RESULTS_FILE, ROOT } from './format.js';
import { laneHold, mixedHorizonHold } from './hold.js';

/**
 * The floors under issue 12's in-process rows: what a replication would cost if the model did no
 * work of its own beyond passing its events through the engine and drawing its random numbers.
 *
 *   measured = engine + draws + the model's own work (queueing, grading, dispatch, metrics)
 *
 * The engine's price per event comes from the hold benches shaped like each model's event list
 * (`laneHold` for cc2, `mixedHorizonHold` for Avon and Somerset, whose lane events go uncharged);
 * the draws' price from counting every draw a replication makes (each stream method and each
 * distribution instance, the outermost call only: a lognormal's normal is inside its price) and
 * timing each in a tight loop of its own. Tight loops run with warm caches and one call site, so
 * both prices are lower bounds: the floor is a floor. Every timing happens before the counting,
 * which wraps prototypes and would slow anything timed after it.
 */

const REPEATS = 3;
const STREAM_METHODS = ['uniform', 'decision', 'normal', 'logUniformPositive', 'uniformPositive'] as const;
type StreamMethod = (typeof STREAM_METHODS)[number];

/** A model of issue 12's in-process rows (also profiled by the `stages` bench). */
export interface Model {
  name: string;
  scenario: ResolvedScenario;
  /** Arrivals per second, or seconds per replication: the row of issue 12 it answers. */
  target: { arrivalsPerSecond: number } | { seconds: number };
  /** The hold bench priced per event, and whether lane events are charged. */
  engine: 'lane' | 'mixed';
}

/** One model's floor, in nanoseconds per arrival (CPU time, best of REPEATS). */
export interface Floor {
  model: string;
  arrivals: number;
  events: number;
  heapEvents: number;
  measuredNsPerArrival: number;
  engineNsPerArrival: number;
  drawsNsPerArrival: number;
  modelWorkNsPerArrival: number;
  targetNsPerArrival: number;
  /** Target minus the floor: what the model's own work may cost at most; negative when the floor alone misses the target. */
  modelWorkAllowedNsPerArrival: number;
  /** Draws per arrival by kind (stream methods by name, samples by distribution class). */
  drawsPerArrival: Record<string, number>;
}

const cpuNsPer = (count: number, work: () => number): number => (bestOf(REPEATS, work).bestCpuSeconds * 1e9) / count;

type Sampler = { sample(stream: RandomStream): number };

/** Counts of the outermost draws of one run: stream methods by name, samplers by instance. */
interface DrawCounts {
  stream: Map<StreamMethod, number>;
  samplers: Map<Sampler, number>;
  lognormalsOfNormal: Map<LognormalOfNormal, number>;
}

/** The prototype of every distribution class (Fixed, Exponential, Lognormal, ...), among the module's other exports. */
const SAMPLER_PROTOTYPES: Sampler[] = Object.values(distributions).flatMap((c) =>
  typeof c === 'function' && typeof (c.prototype as Partial<Sampler> | undefined)?.sample === 'function' ? [c.prototype as Sampler] : [],
);

/**
 * Runs `scenario` once with every draw counted. Wrappers are put on the prototypes and taken off
 * afterwards; a depth counter keeps draws made inside another draw out of the count.
 */
function countDraws(scenario: ResolvedScenario): DrawCounts {
  const counts: DrawCounts = { stream: new Map(), samplers: new Map(), lognormalsOfNormal: new Map() };
  let depth = 0;
  const restore: Array<() => void> = [];
  const wrap = <T extends object>(proto: T, key: keyof T & string, count: (self: T) => void): void => {
    const original = proto[key] as unknown as (this: T, ...args: unknown[]) => number;
    const wrapped = function (this: T, ...args: unknown[]): number {
      if (depth === 0) count(this);
      depth++;
      try {
        return original.apply(this, args);
      } finally {
        depth--;
      }
    };
    Object.defineProperty(proto, key, { value: wrapped, configurable: true, writable: true });
    restore.push(() => Object.defineProperty(proto, key, { value: original, configurable: true, writable: true }));
  };
  const bump = <K>(map: Map<K, number>, key: K): void => {
    map.set(key, (map.get(key) ?? 0) + 1);
  };
  for (const method of STREAM_METHODS) wrap(RandomStream.prototype, method, () => bump(counts.stream, method));
  for (const proto of SAMPLER_PROTOTYPES) wrap(proto, 'sample', (self) => bump(counts.samplers, self));
  wrap(LognormalOfNormal.prototype, 'of', (self) => bump(counts.lognormalsOfNormal, self));
  try {
    runReplication(scenario, 0);
  } finally {
    for (const undo of restore.reverse()) undo();
  }
  return counts;
}

/** CPU ns of one evaluation of `body` (over `d`, the target, and `s`, a stream), in a loop compiled afresh so its call site sees one function. */
function priceOf(target: unknown, body: string, seed: number): number {
  const loop = new Function('d', 's', 'n', `let t = 0; for (let i = 0; i < n; i++) t += ${body}; return t;`) as (d: unknown, s: RandomStream, n: number) => number;
  const stream = new StreamFactory(seed, 0).stream('floors');
  const n = 200_000;
  loop(target, stream, n / 10);
  return cpuNsPer(n, () => loop(target, stream, n));
}

/** The draws' floor (ns per arrival) and draws per arrival by kind. */
function drawsFloor(counts: DrawCounts, arrivals: number): { nsPerArrival: number; perArrival: Record<string, number> } {
  let ns = 0;
  const perArrival: Record<string, number> = {};
  const add = (kind: string, n: number): void => {
    perArrival[kind] = (perArrival[kind] ?? 0) + n / arrivals;
  };
  let seed = 1;
  for (const [method, n] of counts.stream) {
    ns += n * priceOf(null, `s.${method}()`, seed++);
    add(`stream.${method}`, n);
  }
  for (const [sampler, n] of counts.samplers) {
    ns += n * priceOf(sampler, 'd.sample(s)', seed++);
    add(`sample ${sampler.constructor.name}`, n);
  }
  for (const [lognormal, n] of counts.lognormalsOfNormal) {
    ns += n * priceOf(lognormal, 'd.of((i & 7) * 0.25 - 1)', seed++);
    add('lognormal of a normal', n);
  }
  return { nsPerArrival: ns / arrivals, perArrival };
}

/** cc2 calls only, cc2 with grading and dispatch, and a year of Avon and Somerset: the in-process rows' models. */
export async function models(): Promise<Model[]> {
  const { scenario: avon } = await loadInput(join(ROOT, AVON), { sets: ['horizon.days=365'], replications: 1, threads: 1 });
  return [
    { name: 'cc2, calls only', scenario: cc2Scenario(1_000_000), target: { arrivalsPerSecond: 3.0e6 }, engine: 'lane' },
    { name: 'cc2 with grading and dispatch', scenario: cc2Scenario(1_000_000, { dispatch: true }), target: { arrivalsPerSecond: 2.0e6 }, engine: 'lane' },
    { name: 'Avon and Somerset, 365 days', scenario: avon, target: { seconds: 1.0 }, engine: 'mixed' },
  ];
}

const HOLD_EVENTS = 2_000_000;

export const floorsBench: Bench = {
  name: 'floors',
  description: 'the engine and the random draws as floors under the in-process rows (ns per arrival, CPU); writes `floors` into benches/results.json',
  async run(): Promise<void> {
    const loadBefore = loadavg();
    const all = await models();
    runReplication(cc2Scenario(100_000), 0); // warm-up
    // 1. Every timing first: the models, then the engine's price per event.
    const timed = all.map((m) => {
      let offered = 0;
      let events = 0;
      const ns = cpuNsPer(1, () => {
        const r = runReplication(m.scenario, 0);
        offered = r.callsOffered;
        events = r.eventsRun;
        return events;
      });
      return { ...m, arrivals: offered, events, measuredNs: ns };
    });
    laneHold(200_000);
    const laneNsPerEvent = cpuNsPer(HOLD_EVENTS, () => laneHold(HOLD_EVENTS));
    mixedHorizonHold(200_000);
    const mixedNsPerEvent = cpuNsPer(HOLD_EVENTS, () => mixedHorizonHold(HOLD_EVENTS));
    // 2. Counting (wrapped prototypes), then each kind of draw priced in a loop of its own.
    const floors: Floor[] = timed.map((m) => {
      const events = countEvents(m.scenario);
      if (events.events !== m.events) throw new Error(`${m.name}: the counting run saw ${events.events} events, the timed run ${m.events}`);
      const draws = drawsFloor(countDraws(m.scenario), m.arrivals);
      const engineNs = m.engine === 'lane' ? events.events * laneNsPerEvent : events.heapEvents * mixedNsPerEvent;
      const measured = m.measuredNs / m.arrivals;
      const engine = engineNs / m.arrivals;
      const target = 'seconds' in m.target ? (m.target.seconds * 1e9) / m.arrivals : 1e9 / m.target.arrivalsPerSecond;
      return {
        model: m.name,
        arrivals: m.arrivals,
        events: events.events,
        heapEvents: events.heapEvents,
        measuredNsPerArrival: measured,
        engineNsPerArrival: engine,
        drawsNsPerArrival: draws.nsPerArrival,
        modelWorkNsPerArrival: measured - engine - draws.nsPerArrival,
        targetNsPerArrival: target,
        modelWorkAllowedNsPerArrival: target - engine - draws.nsPerArrival,
        drawsPerArrival: draws.perArrival,
      };
    });
    const loadAfter = loadavg();
    console.log(`engine: lane hold ${laneNsPerEvent.toFixed(1)} ns/event, mixed-horizon hold ${mixedNsPerEvent.toFixed(1)} ns/heap event (CPU, best of ${REPEATS})`);
    for (const f of floors) console.log(describe(f));
    console.log(`load average before ${loadText(loadBefore)}, after ${loadText(loadAfter)}`);
    const file = RESULTS_FILE;
    const json = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
    json.floors = { measuredAt: new Date().toISOString(), node: process.version, loadAverageBefore: loadBefore, loadAverageAfter: loadAfter, laneNsPerEvent, mixedNsPerHeapEvent: mixedNsPerEvent, models: floors };
    writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
    console.log(`wrote floors into ${file}`);
  },
};

/** One model's lines: the split of its measured cost and what the target leaves for the model's own work. */
export function describe(f: Floor): string {
  const ns = (x: number): string => `${x.toFixed(0)} ns`;
  const floor = f.engineNsPerArrival + f.drawsNsPerArrival;
  const verdict =
    f.modelWorkAllowedNsPerArrival <= 0
      ? `the floor alone (${ns(floor)}) exceeds the target`
      : `the model's own work must fall from ${ns(f.modelWorkNsPerArrival)} to ${ns(f.modelWorkAllowedNsPerArrival)} (${(100 * (1 - f.modelWorkAllowedNsPerArrival / f.modelWorkNsPerArrival)).toFixed(0)}% less)`;
  const draws = Object.entries(f.drawsPerArrival)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v.toFixed(2)}`)
    .join(', ');
  return (
    `${f.model}: ${f.arrivals.toLocaleString('en-GB')} arrivals, ${(f.events / f.arrivals).toFixed(2)} events per arrival (${(f.heapEvents / f.arrivals).toFixed(2)} through the heap)\n` +
    `  measured ${ns(f.measuredNsPerArrival)} per arrival = engine ${ns(f.engineNsPerArrival)} + draws ${ns(f.drawsNsPerArrival)} + the model's own work ${ns(f.modelWorkNsPerArrival)}\n` +
    `  target ${ns(f.targetNsPerArrival)} per arrival: ${verdict}\n` +
    `  draws per arrival: ${draws}`
  );
}
