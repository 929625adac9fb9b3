import { ZoneOffsets } from './time-zone.js';

const SECONDS_PER_HOUR = 3600;
const SECONDS_PER_DAY = 86_400;
const DAY_MS = 86_400_000;

/**
 * The local hours of [0, horizon] as pieces: piece i is [breaks[i], breaks[i + 1]) and starts at a
 * whole local hour (the first may be partial when the start is mid-hour; a clock change also ends a
 * piece), with the calendar facts at its start.
 */
export interface HourGrid {
  readonly breaks: readonly number[];
  readonly hourOfDay: readonly number[];
  readonly dayOfWeek: readonly number[];
  readonly hourOfWeek: readonly number[];
  readonly month: readonly number[];
}

/**
 * The last hour grid made in this thread, by start, zone and horizon (all it depends on): every
 * channel's rate and hourly roster walks the same hours, and so does every replication's calendar.
 */
let lastGrid: { key: string; grid: HourGrid } | undefined;

/**
 * A wall-clock calendar in one time zone (UTC unless named), anchored at the scenario's start
 * instant: converts simulated seconds into local hour of day, day of week (Monday 0), month
 * (January 0) and day index, across clock changes. Hour and day facts are arithmetic on the
 * local offset from the local midnight before the start; months need a Date, but only once per
 * month boundary, which is cached, so per-call lookups allocate nothing. In UTC every clock
 * lookup is the plain arithmetic it always was (no zone lookups).
 */
export class Calendar {
  /** Local seconds from the local midnight at or before the start to the start. */
  private readonly offsetSeconds: number;
  /** Day of week (Monday 0) of that midnight. */
  private readonly firstWeekday: number;
  /** Seconds past a whole hour at simulated time 0. */
  private readonly hourPhase: number;
  private readonly zone: ZoneOffsets;
  /** The zone's offset (seconds) at the start. */
  private readonly startOffset: number;
  /** Local wall time (as epoch ms read as UTC) of the local midnight before the start. */
  private readonly firstMidnightLocalMs: number;
  /** Month boundaries in simulated seconds, ascending, with the month index and key of each. */
  private readonly monthStarts: number[] = [];
  private readonly monthIndex: number[] = [];
  private readonly monthKeys: string[] = [];

  constructor(
    readonly startEpochMs: number,
    readonly timeZone = 'UTC',
  ) {
    if (!Number.isFinite(startEpochMs)) throw new RangeError(`start instant must be finite, got ${startEpochMs}`);
    this.zone = new ZoneOffsets(timeZone, startEpochMs);
    this.startOffset = this.zone.offsetSeconds(startEpochMs);
    const local = new Date(startEpochMs + this.startOffset * 1000);
    const midnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
    this.firstMidnightLocalMs = midnight;
    this.offsetSeconds = (startEpochMs + this.startOffset * 1000 - midnight) / 1000;
    this.firstWeekday = (new Date(midnight).getUTCDay() + 6) % 7;
    this.hourPhase = (((startEpochMs / 1000) % SECONDS_PER_HOUR) + SECONDS_PER_HOUR) % SECONDS_PER_HOUR;
    this.addMonth(local.getUTCFullYear(), local.getUTCMonth());
  }

  /** True when the calendar has no clock changes (UTC). */
  get fixed(): boolean {
    return this.zone.fixed;
  }

  /** Epoch milliseconds of simulated time `t`. */
  epochMs(t: number): number {
    return this.startEpochMs + t * 1000;
  }

  /** Local seconds since the local midnight before the start. */
  private local(t: number): number {
    if (this.zone.fixed) return t + this.offsetSeconds;
    return t + this.offsetSeconds + (this.zone.offsetSeconds(this.epochMs(t)) - this.startOffset);
  }

  hourOfDay(t: number): number {
    return Math.floor((this.local(t) % SECONDS_PER_DAY) / SECONDS_PER_HOUR);
  }

  /** Whole local days since the local midnight at or before the start. */
  dayIndex(t: number): number {
    return Math.floor(this.local(t) / SECONDS_PER_DAY);
  }

  /** Monday 0 ... Sunday 6. */
  dayOfWeek(t: number): number {
    return (this.firstWeekday + this.dayIndex(t)) % 7;
  }

  /** Day of week (Monday 0) of local day `dayIndex` (negative for days before the start). */
  weekdayOfDay(dayIndex: number): number {
    return (((this.firstWeekday + dayIndex) % 7) + 7) % 7;
  }

  /** 0 = Monday 00:00-01:00 ... 167 = Sunday 23:00-24:00. */
  hourOfWeek(t: number): number {
    // dayOfWeek(t) * 24 + hourOfDay(t), with the zone looked up once.
    const local = this.local(t);
    return ((this.firstWeekday + Math.floor(local / SECONDS_PER_DAY)) % 7) * 24 + Math.floor((local % SECONDS_PER_DAY) / SECONDS_PER_HOUR);
  }

  /** Seconds since the start of the local hour containing `t`. */
  intoHour(t: number): number {
    const shift = this.zone.fixed ? 0 : this.zone.offsetSeconds(this.epochMs(t)) - this.startOffset;
    return (((t + this.hourPhase + shift) % SECONDS_PER_HOUR) + SECONDS_PER_HOUR) % SECONDS_PER_HOUR;
  }

  /** The instant the local hour containing `t` ends (a clock change also ends it). */
  hourEnd(t: number): number {
    const end = t - this.intoHour(t) + SECONDS_PER_HOUR;
    if (this.zone.fixed) return end;
    const change = (this.zone.nextChange(this.epochMs(t)) - this.startEpochMs) / 1000;
    return change > t && change < end ? change : end;
  }

