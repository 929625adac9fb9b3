import { StreamFactory } from '../../src/engine/random.js';
import { ControlRoom } from '../../src/model/control-room.js';
import type { CallView, ModelMonitor, MonitorLayout, QueueOutcome } from '../../src/model/monitor.js';
import type { ResolvedScenario } from '../../src/model/resolved.js';
import { makeDispatchPolicy } from '../../src/policies/dispatch/dispatch-policies.js';
import { makeQueueSelector } from '../../src/policies/queue-selection.js';
import { batchMeansInterval, ratioBatches, type BatchMeansInterval } from '../../src/metrics/batch-means.js';
import { controlledBatchMeansInterval, fcfsWaits, type ControlledInterval } from '../../src/metrics/control-variates.js';

const ANSWERED = 1;
const ABANDONED = 2;

/**
 * Keeps, per counted queue visit in arrival order (call id), the queue, how it ended, the answer
 * time and the drawn inputs (arrival instant, handle time): enough to cut one long run
 * into batches and to form control variates. Memory grows with the run (about 22 bytes a call),
 * which a test of a few million calls can afford.
 */
export class CallTable implements ModelMonitor {
  private layout!: MonitorLayout;
  queue = new Int8Array(1 << 16).fill(-1);
  outcome = new Int8Array(1 << 16);
  wait = new Float64Array(1 << 16);
  arrivedAt = new Float64Array(1 << 16);
  // Single precision: a rounding of 6e-8 relative, far below any interval here.
  handle = new Float32Array(1 << 16);
  size = 0;

  private grow(id: number): void {
    if (id < this.queue.length) return;
    let n = this.queue.length;
    while (n <= id) n *= 2;
    const q = new Int8Array(n).fill(-1);
    q.set(this.queue);
    const o = new Int8Array(n);
    o.set(this.outcome);
    const w = new Float64Array(n);
    w.set(this.wait);
    const a = new Float64Array(n);
    a.set(this.arrivedAt);
    const h = new Float32Array(n);
    h.set(this.handle);
    this.queue = q;
    this.outcome = o;
    this.wait = w;
    this.arrivedAt = a;
    this.handle = h;
  }

  begin(layout: MonitorLayout): void {
    this.layout = layout;
  }
  queueEntered(): void {}
  queueLeft(queue: number, _at: number, outcome: QueueOutcome, answerSeconds: number, call: CallView): void {
    if (!call.counted) return;
    const id = call.id;
    this.grow(id);
    this.size = Math.max(this.size, id + 1);
    this.queue[id] = queue;
    this.outcome[id] = outcome === 'answered' ? ANSWERED : outcome === 'abandoned' ? ABANDONED : 0;
    this.wait[id] = answerSeconds;
    this.arrivedAt[id] = call.arrivedAt;
    this.handle[id] = call.handleSeconds;
  }
  callbackAccepted(): void {}
  redialScheduled(): void {}
  callEnded(): void {}
  poolLevel(): void {}
  queueLevel(): void {}
  incidentCreated(): void {}
  incidentAttended(): void {}
  incidentOpen(): void {}
  unitLevel(): void {}
  dispatchQueueLevel(): void {}
  victimUpdate(): void {}
  incidentUpgraded(): void {}
  end(): void {}

  queueIndex(name: string): number {
    return this.layout.queues.findIndex((q) => q.name === name);
  }

  /** Batch-means intervals of one queue's measures over `batches` batches of equal call count. */
  measures(name: string, batches = 30, confidence = 0.999): QueueMeasures {
    const v = this.batchValues(name, batches);
    const interval = (values: number[]): BatchMeansInterval => batchMeansInterval(values, confidence);
    return {
      calls: v.calls,
      serviceLevel: interval(v.serviceLevel),
      abandonProbability: interval(v.abandonProbability),
      meanWaitAnswered: interval(v.meanWaitAnswered),
      meanWaitAll: interval(v.meanWaitAll),
    };
  }

  /** The ids of one queue's calls (k = −2: of every recorded call), in arrival order. */
  private ids(k: number): Int32Array {
    const match = (id: number): boolean => (k === -2 ? this.queue[id] !== -1 : this.queue[id] === k);
    let count = 0;
    for (let id = 0; id < this.size; id++) if (match(id)) count++;
    const ids = new Int32Array(count);
    count = 0;
    for (let id = 0; id < this.size; id++) if (match(id)) ids[count++] = id;
    return ids;
  }

  /** Each measure's value per batch (ratio estimators over batches of equal call count). */
  batchValues(name: string, batches = 30, targetSeconds?: number): { calls: number; serviceLevel: number[]; abandonProbability: number[]; meanWaitAnswered: number[]; meanWaitAll: number[] } {
    const k = this.queueIndex(name);
    const ids = this.ids(k);
    const count = ids.length;
    const offered = new Float64Array(count).fill(1);
    const answered = new Float64Array(count);
    const abandoned = new Float64Array(count);
    const within = new Float64Array(count);
    const answeredWait = new Float64Array(count);
    const allWait = new Float64Array(count);
    const target = targetSeconds ?? this.layout.queues[k].targetSeconds;
    for (let i = 0; i < count; i++) {
      const id = ids[i];
      const o = this.outcome[id];
      if (o === ANSWERED) {
        answered[i] = 1;
        answeredWait[i] = this.wait[id];
        if (this.wait[id] <= target) within[i] = 1;
      } else if (o === ABANDONED) abandoned[i] = 1;
      if (o !== 0) allWait[i] = this.wait[id];
    }
    return {
      calls: count,
      serviceLevel: ratioBatches(within, offered, batches),
      abandonProbability: ratioBatches(abandoned, offered, batches),
      meanWaitAnswered: ratioBatches(answeredWait, answered, batches),
      meanWaitAll: ratioBatches(allWait, offered, batches),
    };
  }

