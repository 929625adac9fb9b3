import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { Calendar } from '../src/engine/calendar.js';
import { makeDistribution } from '../src/engine/distributions.js';
import { SameInstant } from '../src/engine/priorities.js';
import { StreamFactory, type RandomStream } from '../src/engine/random.js';
import { Simulator } from '../src/engine/simulator.js';
import { runReplication } from '../src/experiment/run-replication.js';
import { canonical } from '../src/experiment/shard/canonical.js';
import { ControlRoomCollector } from '../src/metrics/collector.js';
import type { ReplicationResult } from '../src/metrics/results.js';
import { channelRate, ProfileArrivals } from '../src/model/arrival-sources.js';
import type { CallOutcome, CallView } from '../src/model/monitor.js';
import type { ResolvedScenario } from '../src/model/resolved.js';
import { cc2Scenario } from './cc2.js';
import { bestOf, type Bench, isEntry, loadText, RESULTS_FILE, runFresh, thousands } from './format.js';

/**
 * What issue 12's cc2 row would take, measured rather than estimated: the cc2 call path written
 * with its calls in struct-of-arrays storage (typed arrays indexed by a reused slot, waiting lines
 * and handlers holding slot numbers) instead of Call and QueueVisit objects passed from stage to
 * stage. Everything else is callsim's own: the simulator (heap, lanes, sequence numbers), the
 * channels' random streams and arrival processes, the distributions, and the metrics collector,
 * fed the same records at the same instants. The bench checks that the replication's result (every
 * metric and series) is the model's, bit for bit, before timing both, alternately, in this process.
 *
 * It is a prototype of the hot path only: it takes cc2's features (each channel into its own
 * queue, one pool under strict priority, patience settled lazily, a constant roster, no wrap-up)
 * and refuses any scenario with more.
 */

/** Why `scenario` is outside the prototype, or null when it is inside. */
function outside(scenario: ResolvedScenario): string | null {
  const pools = scenario.handlers.pools;
  if (pools.length !== 1 || !('constant' in pools[0].roster)) return 'one pool with a constant roster';
  if (scenario.policy.queueSelection.kind !== 'strictPriority' || pools[0].queueSelection !== undefined) return 'strict priority';
  if (scenario.grading !== undefined || scenario.dispatch !== undefined || scenario.switchboard !== undefined) return 'no grading, dispatch or switchboard';
  if (scenario.trace !== undefined || scenario.callers !== undefined || scenario.channelShift !== undefined || scenario.onlineReports !== undefined) return 'no trace or caller mechanisms';
  if (scenario.handlers.wrapUpSeconds !== undefined) return 'no wrap-up';
  if (scenario.channels.some((c) => c.ivr !== undefined || c.btTransferSeconds !== undefined || c.queueIndex < 0)) return 'each channel straight into its queue';
  if (scenario.queues.some((q) => q.callback !== undefined || q.redial !== undefined)) return 'no callbacks or redials';
  return null;
}

/**
 * One replication of `scenario` (replication 0) on the struct-of-arrays call path. With
 * `callRecords` false the collector is not told when a call leaves a queue or ends (its figures
 * are then wrong): the cost of everything but those per-call records.
 */
