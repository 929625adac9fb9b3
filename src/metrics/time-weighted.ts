import type { Calendar } from '../engine/calendar.js';

/**
 * Integrals of busy and available headcount over time, clipped to the counting window
 * [from, to], overall and by hour of day: occupancy = busy integral / staffed integral.
 */
export class OccupancyIntegral {
  busySeconds = 0;
  staffedSeconds = 0;
  readonly busyByHour = new Float64Array(24);
  readonly staffedByHour = new Float64Array(24);
  private lastAt = 0;
  private busy = 0;
  private staffed = 0;

  constructor(
    private readonly calendar: Calendar,
    private readonly from: number,
    private readonly to: number,
  ) {}

  /** The level changes at `at` to (busy, staffed); levels must be reported in time order. */
  level(at: number, busy: number, staffed: number): void {
    this.advance(at);
    this.busy = busy;
    this.staffed = staffed;
  }

  /** Close the integral at the end of the window. */
  close(): void {
    this.advance(this.to);
  }

  private advance(at: number): void {
    let a = Math.max(this.lastAt, this.from);
    const b = Math.min(at, this.to);
    this.lastAt = Math.max(this.lastAt, at);
    if (!(b > a) || (this.busy === 0 && this.staffed === 0)) return;
    this.busySeconds += this.busy * (b - a);
    this.staffedSeconds += this.staffed * (b - a);
    // Split across hour boundaries for the hour-of-day breakdown.
    while (a < b) {
      const hourEnd = Math.min(b, (Math.floor(this.calendar.epochMs(a) / 3_600_000) + 1) * 3600 - this.calendar.epochMs(0) / 1000);
      const end = hourEnd > a ? hourEnd : b;
      const hour = this.calendar.hourOfDay(a);
      this.busyByHour[hour] += this.busy * (end - a);
      this.staffedByHour[hour] += this.staffed * (end - a);
      a = end;
    }
  }
}
