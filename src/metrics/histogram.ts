// Log-linear buckets read straight from the bits of the double (as HdrHistogram does): the 11
// exponent bits and the top SUB_BITS mantissa bits of a value form its bucket index, so `add`
// costs a typed-array store and a shift, with no logarithm. Each power of two [2^e, 2^(e+1)) is
// cut into 2^SUB_BITS equal buckets, so a bucket's width is at most 1/128 of its lower edge and
// its midpoint is within 0.4% of every value in it. Values below 2^MIN_EXPONENT share bucket 0
// (reported as 0); values from 2^MAX_EXPONENT up share the last bucket (reported as the maximum).

const SUB_BITS = 7;
const SUB_BUCKETS = 1 << SUB_BITS;
/** Smallest resolved value: 2^-20 s, about one microsecond. */
const MIN_EXPONENT = -20;
/** Values at or above 2^40 (about 35,000 years in seconds) share the last bucket. */
const MAX_EXPONENT = 40;
const EXPONENT_BIAS = 1023;
/** High 32 bits of a double hold sign (1), exponent (11) and 20 mantissa bits. */
const SHIFT = 20 - SUB_BITS;
/** Bucket 1 starts at 2^MIN_EXPONENT; bucket 0 holds [0, 2^MIN_EXPONENT). */
const FIRST = ((MIN_EXPONENT + EXPONENT_BIAS) << SUB_BITS) - 1;
const BUCKETS = (MAX_EXPONENT - MIN_EXPONENT) * SUB_BUCKETS + 2;
const LAST = BUCKETS - 1;

const scratch = new Float64Array(1);
const words = new Uint32Array(scratch.buffer);
// Word 1 is the high word on little-endian hosts (every platform Node supports today).
scratch[0] = 1;
if (words[1] !== 0x3ff00000) throw new Error('callsim needs a little-endian host for its histograms');

/**
 * The bucket of a value (non-negative, finite). Exposed so a caller adding one value to several
 * histograms (an incident counted per area, per area kind and overall) computes it once.
 */
export function bucketOf(x: number): number {
  scratch[0] = x;
  const i = (words[1] >>> SHIFT) - FIRST;
  return i < 0 ? 0 : i > LAST ? LAST : i;
}

/** Lower edge of bucket `i` (0 for bucket 0). */
export function bucketLow(i: number): number {
  if (i <= 0) return 0;
  const j = i - 1;
  const exponent = MIN_EXPONENT + (j >> SUB_BITS);
  return Math.pow(2, exponent) * (1 + (j & (SUB_BUCKETS - 1)) / SUB_BUCKETS);
}

/** Upper edge of bucket `i` (exclusive; Infinity for the last bucket). */
export function bucketHigh(i: number): number {
  return i >= LAST ? Infinity : bucketLow(i + 1);
}

/**
 * A streaming histogram of non-negative durations with fixed memory (7,682 buckets, 61 KB):
 * exact count, sum (so an exact mean), minimum and maximum; quantiles within 0.4% relative error
 * for values of at least 2^-20 (about 1e-6), and within 1e-6 absolute below that. Negative or
 * non-finite values are ignored (a duration never is one).
 */
export class FineHistogram {
  readonly counts = new Float64Array(BUCKETS);
  count = 0;
  sum = 0;
  min = Infinity;
  max = -Infinity;

  /** Add one value (hot path: no allocation, no logarithm). */
  add(x: number): void {
    if (!(x >= 0 && x < Infinity)) return;
    this.addAt(x, bucketOf(x));
  }

  /** Add `x` whose bucket is already known (`bucketOf(x)`). */
  addAt(x: number, bucket: number): void {
    this.count++;
    this.sum += x;
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
    this.counts[bucket]++;
  }

  /** Add every value of `other` (same bucket layout by construction). */
  merge(other: FineHistogram): void {
    const counts = this.counts;
    const theirs = other.counts;
    for (let i = 0; i < BUCKETS; i++) counts[i] += theirs[i];
    this.count += other.count;
    this.sum += other.sum;
    if (other.min < this.min) this.min = other.min;
    if (other.max > this.max) this.max = other.max;
  }

  /** Arithmetic mean (exact up to floating-point addition); NaN when empty. */
  get mean(): number {
    return this.count > 0 ? this.sum / this.count : NaN;
  }

  /**
   * The p-quantile by nearest rank (the value of rank ceil(p·count), 1-based, as a sorted list
   * gives it), reported as its bucket's midpoint clamped to [min, max]; NaN when empty.
   */
  quantile(p: number): number {
    if (this.count === 0 || !(p >= 0 && p <= 1)) return NaN;
    const rank = Math.max(1, Math.ceil(p * this.count));
    if (rank >= this.count) return this.max;
    const counts = this.counts;
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += counts[i];
      if (seen >= rank) {
        const mid = i === 0 ? 0 : i === LAST ? this.max : (bucketLow(i) + bucketLow(i + 1)) / 2;
        return Math.min(this.max, Math.max(this.min, mid));
      }
    }
    return this.max;
  }

  /**
   * Share of values at or below `x`, with the values of x's bucket taken as spread evenly across
   * it: off from the exact share by at most that bucket's share (exact outside [min, max] and for
   * an `x` in an empty bucket). NaN when empty.
   */
  fractionAtOrBelow(x: number): number {
    if (this.count === 0 || Number.isNaN(x)) return NaN;
    if (x < this.min) return 0;
    if (x >= this.max) return 1;
    const b = bucketOf(x);
    const counts = this.counts;
    let seen = 0;
    for (let i = 0; i < b; i++) seen += counts[i];
    const low = bucketLow(b);
    const high = bucketHigh(b);
    if (counts[b] > 0 && high < Infinity) seen += (counts[b] * (x - low)) / (high - low);
    return seen / this.count;
  }
}
