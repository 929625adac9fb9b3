import type { Calendar } from '../../engine/calendar.js';
import type { PiecewiseConstant } from '../../engine/piecewise.js';
import { rosterPieces, withExtras } from '../../engine/roster.js';
import type { ResolvedArea } from './types.js';

/**
 * An area's unit headcount over the run: its roster (constant, hour of day, hour of week or
 * shifts) plus dated extra units (for example neighbourhood officers moved onto response for a
 * summer, as in Operation Hibiscus).
 */
export function unitHeadcount(area: ResolvedArea, calendar: Calendar, horizonSeconds: number): PiecewiseConstant {
  const pieces = rosterPieces(area.units, calendar, horizonSeconds);
  return area.extraUnits.length > 0 ? withExtras(pieces, area.extraUnits) : pieces;
}
