/**
 * Month weights are stated, not silently rescaled: `profile.monthWeights` says relative (scaled to
 * mean 1, the default and the committed scenarios' meaning) or absolute (multipliers as written),
 * and `callsim validate` prints which with the multiplier each month applies.
 */
import { describe, expect, it } from 'vitest';
import { cli } from '../cli.js';

const WEEK = 'test/cli/fixtures/week.yaml';
// 1.25 is exact in binary, so relative weights of 1.25 scale to exactly 1.
const FLAT_125 = 'channels.999.profile.month=[1.25,1.25,1.25,1.25,1.25,1.25,1.25,1.25,1.25,1.25,1.25,1.25]';
const offered = (sets: string[]): { mean: number; ci95: number; stdout: string } => {
  const r = cli(['run', WEEK, '--format', 'json', '--reps', '4', '--threads', '1', '--quiet', ...sets.flatMap((s) => ['--set', s])]);
  expect(r.code).toBe(0);
  const json = JSON.parse(r.stdout) as { metrics: Record<string, { mean: number; ci95: number }>; setup?: unknown };
  const m = json.metrics['queues.999.offered'];
  // The setup block lists the --set lines applied, which differ by design; every figure must not.
  delete json.setup;
  return { ...m, stdout: JSON.stringify(json) };
};

describe('month weights: relative or absolute, stated', () => {
  it('validate prints the mode and the multipliers applied, for relative (rescaled) and absolute weights', () => {
    const relative = cli(['validate', WEEK, '--set', 'channels.999.profile.month=[1,1,1,1,1,1.2,1.2,1.2,1,1,1,1]']);
    expect(relative.code).toBe(0);
    expect(relative.stdout).toContain('999 month weights: relative (mean 1.00; rescaled from mean 1.05 as written), applied as Jan 0.95,');
    expect(relative.stdout).toContain('Jul 1.14,');
    expect(relative.stdout).toMatch(/Dec 0\.95 times 1440 calls a day\n/);
    const absolute = cli(['validate', WEEK, '--set', 'channels.999.profile.month=[1,1,1,1,1,1.2,1.2,1.2,1,1,1,1]', '--set', 'channels.999.profile.monthWeights=absolute']);
    expect(absolute.code).toBe(0);
    expect(absolute.stdout).toContain('999 month weights: absolute multipliers (mean 1.05; not rescaled), applied as Jan 1.00,');
    expect(absolute.stdout).toContain('Jul 1.20,');
    // No month weights, no line.
    expect(cli(['validate', WEEK]).stdout).not.toContain('month weights');
  });

  it('relative weights of 1.25 every month change nothing (every figure byte for byte); absolute ones add 25% to the calls offered', () => {
    const flat = offered([]);
    expect(offered([FLAT_125]).stdout).toBe(flat.stdout);
    expect(offered([FLAT_125, 'channels.999.profile.monthWeights=relative']).stdout).toBe(flat.stdout);
    const absolute = offered([FLAT_125, 'channels.999.profile.monthWeights=absolute']);
    // A week at 60 calls an hour: 10,080 calls; Poisson counts, so each mean over 4 replications has
    // a standard error of sqrt(10080 / 4), about 50 (and 56 at 1.25 times the rate). Within 4 of each.
    expect(Math.abs(flat.mean - 10_080)).toBeLessThan(4 * Math.sqrt(10_080 / 4));
    expect(Math.abs(absolute.mean - 12_600)).toBeLessThan(4 * Math.sqrt(12_600 / 4));
  });

  it('bad input: an unknown mode, or a mode without month weights, exits 2 naming the field', () => {
    const unknown = cli(['validate', WEEK, '--set', FLAT_125, '--set', 'channels.999.profile.monthWeights=multiplier']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('channels.999.profile.monthWeights: expected one of "relative", "absolute", found "multiplier"');
    const alone = cli(['validate', WEEK, '--set', 'channels.999.profile.monthWeights=absolute']);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('channels.999.profile.monthWeights: expected month weights to apply (profile.month) beside it');
  });
});
