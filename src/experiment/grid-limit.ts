/**
 * A sweep's work is its grid times each point's work. Each point passes the single-run limits, but
 * three axes of a hundred values make a million points: the grid is bounded before it is built,
 * and the work summed over the points as they load, so a typing slip fails in a second.
 */
import { ScenarioError } from '../scenario/errors.js';
import type { SweepAxis } from './overrides.js';
import { MAX_EVENTS } from './work-estimate.js';

/** Grid points beyond which `--allow-large` is needed. */
export const MAX_GRID_POINTS = 10_000;

/** Refuses (exit 2) a grid of more than MAX_GRID_POINTS points unless `allowLarge`. */
export function checkGridSize(axes: readonly SweepAxis[], allowLarge: boolean): void {
  const points = axes.reduce((n, a) => n * a.values.length, 1);
  if (points <= MAX_GRID_POINTS || allowLarge) return;
  const sizes = axes.map((a) => `${a.values.length} values of ${a.path}`).join(' x ');
  throw new ScenarioError([{ file: '--vary', path: '', expected: `a grid of at most ${MAX_GRID_POINTS.toLocaleString('en-GB')} points (--allow-large lifts the limit)`, found: `${points.toLocaleString('en-GB')} points (${sizes})` }]);
}

/** Adds each loaded point's events and refuses (exit 2) once the sweep's total passes MAX_EVENTS, unless `allowLarge`. */
export class GridWork {
  private events = 0;
  private points = 0;
  constructor(private readonly allowLarge: boolean) {}

  add(pointEvents: number): void {
    this.events += pointEvents;
    this.points += 1;
    if (this.allowLarge || this.events <= MAX_EVENTS) return;
    throw new ScenarioError([{
      file: '--vary', path: '', expected: `a sweep of at most ${MAX_EVENTS.toExponential(1).replace('e+', 'e')} events in all (--allow-large lifts the limit; or fewer values, replications or a shorter horizon)`,
      found: `more than that after ${this.points} points`,
    }]);
  }
}
