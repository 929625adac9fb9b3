/**
 * Erlang B: the blocking probability of M/M/c/c, B(c, a), with offered load a = λ/μ in erlangs
 * (VALIDATION.md). By the stable recursion B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)), which never
 * overflows and costs c steps.
 */
export function erlangB(servers: number, offeredLoad: number): number {
  if (!(servers >= 0 && Number.isInteger(servers))) throw new RangeError(`servers must be a whole number >= 0, got ${servers}`);
  if (!(offeredLoad >= 0)) throw new RangeError(`offered load must be >= 0 erlangs, got ${offeredLoad}`);
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (offeredLoad * b) / (k + offeredLoad * b);
  return b;
}
