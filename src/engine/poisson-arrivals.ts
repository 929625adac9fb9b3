import type { PiecewiseConstant } from './piecewise.js';
import type { RandomStream } from './random.js';

/**
 * Arrival instants of a non-homogeneous Poisson process with a piecewise-constant rate, exact by
 * inversion of the cumulative rate: a unit-rate exponential amount of "rate mass" is drawn and
 * walked across the pieces, so a short peak of any length gets exactly its share of arrivals.
 */
export class PoissonArrivals {
  private piece = 0;
  private now = 0;

  constructor(
    private readonly rate: PiecewiseConstant,
    private readonly stream: RandomStream,
  ) {}

  /** The next arrival instant, or Infinity once the horizon is passed. */
  next(): number {
    let mass = -this.stream.logUniformPositive();
    const breaks = this.rate.breaks;
    const values = this.rate.values;
    const n = values.length;
    while (this.piece < n) {
      const rate = values[this.piece];
      const end = breaks[this.piece + 1];
      if (rate > 0) {
        const available = (end - this.now) * rate;
        if (mass < available) {
          this.now += mass / rate;
          // Floating-point: never report an instant at or past the piece's end from inside it.
          if (this.now >= end) this.now = end;
          return this.now;
        }
        mass -= available;
      }
      this.now = end;
      this.piece++;
    }
    return Infinity;
  }
}
