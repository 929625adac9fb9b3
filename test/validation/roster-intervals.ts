import { StreamFactory } from '../../src/engine/random.js';
import { ControlRoom } from '../../src/model/control-room.js';
import type { CallView, QueueOutcome } from '../../src/model/monitor.js';
import type { ResolvedScenario } from '../../src/model/resolved.js';
import { makeDispatchPolicy } from '../../src/policies/dispatch/dispatch-policies.js';
import { makeQueueSelector } from '../../src/policies/queue-selection.js';
import { CallTable } from '../support/call-table.js';

const DAY_SECONDS = 86400;

/**
 * A CallTable that also counts, for every reporting interval of every simulated day, what the
 * time-of-day oracle (src/metrics/analytical/ctmc-transient.ts) gives in expectation: callers who
 * entered the queue in it and were not taken at once, abandonments (at the instant patience ran
 * out), and seconds spent waiting by all callers (the integral of the number waiting). Every visit
 * counts, warm-up ones included, binned by instant; a test uses whole days after the warm-up only.
 */
export class IntervalTable extends CallTable {
  readonly perDay: number;
  readonly arrivalsWaiting: Float64Array;
  readonly abandonments: Float64Array;
  readonly waitingSeconds: Float64Array;

  constructor(readonly intervalSeconds: number, readonly days: number) {
    super();
    this.perDay = DAY_SECONDS / intervalSeconds;
    this.arrivalsWaiting = new Float64Array(days * this.perDay);
    this.abandonments = new Float64Array(days * this.perDay);
    this.waitingSeconds = new Float64Array(days * this.perDay);
  }

  override queueLeft(queue: number, at: number, outcome: QueueOutcome, answerSeconds: number, call: CallView): void {
    super.queueLeft(queue, at, outcome, answerSeconds, call);
    const entered = call.enteredQueueAt;
    const bins = this.arrivalsWaiting.length;
    const bin = (t: number): number => Math.floor(t / this.intervalSeconds);
    if (outcome === 'abandoned' && bin(at) < bins) this.abandonments[bin(at)]++;
    // Taken at once means answered at the instant of entry; anyone else found no handler free.
    if ((outcome !== 'answered' || at > entered) && bin(entered) < bins) this.arrivalsWaiting[bin(entered)]++;
    for (let from = entered; from < at; ) {
      const k = bin(from);
      if (k >= bins) break;
      const to = Math.min(at, (k + 1) * this.intervalSeconds);
      this.waitingSeconds[k] += to - from;
      from = to;
    }
  }

  /** One interval's values, one per day from `firstDay` up to (not including) `endDay`. */
  series(values: Float64Array, interval: number, firstDay: number, endDay: number, scale = 1): number[] {
    return Array.from({ length: endDay - firstDay }, (_, d) => values[(firstDay + d) * this.perDay + interval] * scale);
  }
}

/** One long replication, recorded by call and by interval of the day. */
export function runByInterval(scenario: ResolvedScenario, intervalSeconds: number): IntervalTable {
  const table = new IntervalTable(intervalSeconds, Math.floor(scenario.horizonSeconds / DAY_SECONDS));
  new ControlRoom(scenario, new StreamFactory(scenario.seed, 0), table, { queueSelector: makeQueueSelector, dispatchPolicy: makeDispatchPolicy }).run();
  return table;
}
