import type { Calendar, HourGrid } from './calendar.js';
import { FrozenTables } from './frozen-tables.js';
import { PiecewiseConstant } from './piecewise.js';
import type { DatedExtra, DayName, RosterPeriod, RosterSpec, ShiftSpec } from './profile-types.js';
import { SpecError } from './spec-error.js';

const DAY_NAMES: readonly DayName[] = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function headcount(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new SpecError(path, `expected a headcount (a non-negative integer), found ${JSON.stringify(value)}`);
  }
  return value;
}

function headcounts(list: unknown, length: number, path: string): number[] {
  if (!Array.isArray(list) || list.length !== length) {
    throw new SpecError(path, `expected ${length} headcounts (non-negative integers), found ${Array.isArray(list) ? `${list.length} values` : JSON.stringify(list)}`);
  }
  return list.map((v, i) => headcount(v, `${path}[${i}]`));
}

/** "HH:MM" to seconds after midnight. */
function clockSeconds(text: unknown, path: string): number {
  const match = typeof text === 'string' ? /^(\d{1,2}):(\d{2})$/.exec(text) : null;
  if (match === null || Number(match[1]) > 23 || Number(match[2]) > 59) {
    throw new SpecError(path, `expected a clock time "HH:MM" (00:00 to 23:59), found ${JSON.stringify(text)}`);
  }
  return Number(match[1]) * 3600 + Number(match[2]) * 60;
}

/** Hourly pieces over the horizon from the calendar's hour facts (the run's one walk of its hours). */
function hourly(calendar: Calendar, horizonSeconds: number, valueAt: (grid: HourGrid, piece: number) => number): PiecewiseConstant {
  const grid = calendar.hourGrid(horizonSeconds);
  return PiecewiseConstant.from(grid.breaks, grid.month.map((_, i) => valueAt(grid, i)));
}

/** Sum of shifts: each shift adds its staff from its start for its hours, on its days. */
function shiftPieces(shifts: readonly ShiftSpec[], calendar: Calendar, horizonSeconds: number, path: string): PiecewiseConstant {
  if (!Array.isArray(shifts) || shifts.length === 0) throw new SpecError(path, 'expected a non-empty list of shifts');
  // Each shift-day adds +staff at its start and -staff at its end; a sweep over the sorted
  // changes gives the headcount (linear in the number of shift-days, not quadratic).
  const changes: [number, number][] = [];
  // Shifts that started the day before the run may still be on at the start. Start and end are
  // local wall-clock times: across a clock change a night shift is an hour longer or shorter.
  const lastDay = calendar.dayIndex(horizonSeconds) + 1;
  shifts.forEach((shift, i) => {
    const at = `${path}[${i}]`;
    const start = clockSeconds(shift.start, `${at}.start`);
    if (typeof shift.hours !== 'number' || !(shift.hours > 0) || shift.hours > 24) {
      throw new SpecError(`${at}.hours`, `expected a shift length in hours in (0, 24], found ${JSON.stringify(shift.hours)}`);
    }
    const staff = headcount(shift.staff, `${at}.staff`);
    const days = shift.days ?? DAY_NAMES;
    if (!Array.isArray(days)) throw new SpecError(`${at}.days`, `expected a list of day names (${DAY_NAMES.join(', ')}), found ${JSON.stringify(days)}`);
    days.forEach((day, j) => {
      if (!DAY_NAMES.includes(day)) throw new SpecError(`${at}.days[${j}]`, `expected one of ${DAY_NAMES.join(', ')}, found ${JSON.stringify(day)}`);
    });
    for (let day = -1; day <= lastDay; day++) {
      if (!days.includes(DAY_NAMES[calendar.weekdayOfDay(day)])) continue;
      const from = calendar.atLocal(day, start);
      const to = calendar.fixed ? from + shift.hours * 3600 : calendar.atLocal(day, start + shift.hours * 3600);
      if (to <= 0 || from >= horizonSeconds || staff === 0) continue;
      changes.push([Math.max(0, from), staff], [Math.min(horizonSeconds, to), -staff]);
    }
  });
  changes.sort((a, b) => a[0] - b[0]);
  const breaks: number[] = [0];
  const values: number[] = [];
  let level = 0;
  let i = 0;
  while (i < changes.length && changes[i][0] <= 0) level += changes[i++][1];
  let at = 0;
  while (at < horizonSeconds) {
    const next = i < changes.length ? Math.min(changes[i][0], horizonSeconds) : horizonSeconds;
    if (next > at) {
      values.push(level);
      breaks.push(next);
      at = next;
    }
    while (i < changes.length && changes[i][0] <= at) level += changes[i++][1];
  }
  return PiecewiseConstant.from(breaks, values);
}

/**
 * Headcount over [0, horizon] from a roster: constant, by hour of day (24), by hour of week
 * (168), or a list of shifts (which may cross midnight and overlap; overlapping shifts add).
 */
export function rosterPieces(spec: RosterSpec, calendar: Calendar, horizonSeconds: number, path = ''): PiecewiseConstant {
  return rosterTables.get(spec, calendar.tableKey(horizonSeconds), () => buildRoster(spec, calendar, horizonSeconds, path));
}

