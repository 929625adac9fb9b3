import { describe, expect, it } from 'vitest';
import { rosterPieces } from '../../../src/engine/roster.js';
import { DEFAULT_SHRINKAGE, fteFor, parseShrinkage, shrinkageShare } from '../../../src/experiment/staffing/fte.js';
import { intervalScheme } from '../../../src/experiment/staffing/intervals.js';
import { planShifts } from '../../../src/experiment/staffing/shifts.js';

const UTC = { startEpochMs: Date.parse('2022-07-01T00:00:00Z'), timeZone: 'UTC', horizonSeconds: 3 * 86_400 };

describe('shifts from interval requirements (integer program, HiGHS)', () => {
  it('hour of day: covers every hour at the least paid hours (one all day plus one 08-16: 32 h a day)', async () => {
    const required = Array.from({ length: 24 }, (_, h) => (h >= 8 && h < 16 ? 2 : 1));
    const plan = await planShifts(intervalScheme('hourOfDay', UTC), required, { lengths: [8], starts: Array.from({ length: 24 }, (_, h) => h) });
    expect(plan.onDuty.every((v, h) => v >= required[h])).toBe(true);
    expect(plan.paidHours).toBe(32 * 7);
  });

  it('hour of week: shifts may wrap from Sunday night into Monday; longer shifts are used when they cost less', async () => {
    // Nights need 3 (22:00-06:00 every day), days need 1: three 8-hour nights, one 24-hour cover in 12-hour shifts.
    const required = Array.from({ length: 168 }, (_, k) => (k % 24 >= 22 || k % 24 < 6 ? 3 : 1));
    const plan = await planShifts(intervalScheme('hourOfWeek', UTC), required, { lengths: [8, 12], starts: [6, 18, 22] });
    expect(plan.onDuty.every((v, k) => v >= required[k])).toBe(true);
    // Lower bound: every hour's requirement summed is 8 h x 3 + 16 h x 1 = 40 h a day; shifts of 8 and 12 from 06, 18, 22
    // cover it exactly with 06:00 x12 (1), 18:00 x12 (1), 22:00 x8 (2): 12 + 12 + 16 = 40 h a day.
    expect(plan.paidHours).toBe(40 * 7);
    expect(plan.shifts.some((s) => s.start === '22:00' && s.hours === 8 && s.staff === 2 && s.days === undefined)).toBe(true);
  });

  it('hour of date: each date its own shifts (a surge on the second date), a night shift carries into the next date, and the dated roster puts on duty what was planned', async () => {
    const scheme = intervalScheme('hourOfDate', UTC);
    expect(scheme.count).toBe(72);
    expect(scheme.label(30)).toBe('2022-07-02 06:00');
    // 1 every hour; 3 from 18:00 on 2 July to 02:00 on 3 July (a surge crossing midnight).
    const required = Array.from({ length: 72 }, (_, k) => (k >= 42 && k < 50 ? 3 : 1));
    const plan = await planShifts(scheme, required, { lengths: [8], starts: [2, 10, 18] });
    expect(plan.onDuty.every((v, k) => v >= required[k])).toBe(true);
    // The first date's 00:00-02:00 is covered by a shift from 18:00 the day before (listed under 30 June).
    // Least cost: 8-hour shifts from 02, 10, 18 on each date, three from 18:00 on 2 July, and the one from
    // 18:00 on 30 June: 1 + (1 + 1 + 1) + (1 + 1 + 3) + (1 + 1 + 1) = 12 shifts, 96 hours over 3 days.
    expect(plan.byDate?.map((d) => d.date)).toEqual(['2022-06-30', '2022-07-01', '2022-07-02', '2022-07-03']);
    expect(plan.byDate?.[2].shifts.find((sh) => sh.start === '18:00')?.staff).toBe(3);
    expect(plan.paidHours).toBeCloseTo((96 * 7) / 3, 1);
    // The roster written for the scenario gives exactly the planned on-duty count in every hour.
    const pieces = rosterPieces(plan.roster, scheme.calendar, UTC.horizonSeconds);
    for (let k = 0; k < 72; k++) expect(pieces.valueAt(k * 3600 + 1800)).toBe(plan.onDuty[k]);
    expect('periods' in plan.roster).toBe(true);
  });

  it('shrinkage per pool: each pool its own figures give its own FTE by the formula', () => {
    const emergency = parseShrinkage('leave=0.14,sickness=0.06,training=3/11', DEFAULT_SHRINKAGE);
    const secondary = parseShrinkage('leave=0.10,sickness=0.04,contract=40', DEFAULT_SHRINKAGE);
    if (typeof emergency === 'string' || typeof secondary === 'string') throw new Error(`${emergency} ${secondary}`);
    // By hand: 0.14 + 0.06 + 3 x 7.4 / (11 x 37) = 0.254545...; 0.10 + 0.04 + 2 x 7.4 / (11 x 40) = 0.173636...
    expect(shrinkageShare(emergency)).toBeCloseTo(0.14 + 0.06 + 22.2 / 407, 12);
    expect(shrinkageShare(secondary)).toBeCloseTo(0.1 + 0.04 + 14.8 / 440, 12);
    expect(fteFor(1000, emergency)).toBeCloseTo(1000 / (37 * (1 - 0.2545454545454545)), 9);
    expect(fteFor(1000, secondary)).toBeCloseTo(1000 / (40 * (1 - 0.1736363636363636)), 9);
    expect(parseShrinkage('leave=1.2', DEFAULT_SHRINKAGE)).toMatch(/leave: expected a share/);
    expect(parseShrinkage('holidays=0.1', DEFAULT_SHRINKAGE)).toMatch(/unknown field "holidays"/);
  });

  it('FTE: paid hours over contract hours after shrinkage (leave + sickness + training days)', () => {
    const s = { contractHours: 37, leave: 0.12, sickness: 0.05, trainingDays: 2, trainingEveryWeeks: 11, trainingDayHours: 7.4 };
    expect(shrinkageShare(s)).toBeCloseTo(0.12 + 0.05 + (2 * 7.4) / (11 * 37), 12);
    expect(fteFor(370, s)).toBeCloseTo(10 / (1 - shrinkageShare(s)), 12);
  });
});
