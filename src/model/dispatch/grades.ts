import { GRADES, type Grade } from './types.js';

/**
 * Grade indices, most urgent first, in the order of `GRADES`. The model works with indices on
 * its hot path (comparisons, arrays per grade) and turns them into names only when reporting.
 */
export const IMMEDIATE = 0;
export const PRIORITY = 1;
export const SCHEDULED = 2;
export const RESOLVED_WITHOUT_DEPLOYMENT = 3;
export const NO_INCIDENT = 4;
/** Number of grades that make an incident (all but `none`). */
export const INCIDENT_GRADES = 4;

const INDEX: Readonly<Record<Grade, number>> = {
  immediate: IMMEDIATE,
  priority: PRIORITY,
  scheduled: SCHEDULED,
  resolvedWithoutDeployment: RESOLVED_WITHOUT_DEPLOYMENT,
  none: NO_INCIDENT,
};

/** Index of a grade (names in scenarios and traces were checked by `src/scenario/`). */
export function gradeIndex(name: Grade): number {
  return INDEX[name];
}

/** Name of a grade index. */
export function gradeName(index: number): Grade {
  return GRADES[index];
}

/**
 * Cumulative probabilities over grade indices from a need mix (missing grades have probability 0).
 * The last entry is forced to 1 so a uniform draw always lands on a grade. `src/scenario/` checked
 * that the probabilities are non-negative and sum to 1.
 */
export function cumulativeMix(mix: Readonly<Partial<Record<Grade, number>>>): Float64Array {
  const cumulative = new Float64Array(GRADES.length);
  let total = 0;
  GRADES.forEach((grade, i) => {
    const p = mix[grade] ?? 0;
    total += p;
    cumulative[i] = total;
  });
  // Rounding must never send a draw to a grade of probability 0: from the last grade with a
  // positive probability on, the table is exactly 1.
  let lastPositive = 0;
  GRADES.forEach((grade, i) => {
    if ((mix[grade] ?? 0) > 0) lastPositive = i;
  });
  for (let i = 0; i < cumulative.length; i++) cumulative[i] = i >= lastPositive ? 1 : cumulative[i] / total;
  return cumulative;
}

/** The index chosen by uniform `u` in [0, 1) from a cumulative table. */
export function pick(cumulative: Float64Array, u: number): number {
  let i = 0;
  const last = cumulative.length - 1;
  while (i < last && u >= cumulative[i]) i++;
  return i;
}
