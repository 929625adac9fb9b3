/** The staffing interval kinds alone (no calendar), for the command's definition at start-up. */
export type IntervalKind = 'hourOfWeek' | 'hourOfDay' | 'hourOfDate';

export const INTERVAL_KINDS: readonly IntervalKind[] = ['hourOfWeek', 'hourOfDay', 'hourOfDate'];
