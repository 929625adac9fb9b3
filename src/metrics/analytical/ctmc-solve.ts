/**
 * Iterative solvers for the small chains of the CTMC oracle. The chains have at most some tens of
 * thousands of states with a handful of transitions each; Gauss-Seidel on the balance equations
 * converges quickly on them and needs no dense matrix (npm has no maintained sparse linear solver:
 * ml-sparse-matrix stores sparse matrices but does not solve systems). Convergence is never assumed: each
 * solve stops only when the residual of the equations it solves is below the tolerance, and
 * throws otherwise.
 */

export interface Incoming {
  /** CSR rows by target state: sources and rates of the transitions into it. */
  start: Int32Array;
  source: Int32Array;
  rate: Float64Array;
}

export function incoming(targets: readonly Int32Array[], rates: readonly Float64Array[]): Incoming {
  const n = targets.length;
  const count = new Int32Array(n + 1);
  for (const t of targets) for (const j of t) count[j + 1]++;
  for (let j = 0; j < n; j++) count[j + 1] += count[j];
  const fill = count.slice(0, n);
  const source = new Int32Array(count[n]);
  const rate = new Float64Array(count[n]);
  targets.forEach((t, i) => {
    t.forEach((j, e) => {
      source[fill[j]] = i;
      rate[fill[j]] = rates[i][e];
      fill[j]++;
    });
  });
  return { start: count, source, rate };
}

/**
 * Stationary distribution π of a CTMC (πQ = 0, Σπ = 1) by Gauss-Seidel on the balance
 * equations π_j·out_j = Σ_i π_i·q_ij. Stops when Σ_j |π_j·out_j − Σ_i π_i·q_ij| / Σ_j π_j·out_j,
 * the relative residual of the balance equations, is below `tolerance`.
 */
export function stationary(inc: Incoming, outRate: Float64Array, tolerance = 1e-12, maxSweeps = 200_000): { pi: Float64Array; residual: number; sweeps: number } {
  const n = outRate.length;
  const pi = new Float64Array(n).fill(1 / n);
  const { start, source, rate } = inc;
  let residual = Infinity;
  for (let sweep = 1; sweep <= maxSweeps; sweep++) {
    // Symmetric Gauss-Seidel: forward then backward, so mass travels both ways along the queue lengths.
    const forward = sweep % 2 === 1;
    for (let m = 0; m < n; m++) {
      const j = forward ? m : n - 1 - m;
      let flow = 0;
      for (let e = start[j]; e < start[j + 1]; e++) flow += pi[source[e]] * rate[e];
      pi[j] = flow / outRate[j];
    }
    let total = 0;
    for (let j = 0; j < n; j++) total += pi[j];
    for (let j = 0; j < n; j++) pi[j] /= total;
    if (sweep % 10 === 0 || sweep === maxSweeps) {
      let r = 0;
      let scale = 0;
      for (let j = 0; j < n; j++) {
        let flow = 0;
        for (let e = start[j]; e < start[j + 1]; e++) flow += pi[source[e]] * rate[e];
        r += Math.abs(pi[j] * outRate[j] - flow);
        scale += pi[j] * outRate[j];
      }
      residual = r / scale;
      if (residual < tolerance) return { pi, residual, sweeps: sweep };
    }
  }
  throw new Error(`CTMC oracle: Gauss-Seidel did not reach residual ${tolerance} in ${maxSweeps} sweeps (residual ${residual})`);
}

/**
 * Solve x = P·x + b for a transient (absorbing) chain given by outgoing transitions between
 * transient states (`targets`, `rates`, total out-rate including absorption `outRate`), where
 * b_i is already divided by out_i. Gauss-Seidel; stops when max_i |x_i − (P·x + b)_i| is below
 * `tolerance` times max_i |x_i|.
 */
export function absorbing(
  targets: readonly Int32Array[],
  rates: readonly Float64Array[],
  outRate: Float64Array,
  b: Float64Array,
  tolerance = 1e-12,
  maxSweeps = 200_000,
): Float64Array {
  const n = outRate.length;
  const x = Float64Array.from(b);
  const row = (i: number): number => {
    let v = b[i];
    const t = targets[i];
    const r = rates[i];
    for (let e = 0; e < t.length; e++) v += (r[e] / outRate[i]) * x[t[e]];
    return v;
  };
  let residual = Infinity;
  for (let sweep = 1; sweep <= maxSweeps; sweep++) {
    if (sweep % 2 === 1) for (let i = 0; i < n; i++) x[i] = row(i);
    else for (let i = n - 1; i >= 0; i--) x[i] = row(i);
    if (sweep % 10 === 0) {
      let r = 0;
      let scale = 0;
      for (let i = 0; i < n; i++) {
        r = Math.max(r, Math.abs(x[i] - row(i)));
        scale = Math.max(scale, Math.abs(x[i]));
      }
      residual = scale === 0 ? 0 : r / scale;
      if (residual < tolerance) return x;
    }
  }
  throw new Error(`CTMC oracle: absorbing-chain solve did not reach residual ${tolerance} in ${maxSweeps} sweeps (residual ${residual})`);
}
