import { Gamma } from '../engine/distributions.js';
import type { Calendar } from '../engine/calendar.js';
import { PoissonArrivals } from '../engine/poisson-arrivals.js';
import type { StreamFactory } from '../engine/random.js';
import { ratePieces } from '../engine/rate-profile.js';
import type { PiecewiseConstant } from '../engine/piecewise.js';
import type { ResolvedChannel, ResolvedTraceCall } from './resolved.js';

/** Successive arrivals of one channel: instants, and the replayed row when there is one. */
export interface ArrivalSource {
  readonly channelIndex: number;
  /** Next arrival instant (< horizon), or Infinity when there are no more. */
  next(): number;
  /** The trace row of the arrival `next()` returned last, if replaying. */
  readonly row: ResolvedTraceCall | undefined;
}

/**
 * The channel's rate over the horizon: its profile, each day multiplied by a gamma busyness
 * factor (mean 1, the channel's cv; one draw per day in day order, from the channel's own
 * stream), and its dated surge windows.
 */
export function channelRate(channel: ResolvedChannel, calendar: Calendar, horizonSeconds: number, streams: StreamFactory): PiecewiseConstant {
  let rate = ratePieces(channel.rate, calendar, horizonSeconds);
  if (channel.dayBusynessCv > 0) {
    const busyness = new Gamma(1, channel.dayBusynessCv);
    const stream = streams.stream(`${channel.name}.busyness`);
    const days = calendar.dayIndex(horizonSeconds) + 1;
    const factors = Array.from({ length: days + 1 }, () => busyness.sample(stream));
    rate = rate.scaleByDay(calendar, (day) => factors[day] ?? 1);
  }
  for (const surge of channel.surges) {
    rate = rate.scaleWindow(surge.startSeconds, Math.min(horizonSeconds, surge.startSeconds + surge.durationSeconds), surge.factor);
  }
  return rate;
}

/** Poisson arrivals from a time profile. */
export class ProfileArrivals implements ArrivalSource {
  readonly row = undefined;
  private readonly arrivals: PoissonArrivals;
  constructor(
    readonly channelIndex: number,
    rate: PiecewiseConstant,
    streams: StreamFactory,
    channelName: string,
    private readonly horizonSeconds: number,
  ) {
    this.arrivals = new PoissonArrivals(rate, streams.stream(`${channelName}.arrivals`));
  }
  next(): number {
    const at = this.arrivals.next();
    return at < this.horizonSeconds ? at : Infinity;
  }
}

/** Arrivals replayed from a trace (rows of one channel, in arrival order). */
export class TraceArrivals implements ArrivalSource {
  row: ResolvedTraceCall | undefined = undefined;
  private position = 0;
  constructor(
    readonly channelIndex: number,
    private readonly rows: readonly ResolvedTraceCall[],
    private readonly horizonSeconds: number,
  ) {}
  next(): number {
    const row = this.rows[this.position++];
    this.row = row;
    if (row === undefined || row.arrivalSeconds >= this.horizonSeconds) return Infinity;
    return row.arrivalSeconds;
  }
}
