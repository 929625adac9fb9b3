import type { Calendar } from '../engine/calendar.js';

const SECONDS_PER_HOUR = 3600;

/**
 * The time integral of a piecewise-constant level, clipped to a counting window [from, to]
 * (simulated seconds), with an optional breakdown by local hour of day and day of the week. Alongside the level it
 * integrates a second, `base` level (default 1), so one object gives both a time average
 * (`integral / windowSeconds`: waiting incidents) and a ratio of integrals (`integral /
 * baseIntegral`: occupancy = busy handler-seconds over staffed handler-seconds).
 *
 * Levels are reported in time order; a report earlier than the last one is taken as happening at
 * the last one (the level changes, no time passes). Before the first report both levels are the
 * constructor's initial values. Hot path: `set` does a few comparisons and additions while time
 * stays inside one hour; it allocates nothing.
 */
export class TimeWeightedLevel {
  /** ∫ level dt over the window, in level·seconds. */
  integral = 0;
  /** ∫ base dt over the window, in base·seconds. */
  baseIntegral = 0;
  /** ∫ level dt per local hour of day, or null without a calendar. */
  readonly byHour: Float64Array | null;
  /** ∫ base dt per hour of day, or null without a calendar. */
  readonly baseByHour: Float64Array | null;
  /** ∫ level dt and ∫ base dt per local day of the week (Monday 0), or null without a calendar. */
  readonly byWeekday: Float64Array | null;
  readonly baseByWeekday: Float64Array | null;
  // Declared with a number, not left undefined until the constructor: a field that starts
  // undefined holds any value, and each write of a fractional time to it then allocates a box.
  private lastAt = 0;
  private level = 0;
  private base = 1;
  /** Hour of day of the current hour segment, and the instant that segment ends. */
  private hour = 0;
  private weekday = 0;
  private hourEndsAt = -Infinity;

  /**
   * @param from start of the window (the warm-up's end), simulated seconds
   * @param to end of the window (the horizon), simulated seconds, `to >= from`
   * @param calendar hour-of-day breakdown when given
   */
  constructor(
    readonly from: number,
    readonly to: number,
    private readonly calendar: Calendar | null = null,
    initialLevel = 0,
    initialBase = 1,
  ) {
    if (!(to >= from)) throw new RangeError(`time window must have to >= from, got [${from}, ${to}]`);
    this.lastAt = from;
    this.level = initialLevel;
    this.base = initialBase;
    this.byHour = calendar === null ? null : new Float64Array(24);
    this.baseByHour = calendar === null ? null : new Float64Array(24);
    this.byWeekday = calendar === null ? null : new Float64Array(7);
    this.baseByWeekday = calendar === null ? null : new Float64Array(7);
  }

  /** Length of the window in seconds. */
  get windowSeconds(): number {
    return this.to - this.from;
  }

  /** The level (and base) change to the given values at `at`. */
  set(at: number, level: number, base = 1): void {
    if (at > this.lastAt) this.advance(at);
    this.level = level;
    this.base = base;
  }

  /** Integrate up to the window's end; further reports are ignored by the integrals. */
  close(): void {
    if (this.to > this.lastAt) this.advance(this.to);
  }

  /** Time average of the level over the window (NaN for an empty window). */
  mean(): number {
    return this.to > this.from ? this.integral / (this.to - this.from) : NaN;
  }

  /** integral / baseIntegral (NaN when the base integral is 0). */
  ratio(): number {
    return this.baseIntegral > 0 ? this.integral / this.baseIntegral : NaN;
  }

  /** Per hour of day: level integral over base integral (NaN where the base integral is 0). */
  hourlyRatios(): number[] {
    return ratios(this.byHour, this.baseByHour);
  }

  /** Per day of the week, Monday first: level integral over base integral (NaN where the base integral is 0). */
  weekdayRatios(): number[] {
    return ratios(this.byWeekday, this.baseByWeekday);
  }

  /** Integrate the current levels over [lastAt, at] ∩ [from, to]. Requires at > lastAt. */
  private advance(at: number): void {
    let a = this.lastAt;
    this.lastAt = at;
    const b = at < this.to ? at : this.to;
    if (!(b > a)) return;
    const level = this.level;
    const base = this.base;
    this.integral += level * (b - a);
    this.baseIntegral += base * (b - a);
    const byHour = this.byHour;
    const baseByHour = this.baseByHour;
    const byWeekday = this.byWeekday;
    const baseByWeekday = this.baseByWeekday;
    if (byHour === null || baseByHour === null || byWeekday === null || baseByWeekday === null) return;
    // Both levels zero add nothing to any hour: skip the walk (a pool rostered to nobody for
    // years walked every hour of them at the horizon, a calendar lookup each; issue 12).
    if (level === 0 && base === 0) return;
    while (a < b) {
      if (a >= this.hourEndsAt) this.enterHour(a);
      const end = b < this.hourEndsAt ? b : this.hourEndsAt;
      byHour[this.hour] += level * (end - a);
      baseByHour[this.hour] += base * (end - a);
      byWeekday[this.weekday] += level * (end - a);
      baseByWeekday[this.weekday] += base * (end - a);
      a = end;
    }
  }

  /** Find the hour of day containing `t` and the instant it ends (local hours; a clock change also ends one). */
  private enterHour(t: number): void {
    const calendar = this.calendar as Calendar;
    this.hour = calendar.hourOfDay(t);
    // A local hour never straddles midnight: its day of the week holds for the whole segment.
    this.weekday = calendar.dayOfWeek(t);
    this.hourEndsAt = calendar.hourEnd(t);
    // Guard against rounding leaving the segment empty.
    if (!(this.hourEndsAt > t)) this.hourEndsAt = t + SECONDS_PER_HOUR;
  }
}

/** level / base per slot (NaN where base is 0); empty without a breakdown. */
function ratios(level: Float64Array | null, base: Float64Array | null): number[] {
  if (level === null || base === null) return [];
  return Array.from(level, (v, i) => (base[i] > 0 ? v / base[i] : NaN));
}
