/**
 * On-duty hours to full-time equivalents to employ: a handler is on duty only for the part of the
 * contract left after shrinkage (annual leave, sickness, training). Shrinkage is additive, as
 * workforce planners state it: FTE = paid hours a week / (contract hours a week x (1 - shrinkage)).
 */
export interface Shrinkage {
  /** Contracted hours a week of one FTE. */
  contractHours: number;
  /** Share of contracted time on annual leave (and bank holidays). */
  leave: number;
  /** Share lost to sickness absence. */
  sickness: number;
  /** Training days, every so many weeks (the report: two days every eleven weeks). */
  trainingDays: number;
  trainingEveryWeeks: number;
  /** Hours in a training day. */
  trainingDayHours: number;
}

export const DEFAULT_SHRINKAGE: Shrinkage = {
  contractHours: 37,
  leave: 0.12,
  sickness: 0.05,
  trainingDays: 2,
  trainingEveryWeeks: 11,
  trainingDayHours: 7.4,
};

/** Total shrinkage as a share of contracted time. */
export function shrinkageShare(s: Shrinkage): number {
  const training = (s.trainingDays * s.trainingDayHours) / (s.trainingEveryWeeks * s.contractHours);
  return s.leave + s.sickness + training;
}

export function fteFor(paidHoursPerWeek: number, s: Shrinkage): number {
  const share = shrinkageShare(s);
  if (!(share < 1)) throw new RangeError(`shrinkage ${share} leaves no time on duty`);
  return paidHoursPerWeek / (s.contractHours * (1 - share));
}
