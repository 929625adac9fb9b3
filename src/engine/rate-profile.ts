import type { Calendar } from './calendar.js';
import { FrozenTables } from './frozen-tables.js';
import { PiecewiseConstant } from './piecewise.js';
import type { RateProfileSpec } from './profile-types.js';
import { SpecError } from './spec-error.js';

/** Check a weights list and scale it to average 1 (unless `absolute`: then as written). */
function normalised(weights: readonly number[] | undefined, length: number, path: string, absolute = false): number[] | null {
  if (weights === undefined) return null;
  if (!Array.isArray(weights) || weights.length !== length) {
    throw new SpecError(path, `expected ${length} non-negative weights, found ${Array.isArray(weights) ? `${weights.length} values` : JSON.stringify(weights)}`);
  }
  weights.forEach((w, i) => {
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) throw new SpecError(`${path}[${i}]`, `expected a non-negative number, found ${JSON.stringify(w)}`);
  });
  const mean = weights.reduce((a, b) => a + b, 0) / length;
  if (!(mean > 0)) throw new SpecError(path, 'expected at least one positive weight, found all zero');
  return absolute ? [...weights] : weights.map((w) => w / mean);
}

/**
 * The multiplier each month (January first) applies to the rate: relative weights scaled to
 * average 1, or absolute ones as written; null without month weights.
 */
export function monthMultipliers(spec: Pick<RateProfileSpec, 'month' | 'monthWeights'>, path = ''): number[] | null {
  return normalised(spec.month, 12, path ? `${path}.profile.month` : 'profile.month', spec.monthWeights === 'absolute');
}

/**
 * The arrival rate (per second) of a profile over [0, horizon], one piece per calendar hour.
 * Weight lists are scaled to average 1 so `perHour` stays the mean rate (month weights stated
 * absolute multiply as written); `hourOfWeek` replaces `hourOfDay` and `dayOfWeek`; `month`
 * multiplies either.
 */
export function ratePieces(spec: RateProfileSpec, calendar: Calendar, horizonSeconds: number, path = ''): PiecewiseConstant {
  return rateTables.get(spec, calendar.tableKey(horizonSeconds), () => hourlyRates(spec, calendar, horizonSeconds, path));
}

const rateTables = new FrozenTables<PiecewiseConstant>();

function hourlyRates(spec: RateProfileSpec, calendar: Calendar, horizonSeconds: number, path: string): PiecewiseConstant {
  const at = (k: string): string => (path ? `${path}.${k}` : k);
  if (typeof spec.perHour !== 'number' || !Number.isFinite(spec.perHour) || spec.perHour < 0) {
    throw new SpecError(at('perHour'), `expected a non-negative number of arrivals per hour, found ${JSON.stringify(spec.perHour)}`);
  }
  if (!(horizonSeconds > 0)) throw new SpecError(path, `expected a positive horizon, found ${horizonSeconds}`);
  const week = normalised(spec.hourOfWeek, 168, at('profile.hourOfWeek'));
  const hours = week ? null : normalised(spec.hourOfDay, 24, at('profile.hourOfDay'));
  const days = week ? null : normalised(spec.dayOfWeek, 7, at('profile.dayOfWeek'));
  const months = monthMultipliers(spec, path);
  const perSecond = spec.perHour / 3600;

  // Pieces start at each whole local hour; the first may be partial when the start is mid-hour.
  // The calendar walks the hours once for every channel of the run.
  const grid = calendar.hourGrid(horizonSeconds);
  const values: number[] = [];
  for (let i = 0; i < grid.month.length; i++) {
    let rate = perSecond;
    if (week) rate *= week[grid.hourOfWeek[i]];
    if (hours) rate *= hours[grid.hourOfDay[i]];
    if (days) rate *= days[grid.dayOfWeek[i]];
    if (months) rate *= months[grid.month[i]];
    values.push(rate);
  }
  return PiecewiseConstant.from(grid.breaks, values);
}
