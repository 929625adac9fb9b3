import type { Calendar } from './calendar.js';

/**
 * A piecewise-constant function on [0, horizon]: `values[i]` holds on [breaks[i], breaks[i+1]).
 * Used for arrival rates (per second) and headcounts. Immutable: transformations return a new one.
 */
export class PiecewiseConstant {
  constructor(
    /** n + 1 increasing boundaries; breaks[0] = 0 and the last is the horizon. */
    readonly breaks: Float64Array,
    /** n values. */
    readonly values: Float64Array,
  ) {
    if (breaks.length !== values.length + 1) throw new RangeError('breaks must have one more entry than values');
  }

  /** Build from boundaries and values, merging neighbouring pieces of equal value. */
  static from(breaks: readonly number[], values: readonly number[]): PiecewiseConstant {
    const b: number[] = [breaks[0]];
    const v: number[] = [];
    for (let i = 0; i < values.length; i++) {
      if (breaks[i + 1] <= breaks[i]) continue; // empty piece
      if (v.length > 0 && v[v.length - 1] === values[i]) b[b.length - 1] = breaks[i + 1];
      else {
        v.push(values[i]);
        b.push(breaks[i + 1]);
      }
    }
    // The constructor, not Float64Array.from: from() walks an array through its iterator (a year of
    // hourly pieces cost about three times as much to copy).
    return new PiecewiseConstant(new Float64Array(b), new Float64Array(v));
  }

  get horizon(): number {
    return this.breaks[this.breaks.length - 1];
  }

  /** Index of the piece holding t (the last piece for t at or past the horizon). */
  pieceAt(t: number): number {
    const b = this.breaks;
    let lo = 0;
    let hi = this.values.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (b[mid] <= t) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  valueAt(t: number): number {
    return this.values[this.pieceAt(t)];
  }

  /** Integral over [a, b] (clipped to [0, horizon]). */
  integral(a: number, b: number): number {
    const from = Math.max(0, a);
    const to = Math.min(this.horizon, b);
    if (!(to > from)) return 0;
    let total = 0;
    for (let i = this.pieceAt(from); i < this.values.length && this.breaks[i] < to; i++) {
      const lo = Math.max(from, this.breaks[i]);
      const hi = Math.min(to, this.breaks[i + 1]);
      if (hi > lo) total += (hi - lo) * this.values[i];
    }
    return total;
  }

  /**
   * A copy split at `cuts` (those inside the horizon), each piece's value replaced by
   * `valueOf(pieceStart, value)`, then merged as `from` merges: in one linear pass without
   * intermediate arrays (a surge window on a year of hourly pieces is one copy, not four).
   */
  private rebuilt(cuts: readonly number[], valueOf: (start: number, value: number) => number): PiecewiseConstant {
    const inside = cuts.filter((c) => c > 0 && c < this.horizon).sort((x, y) => x - y);
    const b: number[] = [this.breaks[0]];
    const v: number[] = [];
    // The start of the next piece of the split function (`from` skips a piece that does not end after it).
    let start = this.breaks[0];
    const emit = (end: number, value: number): void => {
      if (!(end <= start)) {
        const next = valueOf(start, value);
        if (v.length > 0 && v[v.length - 1] === next) b[b.length - 1] = end;
        else {
          v.push(next);
          b.push(end);
        }
      }
      start = end;
    };
    let k = 0;
    for (let i = 0; i < this.values.length; i++) {
      const end = this.breaks[i + 1];
      const value = this.values[i];
      for (; k < inside.length && inside[k] < end; k++) {
        // Cuts on an existing boundary, or repeated, add no piece.
        if (inside[k] > start) emit(inside[k], value);
      }
      emit(end, value);
    }
    return new PiecewiseConstant(new Float64Array(b), new Float64Array(v));
  }

  /** Multiply the values on [from, to) by `factor`. */
  scaleWindow(from: number, to: number, factor: number): PiecewiseConstant {
    return this.rebuilt([from, to], (start, v) => (start >= from && start < to ? v * factor : v));
  }

  /** Add `amount` to the values on [from, to). */
  addWindow(from: number, to: number, amount: number): PiecewiseConstant {
    return this.rebuilt([from, to], (start, v) => (start >= from && start < to ? v + amount : v));
  }

  /** Multiply each calendar day's values by `factorOfDay(dayIndex)`. */
  scaleByDay(calendar: Calendar, factorOfDay: (dayIndex: number) => number): PiecewiseConstant {
    const cuts: number[] = [];
    // Local midnights (a clock change makes one day 23 or 25 hours long).
    for (let day = 1, at = calendar.atLocal(1, 0); at < this.horizon; at = calendar.atLocal(++day, 0)) cuts.push(at);
    return this.rebuilt(cuts, (start, v) => v * factorOfDay(calendar.dayIndex(start)));
  }

  /** Instants in (0, horizon) where the value changes. */
  changeTimes(): number[] {
    return Array.from(this.breaks.subarray(1, this.breaks.length - 1));
  }
}
