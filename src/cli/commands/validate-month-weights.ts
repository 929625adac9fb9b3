/** `callsim validate`: what each channel's month weights mean and the multipliers they apply. */
import { monthMultipliers } from '../../engine/rate-profile.js';
import type { ResolvedScenario } from '../../model/resolved.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (x: number): string => x.toFixed(2);

/**
 * One line per channel with month weights: relative (scaled to mean 1) or absolute multipliers,
 * and the multiplier each month applies to the channel's rate, so nothing is rescaled unseen.
 */
export function monthWeightLines(s: ResolvedScenario): string[] {
  return s.channels.flatMap((c) => {
    const written = c.rate.month;
    const applied = monthMultipliers(c.rate);
    if (written === undefined || applied === null) return [];
    const writtenMean = written.reduce((a, b) => a + b, 0) / written.length;
    const appliedMean = applied.reduce((a, b) => a + b, 0) / applied.length;
    const mode = c.rate.monthWeights === 'absolute'
      ? `absolute multipliers (mean ${two(appliedMean)}; not rescaled)`
      : `relative (mean ${two(appliedMean)}${Math.abs(writtenMean - 1) > 5e-3 ? `; rescaled from mean ${two(writtenMean)} as written` : ''})`;
    const perDay = c.rate.perHour * 24;
    const rate = `${Number.isInteger(perDay) ? perDay : perDay.toFixed(1)} calls a day`;
    return [`${c.name} month weights: ${mode}, applied as ${applied.map((m, i) => `${MONTHS[i]} ${two(m)}`).join(', ')} times ${rate}`];
  });
}
