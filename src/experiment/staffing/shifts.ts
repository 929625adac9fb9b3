/**
 * Shifts from interval requirements: how many handlers start each allowed shift so that every
 * interval has at least its requirement on duty, at least paid hours. An integer program (set
 * covering with integer multiplicities) solved by HiGHS, compiled to WebAssembly (npm `highs`):
 *   minimise  sum over shifts s of hours(s) x(s)
 *   subject to, for each interval k:  sum over shifts covering k of x(s) >= required(k),  x integer >= 0.
 * With hourOfWeek a shift is a (day, start, length) and wraps from Sunday into Monday; with
 * hourOfDay it is a (start, length) worked every day; with hourOfDate a (date, start, length), and
 * a night shift of the last date runs past the horizon.
 */
// The package is CommonJS-typed but loads its ES module build here, whose default is the loader.
import type { DayName, ShiftSpec } from '../../engine/profile-types.js';
import { datedRoster, type IntervalKind, type IntervalScheme } from './intervals.js';
import type { RosterSpec } from '../../engine/profile-types.js';

const DAYS: readonly DayName[] = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export interface ShiftRules {
  /** Allowed shift lengths in whole hours. */
  lengths: readonly number[];
  /** Allowed start hours of the day (0-23). */
  starts: readonly number[];
}

export interface ShiftPlan {
  /** The shifts (hourOfWeek, hourOfDay); with hourOfDate, the shifts of the first date. */
  shifts: ShiftSpec[];
  /**
   * With hourOfDate: the shifts of each date, and the roster to put in the scenario: dated
   * periods of the hourly headcount those shifts put on duty (a night shift carries into the next
   * date, which a period of shifts alone would not say).
   */
  byDate?: { date: string; shifts: ShiftSpec[] }[];
  roster: RosterSpec;
  /** Paid handler-hours a week (the horizon's mean week with hourOfDate). */
  paidHours: number;
  /** Handlers on duty per interval under the plan. */
  onDuty: number[];
  /** HiGHS's status ("Optimal", or a limit reached with the best plan found). */
  status: string;
}

interface HighsSolve {
  Status: string;
  Columns: Record<string, { Primal?: number } | undefined>;
}
type HighsLoader = () => Promise<{ solve(lp: string, options: Record<string, unknown>): HighsSolve }>;

interface Column {
  name: string;
  day: number;
  start: number;
  hours: number;
}

/** Chooses shift starts covering `required` at least cost (paid hours). */
export async function planShifts(scheme: IntervalScheme, required: readonly number[], rules: ShiftRules): Promise<ShiftPlan> {
  const n = scheme.count;
  const kind = scheme.kind;
  if (required.length !== n) throw new RangeError(`expected ${n} requirements, found ${required.length}`);
  const days = kind === 'hourOfDay' ? 1 : n / 24;
  const wraps = kind !== 'hourOfDate';
  const columns: Column[] = [];
  // With hourOfDate, a night shift of the day before the horizon covers its first early hours.
  for (let day = wraps ? 0 : -1; day < days; day++) {
    for (const start of rules.starts) {
      for (const hours of rules.lengths) if (day >= 0 || start + hours > 24) columns.push({ name: `x_${day < 0 ? 'p' : day}_${start}_${hours}`, day, start, hours });
    }
  }
  const covers = wraps ? (c: Column, k: number): boolean => (((k - (c.day * 24 + c.start)) % n) + n) % n < c.hours : (c: Column, k: number): boolean => k - (c.day * 24 + c.start) >= 0 && k - (c.day * 24 + c.start) < c.hours;
  const rows: string[] = [];
  for (let k = 0; k < n; k++) {
    if (required[k] <= 0) continue;
    const terms = columns.filter((c) => covers(c, k)).map((c) => c.name);
    if (terms.length === 0) throw new RangeError(`no allowed shift covers interval ${k}: allow more shift starts or longer shifts`);
    rows.push(` r${k}: ${terms.join(' + ')} >= ${required[k]}`);
  }
  const weekFactor = kind === 'hourOfWeek' ? 1 : kind === 'hourOfDay' ? 7 : 7 / days;
  const zero = columns.map((c) => `0 ${c.name}`);
  const lp = [
    'Minimize',
    ` cost: ${columns.map((c) => `${c.hours} ${c.name}`).join(' + ')}`,
    'Subject To',
    ...(rows.length > 0 ? rows : [` r0: ${zero.join(' + ')} >= 0`]),
    'General',
    ` ${columns.map((c) => c.name).join(' ')}`,
    'End',
  ].join('\n');
  // The solver (WebAssembly) loads when a roster is first solved, not with the staffing modules.
  const highsModule = await import('highs');
  const highs = await (highsModule as unknown as { default: HighsLoader }).default();
  const solution = highs.solve(lp, { output_flag: false, time_limit: 30, mip_rel_gap: 0 });
  const value = (c: Column): number => {
    return Math.round(solution.Columns[c.name]?.Primal ?? 0);
  };
  if (solution.Status !== 'Optimal' && !columns.some((c) => value(c) > 0)) throw new Error(`the shift plan could not be solved (HiGHS: ${solution.Status})`);
  const counts = columns.map(value);
  const onDuty = new Array<number>(n).fill(0);
  columns.forEach((c, j) => {
    for (let k = 0; k < n; k++) if (covers(c, k)) onDuty[k] += counts[j];
  });
  const paidHours = Math.round(columns.reduce((s, c, j) => s + c.hours * counts[j], 0) * weekFactor * 10) / 10;
  if (kind !== 'hourOfDate') {
    const shifts = groupShifts(columns, counts, kind);
    return { shifts, roster: { shifts }, paidHours, onDuty, status: solution.Status };
  }
  const dayShifts = (d: number): ShiftSpec[] => groupShifts(columns.filter((c) => c.day === d), counts.filter((_, j) => columns[j].day === d), kind);
  const before = new Date(Date.parse(`${scheme.dates[0]}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const byDate = [{ date: before, shifts: dayShifts(-1) }, ...scheme.dates.map((date, d) => ({ date, shifts: dayShifts(d) }))].filter((d, i) => i > 0 || d.shifts.length > 0);
  const roster = datedRoster(scheme.calendar, scheme.dayStarts, (d) => ({ hourOfDay: onDuty.slice(d * 24, d * 24 + 24) }));
  return { shifts: byDate[0]?.shifts ?? [], byDate, roster, paidHours, onDuty, status: solution.Status };
}

const clock = (h: number): string => `${String(h).padStart(2, '0')}:00`;

/** One roster line per (start, length, staff), listing the days it runs (all days: no list). */
function groupShifts(columns: readonly Column[], counts: readonly number[], kind: IntervalKind): ShiftSpec[] {
  const groups = new Map<string, { start: number; hours: number; staff: number; days: number[] }>();
  columns.forEach((c, j) => {
    if (counts[j] <= 0) return;
    const key = `${c.start}/${c.hours}/${counts[j]}`;
    const g = groups.get(key) ?? { start: c.start, hours: c.hours, staff: counts[j], days: [] };
    g.days.push(c.day);
    groups.set(key, g);
  });
  return [...groups.values()]
    .sort((a, b) => a.start - b.start || a.hours - b.hours || b.staff - a.staff)
    .map((g) => {
      const spec: ShiftSpec = { start: clock(g.start), hours: g.hours, staff: g.staff };
      return kind === 'hourOfWeek' && g.days.length < 7 ? { ...spec, days: g.days.map((d) => DAYS[d]) } : spec;
    });
}
