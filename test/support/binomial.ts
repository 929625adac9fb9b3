/**
 * Wilson's score interval for a binomial proportion at two-sided confidence 1 − 2·(1 − Φ(z)):
 * z = 3.2905 gives 99.9%. Used where a share counted in a run is compared with its stated
 * probability: each call's draw is independent of the others, so the count is binomial.
 */
export function wilson(successes: number, trials: number, z = 3.2905): { lo: number; hi: number; halfWidth: number } {
  if (!(trials > 0)) throw new RangeError(`trials must be > 0, got ${trials}`);
  const p = successes / trials;
  const z2 = z * z;
  const centre = (p + z2 / (2 * trials)) / (1 + z2 / trials);
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / (1 + z2 / trials);
  return { lo: centre - half, hi: centre + half, halfWidth: half };
}
