import type { RosterSpec, ShiftSpec } from '../engine/profile-types.js';

/** The shifts of a `{ shifts }` roster (none for other forms). Kept apart from the YAML writer, which loads `yaml`. */
export function rosterShifts(roster: RosterSpec): readonly ShiftSpec[] {
  return 'shifts' in roster ? roster.shifts : [];
}
