import { studentTQuantile } from './student-t.js';

/** A batch-means interval from one long replication. */
export interface BatchMeansInterval {
  mean: number;
  /** Half-width of the two-sided Student-t interval at `confidence` on the batch means. */
  halfWidth: number;
  /** halfWidth / |mean| (Infinity when the mean is 0). */
  relativeHalfWidth: number;
  /** Lag-1 autocorrelation of the batch means: near 0 when the batches are long enough to be independent. */
  lag1: number;
  /** The bound |lag1| must stay under for the test of zero correlation at the same confidence: z / sqrt(batches). */
  lag1Bound: number;
  batches: number;
}

/**
 * The method of batch means (Law and Kelton): one long run is cut into `b` consecutive batches,
 * each batch's estimate is treated as one observation, and a Student-t interval with b − 1 degrees
 * of freedom is put on their mean. Valid when batches are long compared with the run's
 * correlation time; `lag1` and `lag1Bound` let a test check that (under independence the lag-1
 * sample autocorrelation is about normal with standard deviation 1/sqrt(b)).
 */
export function batchMeansInterval(batchValues: readonly number[], confidence = 0.999): BatchMeansInterval {
  const b = batchValues.length;
  if (b < 3) throw new RangeError(`batch means need at least 3 batches, got ${b}`);
  if (batchValues.some((v) => !Number.isFinite(v))) throw new RangeError('every batch value must be finite');
  const mean = batchValues.reduce((s, v) => s + v, 0) / b;
  let s2 = 0;
  let cross = 0;
  for (let i = 0; i < b; i++) {
    s2 += (batchValues[i] - mean) ** 2;
    if (i > 0) cross += (batchValues[i] - mean) * (batchValues[i - 1] - mean);
  }
  const variance = s2 / (b - 1);
  const halfWidth = studentTQuantile(1 - (1 - confidence) / 2, b - 1) * Math.sqrt(variance / b);
  const z = studentTQuantile(1 - (1 - confidence) / 2, 1e6);
  return {
    mean,
    halfWidth,
    relativeHalfWidth: mean === 0 ? Infinity : halfWidth / Math.abs(mean),
    lag1: s2 === 0 ? 0 : cross / s2,
    lag1Bound: z / Math.sqrt(b),
    batches: b,
  };
}

/**
 * Batch values of a ratio estimator (Σ numerator / Σ denominator per batch), from per-item
 * numerators and denominators in time order, cut into `batches` batches of equal item count.
 */
export function ratioBatches(numerators: ArrayLike<number>, denominators: ArrayLike<number>, batches: number): number[] {
  const n = numerators.length;
  if (denominators.length !== n) throw new RangeError('numerators and denominators must have the same length');
  const out: number[] = [];
  for (let j = 0; j < batches; j++) {
    const from = Math.floor((j * n) / batches);
    const to = Math.floor(((j + 1) * n) / batches);
    let num = 0;
    let den = 0;
    for (let i = from; i < to; i++) {
      num += numerators[i];
      den += denominators[i];
    }
    out.push(num / den);
  }
  return out;
}
