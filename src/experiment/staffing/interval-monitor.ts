/**
 * A model monitor that counts, per staffing interval and per month, what the staffing targets
 * need (a numerator and a denominator per target), the calls offered to each queue, and each
 * handler pool's work: busy handler-seconds, plus the handle time of callers who abandoned (work
 * the pool would have done had it answered them). Calls are keyed by the instant they entered
 * their queue, the moment the staffing of that interval decides their fate. For response units,
 * per dispatch area: incidents created (dispatched grades) and busy unit-seconds (travel and on
 * scene); attendance is keyed by the instant its clock started.
 */
import type { Grade } from '../../model/dispatch/types.js';
import type { CallView, ModelMonitor, MonitorLayout, QueueOutcome } from '../../model/monitor.js';
import type { IntervalScheme } from './intervals.js';
import type { StaffTarget } from './staffing-targets.js';

/** Counts of one replication (plain data: it crosses from worker threads). */
export interface IntervalRecord {
  replication: number;
  /** Month keys ("2022-07") in order of first appearance; index into the ByMonth arrays. */
  months: string[];
  /**
   * Per target: numerator and denominator per interval and per month; for targets judged per
   * month also per (month, interval), flat at month x intervals + interval (empty otherwise), so a
   * month that misses says which of its intervals to staff up.
   */
  counts: { num: number[]; den: number[]; numByMonth: number[]; denByMonth: number[]; numByMonthInterval: number[]; denByMonthInterval: number[] }[];
  /** Per queue (scenario order): calls offered per interval. */
  offered: number[][];
  /** Per handler pool (scenario order): busy handler-seconds per interval. */
  busySeconds: number[][];
  /** Per handler pool: handle seconds of abandoned callers of the queues it serves, per interval. */
  lostWorkSeconds: number[][];
  /** Per dispatch area: incidents of dispatched grades created per interval. */
  incidents: number[][];
  /** Per dispatch area: busy unit-seconds (travel and on scene) per interval. */
  unitBusySeconds: number[][];
}

export class IntervalMonitor implements ModelMonitor {
  private from = 0;
  private to = 0;
  private readonly n: number;
  private readonly monthIndex = new Map<string, number>();
  private readonly record: IntervalRecord;
  private readonly queueTargets: number[][] = [];
  private readonly lastLevel: { at: number; busy: number }[] = [];
  /** Queue index -> pools (index) that serve it. */
  private readonly servedBy: number[][] = [];
  /** Attendance targets (indices into `targets`). */
  private readonly attendanceTargets: number[] = [];
  private readonly lastUnits: { at: number; busy: number }[] = [];

  constructor(
    private readonly scheme: IntervalScheme,
    private readonly targets: readonly StaffTarget[],
    private readonly poolServes: readonly (readonly string[])[],
    replication: number,
    /** Grades that get units (incidents of other grades are not unit work). */
    private readonly dispatched: readonly Grade[] = [],
  ) {
    this.n = scheme.count;
    this.record = { replication, months: [], counts: [], offered: [], busySeconds: [], lostWorkSeconds: [], incidents: [], unitBusySeconds: [] };
    targets.forEach((t, ti) => {
      if (t.kind === 'attendedWithinTarget') this.attendanceTargets.push(ti);
    });
  }

  begin(layout: MonitorLayout): void {
    this.from = layout.warmupSeconds;
    this.to = Math.max(this.from, layout.horizonSeconds);
    const zeros = (): number[] => new Array<number>(this.n).fill(0);
    this.record.counts = this.targets.map(() => ({ num: zeros(), den: zeros(), numByMonth: [], denByMonth: [], numByMonthInterval: [], denByMonthInterval: [] }));
    this.record.offered = layout.queues.map(zeros);
    this.record.busySeconds = this.poolServes.map(zeros);
    this.record.lostWorkSeconds = this.poolServes.map(zeros);
    this.record.incidents = layout.areas.map(zeros);
    this.record.unitBusySeconds = layout.areas.map(zeros);
    layout.areas.forEach((_, a) => {
      this.lastUnits[a] = { at: this.from, busy: 0 };
    });
    layout.queues.forEach((q, qi) => {
      this.queueTargets[qi] = this.targets.flatMap((t, ti) => (t.queue === q.name ? [ti] : []));
      this.servedBy[qi] = this.poolServes.flatMap((serves, pi) => (serves.includes(q.name) ? [pi] : []));
    });
    for (let p = 0; p < this.poolServes.length; p++) this.lastLevel[p] = { at: this.from, busy: 0 };
  }

  private month(t: number): number {
    const key = this.scheme.calendar.monthKey(t);
    let i = this.monthIndex.get(key);
    if (i === undefined) {
      i = this.record.months.length;
      this.monthIndex.set(key, i);
      this.record.months.push(key);
      this.record.counts.forEach((c, ti) => {
        c.numByMonth.push(0);
        c.denByMonth.push(0);
        if (this.targets[ti].per === 'month') for (let k = 0; k < this.n; k++) c.numByMonthInterval.push(0), c.denByMonthInterval.push(0);
      });
    }
    return i;
  }

