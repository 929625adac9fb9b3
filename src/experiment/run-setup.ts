/**
 * What was run, in a planner's terms, for the results' `setup` block (the briefing at the top of
 * the HTML report): the period on the room's clock, the changes applied, each pool's roster by
 * shift, and which features the resolved scenario uses (a report omits the measures of the others).
 */
import type { RosterSpec } from '../engine/profile-types.js';
import type { ResolvedScenario } from '../model/resolved.js';
import type { PoolRoster, RosterShift, RunSetup, ScenarioFeatures } from '../metrics/results.js';

const DAY_SECONDS = 86_400;

function range(values: readonly number[]): string {
  const low = Math.min(...values);
  const high = Math.max(...values);
  return low === high ? `${low}` : `${low} to ${high}`;
}

/** The shifts of a roster (periods flattened, each shift with its period's first day), or a note. */
function rosterRows(roster: RosterSpec, from: string | null = null): { shifts: RosterShift[]; notes: string[] } {
  if ('shifts' in roster) {
    const shifts = roster.shifts.map((s) => ({ from, name: s.name ?? null, start: s.start, hours: s.hours, days: s.days === undefined ? null : [...s.days], staff: s.staff }));
    return { shifts, notes: [] };
  }
  const when = from === null ? '' : `from ${from.slice(0, 10)}: `;
  if ('constant' in roster) return { shifts: [], notes: [`${when}${roster.constant} on duty at all hours`] };
  if ('hourOfDay' in roster) return { shifts: [], notes: [`${when}hourly headcounts, ${range(roster.hourOfDay)} on duty`] };
  if ('hourOfWeek' in roster) return { shifts: [], notes: [`${when}headcounts by hour of the week, ${range(roster.hourOfWeek)} on duty`] };
  const shifts: RosterShift[] = [];
  const notes: string[] = [];
  for (const period of roster.periods) {
    const inner = typeof period.roster === 'number' ? { constant: period.roster } : period.roster;
    const rows = rosterRows(inner, period.from ?? null);
    shifts.push(...rows.shifts);
    notes.push(...rows.notes);
  }
  return { shifts, notes };
}

function poolRoster(pool: string, serves: readonly string[], roster: RosterSpec): PoolRoster {
  const { shifts, notes } = rosterRows(roster);
  return { pool, serves: [...serves], shifts, note: notes.length === 0 ? null : notes.join('; ') };
}

/** Which features the resolved scenario uses. */
export function scenarioFeatures(s: ResolvedScenario): ScenarioFeatures {
  const dispatch = s.dispatch;
  return {
    switchboard: s.switchboard !== undefined,
    dispatch: dispatch !== undefined && dispatch.areas.length > 0,
    grading: s.grading !== undefined,
    victimUpdates: dispatch?.victimUpdates !== undefined,
    upgrades: dispatch !== undefined && dispatch.upgradePerHour > 0,
    ivrChannels: s.channels.filter((c) => c.ivr !== undefined).map((c) => c.name),
    callbackQueues: s.queues.filter((q) => q.callback !== undefined).map((q) => q.name),
    redialQueues: s.queues.filter((q) => q.redial !== undefined && q.redial.probability > 0).map((q) => q.name),
    patienceQueues: s.queues.filter((q) => q.patienceSeconds !== undefined).map((q) => q.name),
    trace: s.trace !== undefined,
  };
}

/** The `setup` block of a run of `s` with `changes` applied (one line in words per change). */
export function runSetup(s: ResolvedScenario, changes: readonly string[] = []): RunSetup {
  const rosters = s.handlers.pools.map((p) => poolRoster(p.name, p.serves, p.roster));
  if (s.switchboard !== undefined) rosters.push(poolRoster('switchboard', [s.queues[s.switchboard.queueIndex].name], s.switchboard.staff));
  return {
    start: new Date(s.startEpochMs).toISOString(),
    end: new Date(s.startEpochMs + s.horizonSeconds * 1000).toISOString(),
    timeZone: s.timeZone,
    // A horizon in the room's days is an hour short or long across a clock change: 242.96 days.
    horizonDays: Math.round((s.horizonSeconds / DAY_SECONDS) * 100) / 100,
    warmupHours: s.warmupSeconds / 3600,
    changes: [...changes],
    rosters,
    uses: scenarioFeatures(s),
  };
}