  /**
   * The next hourly break after `t` when walking from 0: pieces of hourly profiles start at each
   * local hour (the first may be partial when the start is mid-hour).
   */
  nextHourBreak(t: number): number {
    if (this.zone.fixed) return t === 0 ? SECONDS_PER_HOUR - this.hourPhase : t + SECONDS_PER_HOUR;
    const end = this.hourEnd(t);
    return end > t ? end : t + SECONDS_PER_HOUR;
  }

  /** What a table of calendar facts over [0, horizon] depends on: the start, the zone and the horizon. */
  tableKey(horizonSeconds: number): string {
    return `${this.startEpochMs} ${this.timeZone} ${horizonSeconds}`;
  }

  /**
   * The hour pieces of [0, horizon]: breaks by `nextHourBreak` from 0, facts by `hourOfDay`,
   * `dayOfWeek`, `hourOfWeek` and `month` at each piece's start. Made once per start, zone and
   * horizon and shared, never changed: walking a year hour by hour through the zone's offsets cost
   * about 20 ms per channel cold.
   */
  hourGrid(horizonSeconds: number): HourGrid {
    const key = this.tableKey(horizonSeconds);
    if (lastGrid?.key === key) return lastGrid.grid;
    const grid: HourGrid = { breaks: [0], hourOfDay: [], dayOfWeek: [], hourOfWeek: [], month: [] };
    // The walk runs once, cold (in V8's interpreter): so nextHourBreak, local and month are written
    // out here with the zone's offset and the month looked up once per stretch and per month, not
    // per hour; test/engine/calendar-hour-grid.properties.test.ts holds them equal to the calls.
    let stretch: { offsetSeconds: number; nextChangeMs: number; knownToMs: number } | null = null;
    let monthValue = 0;
    let monthFrom = Infinity;
    let monthTo = -Infinity;
    for (let t = 0; t < horizonSeconds; ) {
      const epochMs = this.startEpochMs + t * 1000;
      if (!this.zone.fixed && (stretch === null || epochMs >= stretch.nextChangeMs || epochMs + 2 * DAY_MS >= stretch.knownToMs)) {
        stretch = this.zone.stretchAt(epochMs);
      }
      let next: number;
      let local: number;
      if (this.zone.fixed) {
        next = t === 0 ? SECONDS_PER_HOUR - this.hourPhase : t + SECONDS_PER_HOUR;
        local = t + this.offsetSeconds;
      } else if (stretch === null) {
        next = this.nextHourBreak(t);
        local = this.local(t);
      } else {
        const shift = stretch.offsetSeconds - this.startOffset;
        const end = t - ((((t + this.hourPhase + shift) % SECONDS_PER_HOUR) + SECONDS_PER_HOUR) % SECONDS_PER_HOUR) + SECONDS_PER_HOUR;
        const change = (stretch.nextChangeMs - this.startEpochMs) / 1000;
        const hourEnd = change > t && change < end ? change : end;
        next = hourEnd > t ? hourEnd : t + SECONDS_PER_HOUR;
        local = t + this.offsetSeconds + shift;
      }
      next = Math.min(horizonSeconds, next);
      if (!(t >= monthFrom && t < monthTo)) {
        const slot = this.monthSlot(t);
        monthValue = this.monthIndex[slot];
        monthFrom = this.monthStarts[slot];
        monthTo = this.monthStarts[slot + 1];
      }
      const hour = Math.floor((local % SECONDS_PER_DAY) / SECONDS_PER_HOUR);
      const weekday = (this.firstWeekday + Math.floor(local / SECONDS_PER_DAY)) % 7;
      (grid.hourOfDay as number[]).push(hour);
      (grid.dayOfWeek as number[]).push(weekday);
      (grid.hourOfWeek as number[]).push(weekday * 24 + hour);
      (grid.month as number[]).push(monthValue);
      (grid.breaks as number[]).push(next);
      t = next;
    }
    lastGrid = { key, grid };
    return grid;
  }

  /**
   * Simulated instant at which the local wall clock of day `dayIndex` (0 = the start's day) reads
   * `secondsOfDay` (which may exceed a day: 31 hours is 07:00 the day after). A wall time the
   * spring change skips is read with the winter offset; in the autumn overlap the first occurrence.
   */
  atLocal(dayIndex: number, secondsOfDay: number): number {
    if (this.zone.fixed) return dayIndex * SECONDS_PER_DAY - this.offsetSeconds + secondsOfDay;
    const localMs = this.firstMidnightLocalMs + dayIndex * DAY_MS + secondsOfDay * 1000;
    return (this.zone.epochOfLocal(localMs) - this.startEpochMs) / 1000;
  }

  /** The instant `days` local days after `t` at the same wall-clock time (23 or 25 hours across a change). */
  addLocalDays(t: number, days: number): number {
    const local = this.local(t);
    const day = Math.floor(local / SECONDS_PER_DAY);
    return this.atLocal(day + days, local - day * SECONDS_PER_DAY);
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
    // Adds the month (year, month 0-based) and the start of the next one, at local midnight.
    const y = year + Math.floor(month / 12);
    const m = ((month % 12) + 12) % 12;
    const startMs = this.zone.epochOfLocal(Date.UTC(y, m, 1));
    const nextMs = this.zone.epochOfLocal(Date.UTC(y, m + 1, 1));
    if (this.monthStarts.length === 0) this.monthStarts.push((startMs - this.startEpochMs) / 1000);
    this.monthStarts.push((nextMs - this.startEpochMs) / 1000);
    this.monthIndex.push(m);
    this.monthKeys.push(`${y}-${String(m + 1).padStart(2, '0')}`);
  }
}
