import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/engine/calendar.js';
import { TimeWeightedLevel } from '../../src/metrics/time-weighted.js';

// 2022-01-03 is a Monday; 06:30 UTC puts the start half-way through an hour.
const MIDNIGHT = Date.UTC(2022, 0, 3);
const HALF_PAST_SIX = MIDNIGHT + 6.5 * 3_600_000;

describe('TimeWeightedLevel', () => {
  it('integrates a step level by hand: 2 on [0, 100), 5 on [100, 250), 0 after, window [0, 400]', () => {
    const level = new TimeWeightedLevel(0, 400);
    level.set(0, 2);
    level.set(100, 5);
    level.set(250, 0);
    level.close();
    expect(level.integral).toBe(2 * 100 + 5 * 150);
    expect(level.mean()).toBe((2 * 100 + 5 * 150) / 400);
    expect(level.baseIntegral).toBe(400);
  });

  it('clips to the window [from, to]: time before the warm-up and after the horizon is not counted', () => {
    const level = new TimeWeightedLevel(50, 200);
    level.set(0, 4); // 4 on [0, 120): counted on [50, 120) only
    level.set(120, 1); // 1 on [120, 300): counted on [120, 200) only
    level.set(300, 9);
    level.close();
    expect(level.integral).toBe(4 * 70 + 1 * 80);
    expect(level.mean()).toBe((4 * 70 + 1 * 80) / 150);
  });

  it('the level before the first report is the initial level', () => {
    const level = new TimeWeightedLevel(0, 100, null, 3, 1);
    level.set(40, 1);
    level.close();
    expect(level.integral).toBe(3 * 40 + 1 * 60);
  });

  it('a ratio of integrals: busy 1 of 2 for 60 s then 2 of 4 for 40 s gives (60 + 80) / (120 + 160)', () => {
    const level = new TimeWeightedLevel(0, 100, null, 0, 0);
    level.set(0, 1, 2);
    level.set(60, 2, 4);
    level.close();
    expect(level.ratio()).toBe(140 / 280);
  });

  it('a report earlier than the last one changes the level without going back in time', () => {
    const level = new TimeWeightedLevel(0, 100);
    level.set(50, 2);
    level.set(30, 4); // taken as happening at 50
    level.close();
    expect(level.integral).toBe(4 * 50);
  });

  it('no base time means a NaN ratio; an empty window a NaN mean', () => {
    const staffless = new TimeWeightedLevel(0, 100, null, 0, 0);
    staffless.close();
    expect(staffless.ratio()).toBeNaN();
    expect(new TimeWeightedLevel(10, 10).mean()).toBeNaN();
    expect(() => new TimeWeightedLevel(10, 5)).toThrow(/to >= from/);
  });

  it('splits the integral by hour of day across hour boundaries, starting mid-hour', () => {
    // Start 06:30; window [0, 7200] covers 06:30-08:30. Level 1 until 45 min in, then 3.
    const level = new TimeWeightedLevel(0, 7200, new Calendar(HALF_PAST_SIX));
    level.set(0, 1);
    level.set(2700, 3); // 07:15
    level.close();
    const byHour = level.byHour!;
    expect(byHour[6]).toBe(1 * 1800); // 06:30-07:00
    expect(byHour[7]).toBe(1 * 900 + 3 * 2700); // 07:00-07:15 at 1, 07:15-08:00 at 3
    expect(byHour[8]).toBe(3 * 1800); // 08:00-08:30
    expect(level.baseByHour![6]).toBe(1800);
    expect(level.baseByHour![7]).toBe(3600);
    expect(Array.from(byHour).reduce((a, b) => a + b, 0)).toBe(level.integral);
    const ratios = level.hourlyRatios();
    expect(ratios[7]).toBe((900 + 3 * 2700) / 3600);
    expect(ratios[12]).toBeNaN();
  });

  it('over two whole days the hours of day add both days', () => {
    const level = new TimeWeightedLevel(0, 2 * 86_400, new Calendar(MIDNIGHT));
    level.set(0, 2);
    level.set(86_400 + 3600 * 5, 0); // day 2, 05:00
    level.set(86_400 + 3600 * 6, 2);
    level.close();
    const byHour = level.byHour!;
    expect(byHour[4]).toBe(2 * 3600 * 2);
    expect(byHour[5]).toBe(2 * 3600);
    expect(level.baseByHour![5]).toBe(2 * 3600);
    expect(level.integral).toBe(2 * (2 * 86_400 - 3600));
  });
});