  /**
   * An approximating-system control: per batch, the mean over this queue's calls of the wait each
   * would have in `servers` first-come-first-served servers fed by every recorded call (all
   * queues), each bringing `work(handle seconds)` of work, minus the known mean wait of that
   * textbook queue (Poisson arrivals see time averages, so every queue's callers share it). The
   * recursion starts empty at the end of the warm-up; that transient lasts some hundreds of calls,
   * against batches of 60,000 and more.
   */
  serverControl(name: string, o: { system: string; servers: number; work: (handleSeconds: number) => number; meanWaitSeconds: number }, batches = 30): number[] {
    // One recursion serves every queue: `system` names it (same name, same servers and work).
    const key = `${o.system}/${o.servers}`;
    let all = this.serverWaitsCache.get(key);
    if (all === undefined) {
      all = fcfsWaits(Float64Array.from(this.ids(-2), (id) => this.arrivedAt[id]), Float64Array.from(this.ids(-2), (id) => o.work(this.handle[id])), o.servers);
      this.serverWaitsCache.set(key, all);
    }
    const k = this.queueIndex(name);
    const recorded = this.ids(-2);
    const waits = all.filter((_, i) => this.queue[recorded[i]] === k);
    return ratioBatches(waits, new Float64Array(waits.length).fill(1), batches).map((w) => w - o.meanWaitSeconds);
  }

  /** Approximating-system waits of every recorded call, by system name. */
  private readonly serverWaitsCache = new Map<string, Float64Array>();

  /** Control variates per batch (see `ControlName`), one array per name in `use`, in that order. */
  controls(name: string, means: InputMeans, use: readonly ControlName[], batches = 30): number[][] {
    const k = this.queueIndex(name);
    const ids = this.ids(k);
    const count = ids.length;
    const out: number[][] = use.map(() => []);
    for (let j = 0; j < batches; j++) {
      const from = Math.floor((j * count) / batches);
      const to = Math.floor(((j + 1) * count) / batches);
      const n = to - from;
      const start = from === 0 ? this.layout.warmupSeconds : this.arrivedAt[ids[from - 1]];
      const span = this.arrivedAt[ids[to - 1]] - start;
      let handle = 0;
      for (let i = from; i < to; i++) handle += this.handle[ids[i]];
      use.forEach((c, m) => out[m].push(c === 'gap' ? span / n - 1 / means.arrivalsPerSecond : handle / n - means.handleSeconds));
    }
    return out;
  }
}


/** Known true means of the drawn inputs, for control variates. Rates per second, times in seconds. */
export interface InputMeans {
  arrivalsPerSecond: number;
  handleSeconds: number;
}

/**
 * Per batch, centred to true mean 0 (the batches of `measures`):
 * - `gap`: the batch's mean gap between arrivals (the first from the end of the warm-up, which for
 *   Poisson arrivals is again exponential) minus 1/λ;
 * - `handle`: the batch's mean drawn handle time minus its true mean.
 */
export type ControlName = 'gap' | 'handle';

export interface ControlledMeasures {
  calls: number;
  serviceLevel: ControlledInterval;
  abandonProbability: ControlledInterval;
  meanWaitAnswered: ControlledInterval;
  meanWaitAll: ControlledInterval;
}

export interface QueueMeasures {
  calls: number;
  serviceLevel: BatchMeansInterval;
  abandonProbability: BatchMeansInterval;
  meanWaitAnswered: BatchMeansInterval;
  meanWaitAll: BatchMeansInterval;
}

/** Batch-means intervals with control variates (src/metrics/control-variates.ts) on the drawn inputs. */
export function controlledMeasures(
  table: CallTable, name: string, means: InputMeans, use: readonly ControlName[],
  extra: readonly number[][] = [], targetSeconds?: number, batches = 30, confidence = 0.999,
): ControlledMeasures {
  const v = table.batchValues(name, batches, targetSeconds);
  const controls = [...table.controls(name, means, use, batches), ...extra];
  const controlled = (values: number[]): ControlledInterval => controlledBatchMeansInterval(values, controls, confidence);
  return {
    calls: v.calls,
    serviceLevel: controlled(v.serviceLevel),
    abandonProbability: controlled(v.abandonProbability),
    meanWaitAnswered: controlled(v.meanWaitAnswered),
    meanWaitAll: controlled(v.meanWaitAll),
  };
}

/** One long replication of a resolved scenario into a CallTable. */
export function runLong(scenario: ResolvedScenario, replication = 0): CallTable {
  const table = new CallTable();
  new ControlRoom(scenario, new StreamFactory(scenario.seed, replication), table, { queueSelector: makeQueueSelector, dispatchPolicy: makeDispatchPolicy }).run();
  return table;
}
