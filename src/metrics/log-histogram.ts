// Buckets: [0, 1) in steps of 0.01, then geometric with ratio 1.01 up to about 1e9. A quantile is
// reported as its bucket's midpoint, so its relative error is at most half a bucket: 0.5%.
const LINEAR_BUCKETS = 100;
const LINEAR_WIDTH = 0.01;
const RATIO = 1.01;
const LOG_RATIO = Math.log(RATIO);
const GEOMETRIC_BUCKETS = Math.ceil(Math.log(1e9) / LOG_RATIO);

/**
 * A streaming histogram of non-negative values with fixed memory (about 2,200 buckets), exact
 * count, sum and extremes, and quantiles within 1% relative error (0.01 absolute below 1).
 */
export class LogHistogram {
  readonly counts = new Float64Array(LINEAR_BUCKETS + GEOMETRIC_BUCKETS + 1);
  count = 0;
  sum = 0;
  max = 0;

  add(x: number): void {
    if (!(x >= 0)) return;
    this.addAt(x, bucketOf(x));
  }

  /** Add `x` whose bucket is already known (`bucketOf(x)`): one logarithm for several histograms. */
  addAt(x: number, bucket: number): void {
    this.count++;
    this.sum += x;
    if (x > this.max) this.max = x;
    this.counts[bucket]++;
  }

  merge(other: LogHistogram): void {
    for (let i = 0; i < this.counts.length; i++) this.counts[i] += other.counts[i];
    this.count += other.count;
    this.sum += other.sum;
    if (other.max > this.max) this.max = other.max;
  }

  get mean(): number {
    return this.count > 0 ? this.sum / this.count : NaN;
  }

  /** The p-quantile (0 <= p <= 1), NaN when empty. */
  quantile(p: number): number {
    if (this.count === 0) return NaN;
    const rank = Math.max(1, Math.ceil(p * this.count));
    let seen = 0;
    for (let i = 0; i < this.counts.length; i++) {
      seen += this.counts[i];
      if (seen >= rank) return Math.min(this.max, bucketMid(i));
    }
    return this.max;
  }

  /** Share of values at or below x (exact at bucket edges, else within one bucket). */
  fractionAtMost(x: number): number {
    if (this.count === 0) return NaN;
    let seen = 0;
    for (let i = 0; i < this.counts.length && bucketLow(i) <= x; i++) seen += this.counts[i];
    return seen / this.count;
  }
}

/** The bucket of a non-negative value. */
export function bucketOf(x: number): number {
  return x < 1 ? Math.floor(x / LINEAR_WIDTH) : LINEAR_BUCKETS + Math.min(GEOMETRIC_BUCKETS, Math.floor(Math.log(x) / LOG_RATIO));
}

function bucketLow(i: number): number {
  return i < LINEAR_BUCKETS ? i * LINEAR_WIDTH : Math.pow(RATIO, i - LINEAR_BUCKETS);
}

function bucketMid(i: number): number {
  if (i < LINEAR_BUCKETS) return (i + 0.5) * LINEAR_WIDTH;
  const low = Math.pow(RATIO, i - LINEAR_BUCKETS);
  return low * (1 + RATIO) / 2;
}
