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

/** Shrinkage per pool: a pool's own figures where stated, the default otherwise. */
export type ShrinkageByPool = (pool: string) => Shrinkage;

const SHRINKAGE_FIELDS: Readonly<Record<string, keyof Shrinkage>> = { leave: 'leave', sickness: 'sickness', contract: 'contractHours', contractHours: 'contractHours', trainingDayHours: 'trainingDayHours' };

/**
 * One pool's shrinkage as written after `POOL:` in `--shrinkage`, for example
 * `leave=0.14,sickness=0.06,training=2/11,contract=37`; fields not given keep `base`.
 * Returns the figures or a message saying what was expected.
 */
export function parseShrinkage(text: string, base: Shrinkage): Shrinkage | string {
  const out: Shrinkage = { ...base };
  for (const part of text.split(',').map((s) => s.trim()).filter((s) => s !== '')) {
    const m = /^([A-Za-z]+)\s*=\s*(.+)$/.exec(part);
    if (m === null) return `expected FIELD=VALUE, found ${JSON.stringify(part)}`;
    const [, field, raw] = m;
    if (field === 'training') {
      const t = /^(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)$/.exec(raw.trim());
      if (t === null || !(Number(t[2]) > 0)) return `training: expected DAYS/WEEKS (for example 2/11), found ${JSON.stringify(raw)}`;
      out.trainingDays = Number(t[1]);
      out.trainingEveryWeeks = Number(t[2]);
      continue;
    }
    const key = SHRINKAGE_FIELDS[field];
    if (key === undefined) return `unknown field ${JSON.stringify(field)} (fields: leave, sickness, training, contract, trainingDayHours)`;
    const value = Number(raw);
    if (!Number.isFinite(value)) return `${field}: expected a number, found ${JSON.stringify(raw)}`;
    if ((key === 'leave' || key === 'sickness') && !(value >= 0 && value < 1)) return `${field}: expected a share from 0 to below 1, found ${raw}`;
    if ((key === 'contractHours' || key === 'trainingDayHours') && !(value > 0)) return `${field}: expected hours above 0, found ${raw}`;
    out[key] = value;
  }
  if (!(shrinkageShare(out) < 1)) return `total shrinkage ${(shrinkageShare(out) * 100).toFixed(1)}% leaves no time on duty`;
  return out;
}
