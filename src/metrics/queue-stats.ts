import type { CallView, QueueOutcome } from '../model/monitor.js';
import type { MonthSlots } from './month-slots.js';
import { FineHistogram } from './histogram.js';
import { ANSWER_999 } from './standards.js';

/** The Home Office 999 answer time, seconds (the standards module's). */
const STANDARD_ANSWER_SECONDS = ANSWER_999.targetSeconds;

/** Fields of one slice (an hour of day, a day of the week or a month) in `QueueStats.slices`. */
export const SLICE_OFFERED = 0;
export const SLICE_ANSWERED = 1;
export const SLICE_ABANDONED = 2;
export const SLICE_WITHIN_TARGET = 3;
/** Answered in under 5 s, and in [5, 10) s: the Home Office bands, by month for a release of one month. */
export const SLICE_UNDER_5S = 4;
export const SLICE_FROM_5_TO_10S = 5;
export const SLICE_FIELDS = 6;
/**
 * Slices 0-23 are local hours of day; 24-30 local days of the week (Monday first); slice
 * MONTH_FIRST + m is the m-th month of the counting window.
 */
export const HOUR_SLICES = 24;
export const WEEKDAY_FIRST = HOUR_SLICES;
export const WEEKDAY_SLICES = 7;
export const MONTH_FIRST = WEEKDAY_FIRST + WEEKDAY_SLICES;

/**
 * Streaming statistics of one queue. Counts cover counted calls only (arriving after the warm-up),
 * sliced by the call's ARRIVAL local hour of day, day of the week and month; `waitingSeconds` covers every caller's time
 * in the queue inside the counting window (for the time-average number waiting). One queue visit
 * is offered once and ends answered, abandoned, called back (reached or failed) or open.
 */
export class QueueStats {
  offered = 0;
  answered = 0;
  abandoned = 0;
  open = 0;
  /** Answered within `targetSeconds` (answer time <= target). */
  withinTarget = 0;
  /** Answered in under 5 s, in [5, 10) s; the rest of the answered took 10 s or more. */
  under5s = 0;
  from5to10s = 0;
  /** Answered within 10 s (answer time <= 10 s): the Home Office 999 measure, whatever the queue's target. */
  within10s = 0;
  abandonWaitSum = 0;
  callbacksAccepted = 0;
  callbacksReached = 0;
  callbacksFailed = 0;
  /** Seconds from accepting a callback to being called back (reached or not), summed. */
  callbackWaitSum = 0;
  callbackWaits = 0;
  redials = 0;
  /** Caller-seconds spent in the queue inside [from, to], all callers (warm-up arrivals too). */
  waitingSeconds = 0;
  /** Answer times of answered calls, seconds. */
  readonly waits = new FineHistogram();
  /** [slice * SLICE_FIELDS + field] counts, up to the last flush (read them with `slice`). */
  private readonly sliceCounts: Float64Array;
  /**
   * Counts of calls that arrived in one span of the same local hour, day of the week and month,
   * by field, added to those three slices when a call from another span leaves (and before any
   * read): one increment per field and call instead of three. Counts are whole numbers, so the
   * order of the additions changes nothing (issue 12).
   */
  private readonly pending = new Float64Array(SLICE_FIELDS);
  private pendingFrom = Infinity;
  private pendingTo = -Infinity;
  /** Offsets in `sliceCounts` of the pending span's hour, day of the week and month slices. */
  private pendingHour = 0;
  private pendingDay = 0;
  private pendingMonth = 0;

  constructor(
    readonly name: string,
    readonly targetSeconds: number,
    private readonly months: MonthSlots,
    private readonly from: number,
    private readonly to: number,
  ) {
    this.sliceCounts = new Float64Array((MONTH_FIRST + months.count) * SLICE_FIELDS);
  }

  /** A call left the queue (see ModelMonitor.queueLeft). */
  left(at: number, outcome: QueueOutcome, answerSeconds: number, call: CallView): void {
    const enteredAt = call.enteredQueueAt;
    const inWindow = (at < this.to ? at : this.to) - (enteredAt > this.from ? enteredAt : this.from);
    if (inWindow > 0) this.waitingSeconds += inWindow;
    if (!call.counted) return;
    const arrivedAt = call.arrivedAt;
    if (!(arrivedAt >= this.pendingFrom && arrivedAt < this.pendingTo)) this.startSpan(arrivedAt);
    const pending = this.pending;
    this.offered++;
    pending[SLICE_OFFERED]++;
    switch (outcome) {
      case 'answered':
        this.answered++;
        pending[SLICE_ANSWERED]++;
        this.waits.add(answerSeconds);
        if (answerSeconds <= this.targetSeconds) {
          this.withinTarget++;
          pending[SLICE_WITHIN_TARGET]++;
        }
        if (answerSeconds < 5) {
          this.under5s++;
          pending[SLICE_UNDER_5S]++;
        } else if (answerSeconds < STANDARD_ANSWER_SECONDS) {
          this.from5to10s++;
          pending[SLICE_FROM_5_TO_10S]++;
        }
        if (answerSeconds <= STANDARD_ANSWER_SECONDS) this.within10s++;
        break;
      case 'abandoned':
        this.abandoned++;
        pending[SLICE_ABANDONED]++;
        this.abandonWaitSum += answerSeconds;
        break;
      case 'callbackReached':
      case 'callbackFailed':
        if (outcome === 'callbackReached') this.callbacksReached++;
        else this.callbacksFailed++;
        if (call.callbackAcceptedAt === call.callbackAcceptedAt) {
          this.callbackWaitSum += at - call.callbackAcceptedAt;
          this.callbackWaits++;
        }
        break;
      case 'open':
        this.open++;
        break;
    }
  }

  /** Every count by slice (flushed first): [slice * SLICE_FIELDS + field]. */
  get slices(): Float64Array {
    this.flush();
    return this.sliceCounts;
  }

  /** Count of one field in one slice. */
  slice(slice: number, field: number): number {
    this.flush();
    return this.sliceCounts[slice * SLICE_FIELDS + field];
  }

  /** Flush the pending span and make the span of `t` pending. */
  private startSpan(t: number): void {
    this.flush();
    const months = this.months;
    this.pendingHour = months.hourOfDay(t) * SLICE_FIELDS;
    this.pendingDay = (WEEKDAY_FIRST + months.dayOfWeek(t)) * SLICE_FIELDS;
    this.pendingMonth = (MONTH_FIRST + months.slot(t)) * SLICE_FIELDS;
    this.pendingFrom = months.sameSlotsFrom;
    this.pendingTo = months.sameSlotsTo;
  }

  /** Add the pending counts to their slices: the answer bands by month only. */
  private flush(): void {
    const pending = this.pending;
    const counts = this.sliceCounts;
    const hour = this.pendingHour;
    const day = this.pendingDay;
    const month = this.pendingMonth;
    for (let field = 0; field < SLICE_FIELDS; field++) {
      const n = pending[field];
      if (n === 0) continue;
      if (field !== SLICE_UNDER_5S && field !== SLICE_FROM_5_TO_10S) {
        counts[hour + field] += n;
        counts[day + field] += n;
      }
      counts[month + field] += n;
      pending[field] = 0;
    }
  }
}
