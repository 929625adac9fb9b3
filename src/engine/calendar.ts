const SECONDS_PER_HOUR = 3600;
const SECONDS_PER_DAY = 86_400;

/**
 * A UTC calendar anchored at the scenario's start instant: converts simulated seconds into hour
 * of day, day of week (Monday 0), month (January 0) and day index. Hour, day and week facts are
 * arithmetic on the offset from the UTC midnight before the start; months need a Date, but only
 * once per month boundary, which is cached, so per-call lookups allocate nothing.
 */
export class Calendar {
  /** Seconds from the UTC midnight at or before the start to the start. */
  private readonly offsetSeconds: number;
  /** Day of week (Monday 0) of that midnight. */
  private readonly firstWeekday: number;
  /** Month boundaries in simulated seconds, ascending, with the month index and key of each. */
  private readonly monthStarts: number[] = [];
  private readonly monthIndex: number[] = [];
  private readonly monthKeys: string[] = [];

  constructor(readonly startEpochMs: number) {
    if (!Number.isFinite(startEpochMs)) throw new RangeError(`start instant must be finite, got ${startEpochMs}`);
    const start = new Date(startEpochMs);
    const midnight = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate());
    this.offsetSeconds = (startEpochMs - midnight) / 1000;
    this.firstWeekday = (new Date(midnight).getUTCDay() + 6) % 7;
    this.addMonth(start.getUTCFullYear(), start.getUTCMonth());
  }

  /** Epoch milliseconds of simulated time `t`. */
  epochMs(t: number): number {
    return this.startEpochMs + t * 1000;
  }

  hourOfDay(t: number): number {
    return Math.floor(((t + this.offsetSeconds) % SECONDS_PER_DAY) / SECONDS_PER_HOUR);
  }

  /** Whole days since the UTC midnight at or before the start. */
  dayIndex(t: number): number {
    return Math.floor((t + this.offsetSeconds) / SECONDS_PER_DAY);
  }

  /** Monday 0 ... Sunday 6. */
  dayOfWeek(t: number): number {
    return (this.firstWeekday + this.dayIndex(t)) % 7;
  }

  /** 0 = Monday 00:00-01:00 ... 167 = Sunday 23:00-24:00. */
  hourOfWeek(t: number): number {
    return this.dayOfWeek(t) * 24 + this.hourOfDay(t);
  }

  /** January 0 ... December 11. */
  month(t: number): number {
    return this.monthIndex[this.monthSlot(t)];
  }

  /** 'YYYY-MM'. */
  monthKey(t: number): string {
    return this.monthKeys[this.monthSlot(t)];
  }

  /** Months since the start's month (0 for the first month of the run). */
  monthOrdinal(t: number): number {
    return this.monthSlot(t);
  }

  /** Simulated instant at which the month with this ordinal starts (may be negative for 0). */
  monthStart(ordinal: number): number {
    while (this.monthStarts.length <= ordinal + 1) this.extend();
    return this.monthStarts[ordinal];
  }

  private monthSlot(t: number): number {
    while (t >= this.monthStarts[this.monthStarts.length - 1]) this.extend();
    // Months grow in order, so a linear scan from the end is short for forward-moving time;
    // binary search keeps arbitrary lookups cheap too.
    let lo = 0;
    let hi = this.monthStarts.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.monthStarts[mid] <= t) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private extend(): void {
    const last = this.monthIndex.length - 1;
    const [year, month] = this.monthKeys[last].split('-').map(Number);
    // monthKeys holds 1-based months; the next month after (year, month) is month+1 in 0-based terms.
    this.addMonth(year, month);
  }

  private addMonth(year: number, month: number): void {
    // Adds the month (year, month 0-based) and the start of the next one.
    const y = year + Math.floor(month / 12);
    const m = ((month % 12) + 12) % 12;
    const startMs = Date.UTC(y, m, 1);
    const nextMs = Date.UTC(y, m + 1, 1);
    if (this.monthStarts.length === 0) this.monthStarts.push((startMs - this.startEpochMs) / 1000);
    this.monthStarts.push((nextMs - this.startEpochMs) / 1000);
    this.monthIndex.push(m);
    this.monthKeys.push(`${y}-${String(m + 1).padStart(2, '0')}`);
  }
}
