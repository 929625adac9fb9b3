import { batchMeansInterval, type BatchMeansInterval } from './batch-means.js';
import { studentTQuantile } from './student-t.js';

/** A batch-means interval whose batch values had known-mean controls regressed out. */
export interface ControlledInterval extends BatchMeansInterval {
  /** Regression coefficient of the batch values on each control. */
  coefficients: number[];
  /** The same batches without controls. */
  plain: BatchMeansInterval;
  /** Plain variance of the mean over controlled variance: how many times fewer batches of the plain kind the controls are worth. */
  varianceReductionFactor: number;
}

/** Solves the small symmetric system A x = y by Gaussian elimination with partial pivoting. */
function solve(a: number[][], y: number[]): number[] {
  const n = y.length;
  const m = a.map((row, i) => [...row, y[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    if (m[p][c] === 0) throw new RangeError('controls are linearly dependent (or constant) over the batches');
    [m[c], m[p]] = [m[p], m[c]];
    for (let r = c + 1; r < n; r++) {
      const f = m[r][c] / m[c][c];
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r][n];
    for (let k = r + 1; k < n; k++) s -= m[r][k] * x[k];
    x[r] = s / m[r][r];
  }
  return x;
}

/**
 * Batch means with linear control variates (Lavenberg, Moeller and Welch, Operations Research
 * 1982; Nelson 1990): each batch value Y_j is regressed on q controls C_j whose true means are
 * known exactly (passed centred, so their true mean is 0), and the estimate is the regression's
 * intercept, Ȳ − β'C̄. With Y and C jointly normal across independent batches the interval is
 * exact: Student-t on b − q − 1 degrees of freedom with variance
 * σ̂² (1/b + C̄' S_CC⁻¹ C̄), σ̂² the residual variance. Controls are inputs the model draws (handle
 * times, gaps between arrivals), so a wrong model output cannot be absorbed by them.
 * `lag1` is that of the controlled batch values Y_j − β'C_j.
 */
export function controlledBatchMeansInterval(batchValues: readonly number[], centredControls: readonly (readonly number[])[], confidence = 0.999): ControlledInterval {
  const b = batchValues.length;
  const q = centredControls.length;
  const plain = batchMeansInterval(batchValues, confidence);
  if (q === 0) return { ...plain, coefficients: [], plain, varianceReductionFactor: 1 };
  if (b < q + 3) throw new RangeError(`${q} controls need at least ${q + 3} batches, got ${b}`);
  for (const c of centredControls) {
    if (c.length !== b) throw new RangeError(`each control needs one value per batch (${b}), got ${c.length}`);
    if (c.some((v) => !Number.isFinite(v))) throw new RangeError('every control value must be finite');
  }
  const mean = (v: readonly number[]): number => v.reduce((s, x) => s + x, 0) / v.length;
  const yBar = plain.mean;
  const cBar = centredControls.map(mean);
  const sCC = centredControls.map((ck, k) => centredControls.map((cl, l) => ck.reduce((s, v, j) => s + (v - cBar[k]) * (cl[j] - cBar[l]), 0)));
  const sCY = centredControls.map((ck, k) => ck.reduce((s, v, j) => s + (v - cBar[k]) * (batchValues[j] - yBar), 0));
  const beta = solve(sCC, sCY);
  const estimate = yBar - beta.reduce((s, bk, k) => s + bk * cBar[k], 0);
  const controlled = batchValues.map((y, j) => y - beta.reduce((s, bk, k) => s + bk * centredControls[k][j], 0));
  let sse = 0;
  // The controlled values average to the estimate, so these are the regression's residuals.
  for (let j = 0; j < b; j++) sse += (controlled[j] - estimate) ** 2;
  const residualVariance = sse / (b - q - 1);
  const sInvCBar = solve(sCC, cBar);
  const quadratic = cBar.reduce((s, ck, k) => s + ck * sInvCBar[k], 0);
  const varianceOfMean = residualVariance * (1 / b + quadratic);
  const halfWidth = studentTQuantile(1 - (1 - confidence) / 2, b - q - 1) * Math.sqrt(varianceOfMean);
  const lag = batchMeansInterval(controlled, confidence);
  const plainVarianceOfMean = (plain.halfWidth / studentTQuantile(1 - (1 - confidence) / 2, b - 1)) ** 2;
  return {
    mean: estimate,
    halfWidth,
    relativeHalfWidth: estimate === 0 ? Infinity : halfWidth / Math.abs(estimate),
    lag1: lag.lag1,
    lag1Bound: lag.lag1Bound,
    batches: b,
    coefficients: beta,
    plain,
    varianceReductionFactor: varianceOfMean === 0 ? Infinity : plainVarianceOfMean / varianceOfMean,
  };
}

/**
 * Waits in `servers` parallel first-come-first-served servers fed by one queue, starting empty
 * (the Kiefer-Wolfowitz recursion on the sorted work left per server; Lindley's for one server):
 * the raw material of an approximating-system control, whose mean wait is known exactly for a
 * textbook queue (Erlang C for Poisson arrivals and exponential work, Pollaczek-Khinchine for one
 * server and any work).
 */
export function fcfsWaits(arrivalSeconds: ArrayLike<number>, workSeconds: ArrayLike<number>, servers: number): Float64Array {
  const n = arrivalSeconds.length;
  const out = new Float64Array(n);
  const left = new Float64Array(servers); // work left per server, ascending
  for (let i = 0; i < n; i++) {
    if (i > 0) {
      const gap = arrivalSeconds[i] - arrivalSeconds[i - 1];
      if (gap < 0) throw new RangeError(`arrivals must be in time order (item ${i})`);
      for (let s = 0; s < servers; s++) left[s] = Math.max(0, left[s] - gap);
    }
    out[i] = left[0];
    // The caller takes the server free first; its work left grows, then it moves back into order.
    const v = left[0] + workSeconds[i];
    let s = 1;
    for (; s < servers && left[s] < v; s++) left[s - 1] = left[s];
    left[s - 1] = v;
  }
  return out;
}

/**
 * Waits in a room of `servers` parallel servers fed by K first-come-first-served queues, one per
 * class, under callsim's reserve rule (class 0 first; any other class, in class order, taken only
 * while more than `keep` servers are free, the deciding one included; with keep 0 this is
 * non-preemptive strict priority). Starts empty; each item's wait is from its arrival to its
 * start, and every queue is emptied after the last arrival. The raw material of a shadow-system
 * control whose mean the exact CTMC oracle gives when arrivals are Poisson and work exponential.
 */
export function reserveWaits(arrivalSeconds: ArrayLike<number>, classOf: ArrayLike<number>, workSeconds: ArrayLike<number>, servers: number, keep: number): Float64Array {
  const n = arrivalSeconds.length;
  if (classOf.length !== n || workSeconds.length !== n) throw new RangeError('arrivals, classes and work must have the same length');
  if (!(Number.isInteger(servers) && servers >= 1)) throw new RangeError(`servers must be a whole number >= 1, got ${servers}`);
  if (!(Number.isInteger(keep) && keep >= 0)) throw new RangeError(`keep must be a whole number >= 0, got ${keep}`);
  let classes = 0;
  for (let i = 0; i < n; i++) {
    const k = classOf[i];
    if (!(Number.isInteger(k) && k >= 0)) throw new RangeError(`class of item ${i} must be a whole number >= 0, got ${k}`);
    classes = Math.max(classes, k + 1);
  }
  const out = new Float64Array(n);
  // One FIFO per class: item indices in arrival order, read from `heads`, written at `tails`.
  const counts = new Int32Array(classes);
  for (let i = 0; i < n; i++) counts[classOf[i]]++;
  const queues = Array.from(counts, (c) => new Int32Array(c));
  const heads = new Int32Array(classes);
  const tails = new Int32Array(classes);
  const ends = new Float64Array(servers); // end times of busy servers, ascending, in ends[0..busy)
  let busy = 0;
  const start = (now: number): void => {
    for (;;) {
      const free = servers - busy;
      if (free <= 0) return;
      let k = 0;
      for (; k < classes; k++) if ((k === 0 || free > keep) && heads[k] < tails[k]) break;
      if (k === classes) return;
      const i = queues[k][heads[k]++];
      out[i] = now - arrivalSeconds[i];
      const end = now + workSeconds[i];
      let s = busy++;
      for (; s > 0 && ends[s - 1] > end; s--) ends[s] = ends[s - 1];
      ends[s] = end;
    }
  };
  const finishUpTo = (t: number): void => {
    while (busy > 0 && ends[0] <= t) {
      const now = ends[0];
      busy--;
      for (let s = 0; s < busy; s++) ends[s] = ends[s + 1];
      start(now);
    }
  };
  for (let i = 0; i < n; i++) {
    const t = arrivalSeconds[i];
    if (i > 0 && t < arrivalSeconds[i - 1]) throw new RangeError(`arrivals must be in time order (item ${i})`);
    finishUpTo(t);
    const k = classOf[i];
    queues[k][tails[k]++] = i;
    start(t);
  }
  finishUpTo(Infinity);
  return out;
}
