import { describe, expect, it } from 'vitest';
import { fteFor, shrinkageShare } from '../../../src/experiment/staffing/fte.js';
import { planShifts } from '../../../src/experiment/staffing/shifts.js';

describe('shifts from interval requirements (integer program, HiGHS)', () => {
  it('hour of day: covers every hour at the least paid hours (one all day plus one 08-16: 32 h a day)', async () => {
    const required = Array.from({ length: 24 }, (_, h) => (h >= 8 && h < 16 ? 2 : 1));
    const plan = await planShifts('hourOfDay', required, { lengths: [8], starts: Array.from({ length: 24 }, (_, h) => h) });
    expect(plan.onDuty.every((v, h) => v >= required[h])).toBe(true);
    expect(plan.paidHours).toBe(32 * 7);
  });

  it('hour of week: shifts may wrap from Sunday night into Monday; longer shifts are used when they cost less', async () => {
    // Nights need 3 (22:00-06:00 every day), days need 1: three 8-hour nights, one 24-hour cover in 12-hour shifts.
    const required = Array.from({ length: 168 }, (_, k) => (k % 24 >= 22 || k % 24 < 6 ? 3 : 1));
    const plan = await planShifts('hourOfWeek', required, { lengths: [8, 12], starts: [6, 18, 22] });
    expect(plan.onDuty.every((v, k) => v >= required[k])).toBe(true);
    // Lower bound: every hour's requirement summed is 8 h x 3 + 16 h x 1 = 40 h a day; shifts of 8 and 12 from 06, 18, 22
    // cover it exactly with 06:00 x12 (1), 18:00 x12 (1), 22:00 x8 (2): 12 + 12 + 16 = 40 h a day.
    expect(plan.paidHours).toBe(40 * 7);
    expect(plan.shifts.some((s) => s.start === '22:00' && s.hours === 8 && s.staff === 2 && s.days === undefined)).toBe(true);
  });

  it('FTE: paid hours over contract hours after shrinkage (leave + sickness + training days)', () => {
    const s = { contractHours: 37, leave: 0.12, sickness: 0.05, trainingDays: 2, trainingEveryWeeks: 11, trainingDayHours: 7.4 };
    expect(shrinkageShare(s)).toBeCloseTo(0.12 + 0.05 + (2 * 7.4) / (11 * 37), 12);
    expect(fteFor(370, s)).toBeCloseTo(10 / (1 - shrinkageShare(s)), 12);
  });
});
