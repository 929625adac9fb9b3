import { StreamFactory } from '../../src/engine/random.js';
import { ControlRoom } from '../../src/model/control-room.js';
import type { CallView, ModelMonitor, MonitorLayout, QueueOutcome } from '../../src/model/monitor.js';
import type { ResolvedScenario } from '../../src/model/resolved.js';
import { makeDispatchPolicy } from '../../src/policies/dispatch/dispatch-policies.js';
import { makeQueueSelector } from '../../src/policies/queue-selection.js';
import { batchMeansInterval, ratioBatches, type BatchMeansInterval } from '../../src/metrics/batch-means.js';

const ANSWERED = 1;
const ABANDONED = 2;

/**
 * Keeps, per counted queue visit in arrival order (call id), the queue, how it ended and the
 * answer time: enough to cut one long run into batches. Memory grows with the run (about 10 bytes
 * a call), which a test of a few million calls can afford.
 */
export class CallTable implements ModelMonitor {
  private layout!: MonitorLayout;
  queue = new Int8Array(1 << 16).fill(-1);
  outcome = new Int8Array(1 << 16);
  wait = new Float64Array(1 << 16);
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
    this.queue = q;
    this.outcome = o;
    this.wait = w;
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
    const k = this.queueIndex(name);
    const n = this.size;
    const offered = new Float64Array(n);
    const answered = new Float64Array(n);
    const abandoned = new Float64Array(n);
    const within = new Float64Array(n);
    const answeredWait = new Float64Array(n);
    const allWait = new Float64Array(n);
    const target = this.layout.queues[k].targetSeconds;
    let count = 0;
    for (let id = 0; id < n; id++) {
      if (this.queue[id] !== k) continue;
      const o = this.outcome[id];
      offered[count] = 1;
      if (o === ANSWERED) {
        answered[count] = 1;
        answeredWait[count] = this.wait[id];
        if (this.wait[id] <= target) within[count] = 1;
      } else if (o === ABANDONED) abandoned[count] = 1;
      if (o !== 0) allWait[count] = this.wait[id];
      count++;
    }
    const cut = (a: Float64Array): Float64Array => a.subarray(0, count);
    const interval = (num: Float64Array, den: Float64Array): BatchMeansInterval => batchMeansInterval(ratioBatches(cut(num), cut(den), batches), confidence);
    return {
      calls: count,
      serviceLevel: interval(within, offered),
      abandonProbability: interval(abandoned, offered),
      meanWaitAnswered: interval(answeredWait, answered),
      meanWaitAll: interval(allWait, offered),
    };
  }
}

export interface QueueMeasures {
  calls: number;
  serviceLevel: BatchMeansInterval;
  abandonProbability: BatchMeansInterval;
  meanWaitAnswered: BatchMeansInterval;
  meanWaitAll: BatchMeansInterval;
}

/** One long replication of a resolved scenario into a CallTable. */
export function runLong(scenario: ResolvedScenario, replication = 0): CallTable {
  const table = new CallTable();
  new ControlRoom(scenario, new StreamFactory(scenario.seed, replication), table, { queueSelector: makeQueueSelector, dispatchPolicy: makeDispatchPolicy }).run();
  return table;
}
