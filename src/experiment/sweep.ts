/** The grid of a sweep: every combination of the axes' values, the first axis varying slowest. */
import type { SweepAxis } from './overrides.js';

/** One point of the grid: the value of each axis, in axis order. */
export interface SweepPoint {
  values: string[];
  /** `path=value` overrides for the scenario layer. */
  sets: string[];
}

/** The grid in a fixed order (odometer order: the last axis changes fastest). */
export function sweepGrid(axes: readonly SweepAxis[]): SweepPoint[] {
  let points: string[][] = [[]];
  for (const axis of axes) points = points.flatMap((p) => axis.values.map((v) => [...p, v]));
  return points.map((values) => ({ values, sets: values.map((v, i) => `${axes[i].path}=${v}`) }));
}

/** A key identifying a point by its values (to skip points already in a resumed output). */
export const pointKey = (values: readonly string[]): string => JSON.stringify(values);