const rosterTables = new FrozenTables<PiecewiseConstant>();

function buildRoster(spec: RosterSpec, calendar: Calendar, horizonSeconds: number, path: string): PiecewiseConstant {
  const at = (k: string): string => (path ? `${path}.${k}` : k);
  if (typeof spec === 'number') return PiecewiseConstant.from([0, horizonSeconds], [headcount(spec, path)]);
  if (spec === null || typeof spec !== 'object') {
    throw new SpecError(path, `expected a roster: a headcount, { constant }, { hourOfDay: [24] }, { hourOfWeek: [168] } or { shifts: [...] }, found ${JSON.stringify(spec)}`);
  }
  if ('constant' in spec) return PiecewiseConstant.from([0, horizonSeconds], [headcount(spec.constant, at('constant'))]);
  if ('hourOfDay' in spec) {
    const list = headcounts(spec.hourOfDay, 24, at('hourOfDay'));
    return hourly(calendar, horizonSeconds, (grid, i) => list[grid.hourOfDay[i]]);
  }
  if ('hourOfWeek' in spec) {
    const list = headcounts(spec.hourOfWeek, 168, at('hourOfWeek'));
    return hourly(calendar, horizonSeconds, (grid, i) => list[grid.hourOfWeek[i]]);
  }
  if ('shifts' in spec) return shiftPieces(spec.shifts, calendar, horizonSeconds, at('shifts'));
  if ('periods' in spec) return periodPieces(spec.periods, calendar, horizonSeconds, at('periods'));
  throw new SpecError(path, `expected one of constant, hourOfDay, hourOfWeek, shifts, periods, found ${Object.keys(spec).join(', ') || 'none'}`);
}

/** Dated periods: each period's roster from its instant to the next period's. */
function periodPieces(periods: readonly RosterPeriod[], calendar: Calendar, horizonSeconds: number, path: string): PiecewiseConstant {
  if (!Array.isArray(periods) || periods.length === 0) throw new SpecError(path, 'expected a non-empty list of periods { from, roster }');
  const starts: number[] = [];
  const parts = periods.map((p, i) => {
    const at = `${path}[${i}]`;
    if (p === null || typeof p !== 'object' || Array.isArray(p)) throw new SpecError(at, `expected a period { from: ISO-8601 instant, roster }, found ${JSON.stringify(p)}`);
    let start = 0;
    if (p.from !== undefined || i > 0) {
      const ms = typeof p.from === 'string' ? Date.parse(p.from) : NaN;
      if (!Number.isFinite(ms)) throw new SpecError(`${at}.from`, `expected an ISO-8601 instant such as "2022-06-01T00:00:00Z"${i > 0 ? ' (only the first period may omit it)' : ''}, found ${JSON.stringify(p.from)}`);
      start = (ms - calendar.startEpochMs) / 1000;
    }
    if (i > 0 && !(start > starts[i - 1])) throw new SpecError(`${at}.from`, `expected an instant after the previous period's, found ${JSON.stringify(p.from)}`);
    starts.push(start);
    const r = p.roster;
    if (r !== null && typeof r === 'object' && 'periods' in r) throw new SpecError(`${at}.roster`, 'periods do not nest: give a headcount, constant, hourOfDay, hourOfWeek or shifts');
    if (r !== null && typeof r === 'object' && 'shifts' in r && Array.isArray(r.shifts)) {
      (r.shifts as readonly unknown[]).forEach((shift: unknown, j: number) => {
        if (shift === null || typeof shift !== 'object' || Array.isArray(shift)) throw new SpecError(`${at}.roster.shifts[${j}]`, `expected a shift { start: "HH:MM", hours, days?, staff }, found ${JSON.stringify(shift)}`);
      });
    }
    return rosterPieces(r, calendar, horizonSeconds, `${at}.roster`);
  });
  if (starts[0] > 0) throw new SpecError(`${path}[0].from`, `expected the first period to start at or before the scenario's start (${new Date(calendar.startEpochMs).toISOString()}), or no from`);
  const breaks: number[] = [0];
  const values: number[] = [];
  parts.forEach((pieces, i) => {
    const from = Math.max(0, starts[i]);
    const to = Math.min(horizonSeconds, i + 1 < starts.length ? starts[i + 1] : horizonSeconds);
    if (!(to > from)) return;
    const cuts = [from, ...pieces.changeTimes().filter((t) => t > from && t < to), to];
    for (let k = 0; k + 1 < cuts.length; k++) {
      values.push(pieces.valueAt(cuts[k]));
      breaks.push(cuts[k + 1]);
    }
  });
  return PiecewiseConstant.from(breaks, values);
}

/** Add dated extra headcount (for example officers moved to response for a summer). */
export function withExtras(pieces: PiecewiseConstant, extras: readonly DatedExtra[]): PiecewiseConstant {
  let result = pieces;
  for (const extra of extras) result = result.addWindow(extra.fromSeconds, extra.toSeconds, extra.extra);
  return result;
}