  queueEntered(): void {}

  queueLeft(queue: number, at: number, outcome: QueueOutcome, answerSeconds: number, call: CallView): void {
    if (!call.counted || outcome === 'open') return;
    const entered = call.enteredQueueAt;
    const slot = this.scheme.of(entered);
    const month = this.month(entered);
    this.record.offered[queue][slot]++;
    if (outcome === 'abandoned') {
      const pools = this.servedBy[queue];
      // Shared between the pools serving the queue: the work is offered to all of them.
      for (const p of pools) this.addWork(this.record.lostWorkSeconds[p], at, at + call.handleSeconds / pools.length);
    }
    for (const ti of this.queueTargets[queue]) {
      const t = this.targets[ti];
      const c = this.record.counts[ti];
      const answered = outcome === 'answered';
      let num = 0;
      let den = 0;
      if (t.kind === 'abandonedOfOffered') [num, den] = [outcome === 'abandoned' ? 1 : 0, 1];
      else if (t.kind === 'withinOfOffered') [num, den] = [answered && answerSeconds <= t.thresholdSeconds ? 1 : 0, 1];
      else if (answered) [num, den] = [answerSeconds <= t.thresholdSeconds ? 1 : 0, 1];
      c.num[slot] += num;
      c.den[slot] += den;
      c.numByMonth[month] += num;
      c.denByMonth[month] += den;
      if (t.per === 'month') {
        c.numByMonthInterval[month * this.n + slot] += num;
        c.denByMonthInterval[month * this.n + slot] += den;
      }
    }
  }

  /** Adds [a, b) (clipped to the counted window) to per-interval seconds, split at hour boundaries. */
  private addWork(into: number[], a: number, b: number, weight = 1): void {
    let t = Math.max(a, this.from);
    const end = Math.min(b, this.to);
    while (t < end) {
      const next = Math.min(end, this.scheme.calendar.hourEnd(t));
      into[this.scheme.of(t)] += (next - t) * weight;
      t = next > t ? next : t + 3600;
    }
  }

  poolLevel(pool: number, at: number, busy: number): void {
    if (pool >= this.poolServes.length) return; // the switchboard's operators
    const last = this.lastLevel[pool];
    if (last.busy > 0) this.addWork(this.record.busySeconds[pool], last.at, at, last.busy);
    last.at = Math.max(at, last.at);
    last.busy = busy;
  }

  end(horizonSeconds: number): void {
    for (let p = 0; p < this.poolServes.length; p++) this.poolLevel(p, horizonSeconds, 0);
    for (let a = 0; a < this.lastUnits.length; a++) this.unitLevel(a, horizonSeconds, 0);
  }

  incidentCreated(area: number, at: number, _needed: Grade, given: Grade, counted: boolean): void {
    if (!counted || !this.dispatched.includes(given) || at < this.from) return;
    this.record.incidents[area][this.scheme.of(at)]++;
  }

  incidentAttended(area: number, at: number, needed: Grade, given: Grade, attendanceSeconds: number, counted: boolean): void {
    if (!counted || this.attendanceTargets.length === 0) return;
    // Keyed by the clock's start: the units on duty then decide how long the incident waits.
    const from = at - attendanceSeconds;
    const slot = this.scheme.of(Math.max(0, from));
    const month = this.month(Math.max(0, from));
    for (const ti of this.attendanceTargets) {
      const t = this.targets[ti];
      const limit = t.attendSeconds?.[area] ?? NaN;
      if (Number.isNaN(limit) || (t.byNeed === true ? needed : given) !== t.grade) continue;
      const c = this.record.counts[ti];
      const within = attendanceSeconds <= limit ? 1 : 0;
      c.num[slot] += within;
      c.den[slot]++;
      c.numByMonth[month] += within;
      c.denByMonth[month]++;
      if (t.per === 'month') {
        c.numByMonthInterval[month * this.n + slot] += within;
        c.denByMonthInterval[month * this.n + slot]++;
      }
    }
  }

  unitLevel(area: number, at: number, busy: number): void {
    const last = this.lastUnits[area];
    if (last === undefined) return;
    if (last.busy > 0) this.addWork(this.record.unitBusySeconds[area], last.at, at, last.busy);
    last.at = Math.max(at, last.at);
    last.busy = busy;
  }

  result(): IntervalRecord {
    return this.record;
  }

  callbackAccepted(): void {}
  redialScheduled(): void {}
  callEnded(): void {}
  queueLevel(): void {}
  incidentOpen(): void {}
  dispatchQueueLevel(): void {}
  victimUpdate(): void {}
  incidentUpgraded(): void {}
}
