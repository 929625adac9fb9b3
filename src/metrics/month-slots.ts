import type { Calendar } from '../engine/calendar.js';

/**
 * Months of a counting window [from, to) as slot indices 0..count-1, and local hours of day and
 * days of the week, with the month and hour of the last instant cached (a call nearly always
 * arrived in the month and hour the previous one did), so a lookup is two comparisons and
 * allocates nothing. A local hour never straddles midnight, so the day of the week is cached with it.
 */
export class MonthSlots {
  /** Number of months the window touches. */
  readonly count: number;
  /** 'YYYY-MM' of each slot. */
  readonly keys: readonly string[];
  private readonly firstOrdinal: number;
  private cachedFrom = Infinity;
  private cachedTo = -Infinity;
  private cachedSlot = 0;
  /** The cached hour of day and its span. */
  private hourFrom = Infinity;
  private hourTo = -Infinity;
  private hour = 0;
  /** Day of the week (Monday 0) of the cached hour. */
  private weekday = 0;

  constructor(
    private readonly calendar: Calendar,
    from: number,
    to: number,
  ) {
    this.firstOrdinal = calendar.monthOrdinal(from);
    let lastOrdinal = calendar.monthOrdinal(Math.max(from, to));
    // The window is half-open: a horizon exactly at a month's start adds no month.
    if (lastOrdinal > this.firstOrdinal && calendar.monthStart(lastOrdinal) >= to) lastOrdinal--;
    this.count = lastOrdinal - this.firstOrdinal + 1;
    const keys: string[] = [];
    for (let o = this.firstOrdinal; o <= lastOrdinal; o++) keys.push(calendar.monthKey(Math.max(from, calendar.monthStart(o))));
    this.keys = keys;
  }

  /**
   * Start of the span of instants that share the last looked-up hour of day, day of the week and
   * month slot (call `hourOfDay`, `dayOfWeek` and `slot` for an instant first); `sameSlotsTo` ends it.
   */
  get sameSlotsFrom(): number {
    return this.hourFrom > this.cachedFrom ? this.hourFrom : this.cachedFrom;
  }

  /** End (exclusive) of the span `sameSlotsFrom` starts. */
  get sameSlotsTo(): number {
    return this.hourTo < this.cachedTo ? this.hourTo : this.cachedTo;
  }

  /** Slot of the month containing `t`, clamped to the window's months. */
  slot(t: number): number {
    if (t >= this.cachedFrom && t < this.cachedTo) return this.cachedSlot;
    const ordinal = this.calendar.monthOrdinal(t);
    this.cachedFrom = this.calendar.monthStart(ordinal);
    this.cachedTo = this.calendar.monthStart(ordinal + 1);
    const slot = ordinal - this.firstOrdinal;
    this.cachedSlot = slot < 0 ? 0 : slot >= this.count ? this.count - 1 : slot;
    return this.cachedSlot;
  }

  /** Local hour of day of `t`, 0-23 (cached like the month: a float modulo is slow). */
  hourOfDay(t: number): number {
    if (!(t >= this.hourFrom && t < this.hourTo)) this.enterHour(t);
    return this.hour;
  }

  /** Local day of the week of `t`, Monday 0 ... Sunday 6 (cached with the hour). */
  dayOfWeek(t: number): number {
    if (!(t >= this.hourFrom && t < this.hourTo)) this.enterHour(t);
    return this.weekday;
  }

  private enterHour(t: number): void {
    this.hour = this.calendar.hourOfDay(t);
    this.weekday = this.calendar.dayOfWeek(t);
    this.hourFrom = t - this.calendar.intoHour(t);
    this.hourTo = this.calendar.fixed ? this.hourFrom + 3600 : this.calendar.hourEnd(t);
  }
}