export function runCallPath(scenario: ResolvedScenario, callRecords = true): ReplicationResult {
  const why = outside(scenario);
  if (why !== null) throw new Error(`the call-path prototype takes cc2's features only (${why})`);
  const horizon = scenario.horizonSeconds;
  const warmup = scenario.warmupSeconds;
  const streams = new StreamFactory(scenario.seed, 0);
  const sim = new Simulator();
  const calendar = new Calendar(scenario.startEpochMs, scenario.timeZone);
  const collector = new ControlRoomCollector();
  collector.begin({
    startEpochMs: scenario.startEpochMs,
    timeZone: scenario.timeZone,
    horizonSeconds: horizon,
    warmupSeconds: warmup,
    channels: scenario.channels.map((c) => c.name),
    queues: scenario.queues.map((q) => ({ name: q.name, targetSeconds: q.targetSeconds })),
    pools: scenario.handlers.pools.map((p) => p.name),
    areas: [],
  });
  const patience = scenario.queues.map((q) => (q.patienceSeconds === undefined ? null : makeDistribution(q.patienceSeconds)));
  const handle = scenario.handlers.handleSecondsByQueue.map((h) => (h === null ? null : makeDistribution(h)));
  const order = Int32Array.from((scenario.policy.queueSelection.order as readonly string[]).map((name) => scenario.queues.findIndex((q) => q.name === name)));

  // The calls: one slot each while in the system, reused after.
  let capacity = 256;
  let arrivedAt = new Float64Array(capacity);
  let enteredAt = new Float64Array(capacity);
  let abandonAt = new Float64Array(capacity);
  let handleSeconds = new Float64Array(capacity);
  let channelOf = new Float64Array(capacity);
  const freeSlots: number[] = [];
  let usedSlots = 0;
  const newSlot = (): number => {
    const reused = freeSlots.pop();
    if (reused !== undefined) return reused;
    if (usedSlots === capacity) {
      const grow = (a: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> => {
        const b = new Float64Array(capacity * 2);
        b.set(a);
        return b;
      };
      arrivedAt = grow(arrivedAt);
      enteredAt = grow(enteredAt);
      abandonAt = grow(abandonAt);
      handleSeconds = grow(handleSeconds);
      channelOf = grow(channelOf);
      capacity *= 2;
    }
    return usedSlots++;
  };

  // Each queue a growable ring of slots (a power of two long), first come first served.
  const lines = scenario.queues.map(() => ({ slots: new Int32Array(64), mask: 63, head: 0, waiting: 0 }));
  const push = (queue: number, slot: number): void => {
    const line = lines[queue];
    if (line.waiting === line.slots.length) {
      const grown = new Int32Array(line.slots.length * 2);
      for (let k = 0; k < line.waiting; k++) grown[k] = line.slots[(line.head + k) & line.mask];
      line.slots = grown;
      line.mask = grown.length - 1;
      line.head = 0;
    }
    line.slots[(line.head + line.waiting) & line.mask] = slot;
    line.waiting++;
  };

  // The handlers: a ring of free ones (the one idle longest first), and the slot each holds.
  const staff = (scenario.handlers.pools[0].roster as { constant: number }).constant;
  let idleSize = 1;
  while (idleSize < staff) idleSize *= 2;
  const idleMask = idleSize - 1;
  const idle = new Int32Array(idleSize);
  let idleHead = 0;
  let idleCount = staff;
  for (let h = 0; h < staff; h++) idle[h] = h;
  const inHand = new Int32Array(Math.max(1, staff));
  let busy = 0;
  /** True while `handler` holds a call (not in the free ring). */
  const busyHandler = (handler: number): boolean => {
    for (let k = 0; k < idleCount; k++) if (idle[(idleHead + k) & idleMask] === handler) return false;
    return true;
  };
  collector.poolLevel(0, 0, 0, staff);

  // The collector reads a call's view; the prototype lends it one, filled per record.
  const view: { -readonly [K in keyof CallView]: CallView[K] } = {
    id: 0, channel: '', arrivedAt: 0, counted: true, redialOf: -1, chasingIncident: -1, outcome: 'open', endedAt: NaN, lastQueue: '',
    enteredQueueAt: 0, answerSeconds: NaN, callbackAcceptedAt: NaN, handleSeconds: 0, patienceSeconds: 0, needed: 'none', given: 'none', area: '',
  };
  const fill = (slot: number): void => {
    view.channel = scenario.channels[channelOf[slot]].name;
    view.arrivedAt = arrivedAt[slot];
    view.counted = arrivedAt[slot] >= warmup;
    view.enteredQueueAt = enteredAt[slot];
  };
  const left = (queue: number, slot: number, at: number, outcome: 'answered' | 'abandoned' | 'open', answerSeconds: number): void => {
    if (!callRecords) return;
    fill(slot);
    collector.queueLeft(queue, at, outcome, answerSeconds, view);
  };
  const ended = (slot: number, outcome: CallOutcome): void => {
    if (!callRecords) return;
    fill(slot);
    view.outcome = outcome;
    collector.callEnded(view);
  };

  /** The first slot still waiting in `queue` at `now`, settling callers whose patience ran out; -1 when none. */
  const head = (queue: number, now: number): number => {
    const line = lines[queue];
    while (line.waiting > 0) {
      const slot = line.slots[line.head];
      if (!(abandonAt[slot] < now)) return slot;
      line.head = (line.head + 1) & line.mask;
      line.waiting--;
      left(queue, slot, abandonAt[slot], 'abandoned', abandonAt[slot] - enteredAt[slot]);
      ended(slot, 'abandoned');
      freeSlots.push(slot);
    }
    return -1;
  };

  /** A free handler takes the head of the first queue in priority order that has one; false when none waits. */
  const serveOne = (now: number): boolean => {
    for (let k = 0; k < order.length; k++) {
      const queue = order[k];
      const slot = head(queue, now);
      if (slot < 0) continue;
      const line = lines[queue];
      line.head = (line.head + 1) & line.mask;
      line.waiting--;
      const handler = idle[idleHead];
      idleHead = (idleHead + 1) & idleMask;
      idleCount--;
      left(queue, slot, now, 'answered', now - enteredAt[slot]);
      inHand[handler] = slot;
      busy++;
      collector.poolLevel(0, now, busy, staff);
      sim.post(now + handleSeconds[slot], onTalkEnd, handler, SameInstant.release);
      return true;
    }
    return false;
  };

  const onTalkEnd = (handler: number): void => {
    const now = sim.now;
    ended(inHand[handler], 'answered');
    freeSlots.push(inHand[handler]);
    busy--;
    idle[(idleHead + idleCount) & idleMask] = handler;
    idleCount++;
    while (idleCount > 0 && serveOne(now));
    collector.poolLevel(0, now, busy, staff);
  };

  const sources = scenario.channels.map((c, i) => new ProfileArrivals(i, channelRate(c, calendar, horizon, streams), streams, c.name, horizon));
  const patienceStreams: RandomStream[] = scenario.channels.map((c) => streams.stream(`${c.name}.patience`));
  const handleStreams: RandomStream[] = scenario.channels.map((c) => streams.stream(`${c.name}.handle`));
  const lanes: number[] = [];
  const onArrival = (source: ProfileArrivals): void => {
    const channel = source.channelIndex;
    const queue = scenario.channels[channel].queueIndex;
    const now = sim.now;
    const slot = newSlot();
    const patienceSeconds = patience[queue]?.sample(patienceStreams[channel]) ?? Infinity;
    handleSeconds[slot] = handle[queue]?.sample(handleStreams[channel]) ?? 0;
    arrivedAt[slot] = now;
    channelOf[slot] = channel;
    const next = source.next();
    if (next !== Infinity) sim.postOnLane(lanes[channel], next, SameInstant.arrival);
    enteredAt[slot] = now;
    abandonAt[slot] = now + patienceSeconds;
    push(queue, slot);
    if (idleCount > 0) serveOne(now);
  };
  for (const source of sources) lanes.push(sim.openLane(onArrival, source));
  for (const source of sources) {
    const first = source.next();
    if (first !== Infinity) sim.postOnLane(lanes[source.channelIndex], first, SameInstant.arrival);
  }
  sim.run(horizon);

  // The horizon, as the model settles it: expired waits abandon, the rest are open, then the calls in hand.
  for (let queue = 0; queue < scenario.queues.length; queue++) {
    const line = lines[queue];
    for (; line.waiting > 0; line.waiting--, line.head = (line.head + 1) & line.mask) {
      const slot = line.slots[line.head];
      if (abandonAt[slot] <= horizon) {
        left(queue, slot, abandonAt[slot], 'abandoned', abandonAt[slot] - enteredAt[slot]);
        ended(slot, 'abandoned');
      } else {
        left(queue, slot, horizon, 'open', NaN);
        ended(slot, 'open');
      }
    }
  }
  for (let handler = 0; handler < staff; handler++) if (busyHandler(handler)) ended(inHand[handler], 'open');
  collector.end(horizon);
  return collector.result(0, sim.eventsRun);
}

/** Every figure that differs between two results, as `name: model vs prototype` lines (none: the same). */
export function differences(model: ReplicationResult, prototype: ReplicationResult): string[] {
  const out: string[] = [];
  if (model.eventsRun !== prototype.eventsRun) out.push(`events: ${model.eventsRun} vs ${prototype.eventsRun}`);
  if (model.callsOffered !== prototype.callsOffered) out.push(`calls offered: ${model.callsOffered} vs ${prototype.callsOffered}`);
  for (const name of new Set([...Object.keys(model.metrics), ...Object.keys(prototype.metrics)])) {
    if (!Object.is(model.metrics[name], prototype.metrics[name])) out.push(`${name}: ${model.metrics[name]} vs ${prototype.metrics[name]}`);
  }
  for (const name of new Set([...Object.keys(model.series), ...Object.keys(prototype.series)])) {
    // canonical: NaN, the infinities and -0 kept apart, as the shard files compare replications.
    if (JSON.stringify(canonical(model.series[name])) !== JSON.stringify(canonical(prototype.series[name]))) out.push(`series ${name} differs`);
  }
  return out;
}

const ARRIVALS = 1_000_000;
const ROUNDS = 5;

/** Marks the child process that measures (see `callPathBench.run`). */
const CHILD = 'CALLSIM_CALLPATH_CHILD';

function measure(): void {
  const loadBefore = loadavg();
  const scenario = cc2Scenario(ARRIVALS);
  const diff = differences(runReplication(cc2Scenario(100_000), 0), runCallPath(cc2Scenario(100_000)));
  if (diff.length > 0) throw new Error(`the prototype's figures differ from the model's:\n${diff.slice(0, 10).join('\n')}`);
  // Alternate the two, so both see the same state of the machine; CPU time, best of ROUNDS.
  const model: number[] = [];
  const prototype: number[] = [];
  const withoutRecords: number[] = [];
  let check: string[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    let m: ReplicationResult | undefined;
    let p: ReplicationResult | undefined;
    model.push(bestOf(1, () => (m = runReplication(scenario, 0)).eventsRun).bestCpuSeconds);
    prototype.push(bestOf(1, () => (p = runCallPath(scenario)).eventsRun).bestCpuSeconds);
    withoutRecords.push(bestOf(1, () => runCallPath(scenario, false).eventsRun).bestCpuSeconds);
    if (r === 0) check = differences(m as ReplicationResult, p as ReplicationResult);
  }
  if (check.length > 0) throw new Error(`the prototype's figures differ from the model's:\n${check.slice(0, 10).join('\n')}`);
  const loadAfter = loadavg();
  const best = (xs: number[]): number => Math.min(...xs);
  const line = (name: string, xs: number[]): string =>
    `${name}: ${(ARRIVALS / best(xs) / 1e6).toFixed(2)} M arrivals per CPU second, ${((best(xs) * 1e9) / ARRIVALS).toFixed(0)} ns per arrival (${xs.map((x) => x.toFixed(3)).join(' ')} s)`;
  console.log(`cc2, ${thousands(ARRIVALS)} arrivals, the same result bit for bit (every metric and series, events, calls offered); load ${loadText(loadBefore)} -> ${loadText(loadAfter)}`);
  console.log(line('  the model (Call objects)', model));
  console.log(line('  struct-of-arrays call path', prototype));
  console.log(line('  the same without the per-call records (queue left, call ended)', withoutRecords));
  console.log(`  issue 12's row: >= 3.0 M arrivals/s (333 ns per arrival)`);
  const json = existsSync(RESULTS_FILE) ? (JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Record<string, unknown>) : {};
  json.callPath = {
    measuredAt: new Date().toISOString(),
    node: process.version,
    loadAverageBefore: loadBefore,
    loadAverageAfter: loadAfter,
    arrivals: ARRIVALS,
    modelCpuSeconds: model,
    prototypeCpuSeconds: prototype,
    withoutCallRecordsCpuSeconds: withoutRecords,
    modelArrivalsPerCpuSecond: ARRIVALS / best(model),
    prototypeArrivalsPerCpuSecond: ARRIVALS / best(prototype),
    withoutCallRecordsArrivalsPerCpuSecond: ARRIVALS / best(withoutRecords),
    sameFigures: true,
  };
  writeFileSync(RESULTS_FILE, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`wrote callPath into ${RESULTS_FILE}`);
}

export const callPathBench: Bench = {
  name: 'callpath',
  description: 'cc2 on a struct-of-arrays call path (same engine, streams and collector) against the model, in a fresh process; writes `callPath` into benches/results.json',
  run(): void {
    runFresh(import.meta.url, { [CHILD]: '1' }, 'the callpath bench');
  },
};

if (process.env[CHILD] === '1' && isEntry(import.meta.url)) measure();
