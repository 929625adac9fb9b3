import type { Calendar } from '../engine/calendar.js';
import type { CallView, QueueOutcome } from '../model/monitor.js';
import { LogHistogram } from './log-histogram.js';

/** Counts of one queue for one slice (a month, an hour of day). */
export class SliceCounts {
  offered = 0;
  answered = 0;
  abandoned = 0;
  withinTarget = 0;
}

/**
 * Streaming statistics of one queue over counted calls: outcomes, answer times (fine histogram),
 * answer-time bands, callbacks, time spent waiting, and slices by arrival month and hour of day.
 */
export class QueueStats {
  offered = 0;
  answered = 0;
  abandoned = 0;
  open = 0;
  withinTarget = 0;
  under5s = 0;
  from5to10s = 0;
  abandonWaitSum = 0;
  callbacksAccepted = 0;
  callbacksReached = 0;
  callbacksFailed = 0;
  callbackWaitSum = 0;
  redials = 0;
  /** Seconds callers spent waiting inside the counting window (for the time-average number waiting). */
  waitingSeconds = 0;
  readonly waits = new LogHistogram();
  readonly byMonth: SliceCounts[] = [];
  readonly byHour: SliceCounts[] = Array.from({ length: 24 }, () => new SliceCounts());

  constructor(
    readonly name: string,
    readonly targetSeconds: number,
    private readonly calendar: Calendar,
    private readonly from: number,
    private readonly to: number,
  ) {}

  left(at: number, outcome: QueueOutcome, answerSeconds: number, call: CallView): void {
    const inWindow = Math.min(at, this.to) - Math.max(call.enteredQueueAt, this.from);
    if (inWindow > 0) this.waitingSeconds += inWindow;
    if (!call.counted) return;
    const ordinal = this.calendar.monthOrdinal(call.arrivedAt);
    let month = this.byMonth[ordinal];
    if (month === undefined) {
      for (let i = this.byMonth.length; i <= ordinal; i++) this.byMonth[i] = new SliceCounts();
      month = this.byMonth[ordinal];
    }
    const hour = this.byHour[this.calendar.hourOfDay(call.arrivedAt)];
    this.offered++;
    month.offered++;
    hour.offered++;
    switch (outcome) {
      case 'answered': {
        this.answered++;
        month.answered++;
        hour.answered++;
        this.waits.add(answerSeconds);
        if (answerSeconds <= this.targetSeconds) {
          this.withinTarget++;
          month.withinTarget++;
          hour.withinTarget++;
        }
        if (answerSeconds < 5) this.under5s++;
        else if (answerSeconds < 10) this.from5to10s++;
        break;
      }
      case 'abandoned':
        this.abandoned++;
        month.abandoned++;
        hour.abandoned++;
        this.abandonWaitSum += answerSeconds;
        break;
      case 'callbackReached':
      case 'callbackFailed':
        if (outcome === 'callbackReached') this.callbacksReached++;
        else this.callbacksFailed++;
        if (!Number.isNaN(call.callbackAcceptedAt)) this.callbackWaitSum += at - call.callbackAcceptedAt;
        break;
      case 'open':
        this.open++;
        break;
    }
  }
}
