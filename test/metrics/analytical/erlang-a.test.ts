import { describe, expect, it } from 'vitest';
import { erlangA } from '../../../src/metrics/analytical/erlang-a.js';
import { erlangC, erlangCMeanWait, erlangCServiceLevel } from '../../../src/metrics/analytical/erlang-c.js';
import { expectPrinted } from './printed.js';

// VALIDATION.md: λ = 100/30 per minute, 1/μ = 3 min, mean patience 5 min, t = 20 s (minutes throughout).
describe('Erlang A (Garnett, Mandelbaum and Reiman)', () => {
  it.each([
    [10, '0.599433', '0.109438', '0.516810', '0.547190'],
    [12, '0.331802', '0.042711', '0.772279', '0.213556'],
    [14, '0.145260', '0.013984', '0.916792', '0.069919'],
  ])('reference with n = %i: P(wait) %s, P(abandon) %s, SL(20 s) %s, mean wait %s min', (n, wait, abandon, sl, meanWait) => {
    const f = erlangA(100 / 30, 1 / 3, n, 1 / 5, 1 / 3);
    expectPrinted(f.waitProbability, wait);
    expectPrinted(f.abandonProbability, abandon);
    expectPrinted(f.serviceLevel, sl);
    expectPrinted(f.meanWait, meanWait);
  });

  it('very patient callers (θ = 1e-7·μ, x and y near 1e9) give Erlang C for 100 handlers at 90 erlangs', () => {
    const mu = 1;
    const f = erlangA(90, mu, 100, 1e-7, 0.05);
    // The correction is of order θ × mean wait relative: about 1e-8 here.
    expect(Math.abs(f.waitProbability - erlangC(100, 90)) / erlangC(100, 90)).toBeLessThan(1e-5);
    expect(Math.abs(f.serviceLevel - erlangCServiceLevel(90, mu, 100, 0.05))).toBeLessThan(1e-5);
    expect(Math.abs(f.meanWait - erlangCMeanWait(90, mu, 100)) / erlangCMeanWait(90, mu, 100)).toBeLessThan(1e-5);
  });

  it('thousands of handlers stay finite: 5,000 handlers, ρ = 0.98, mean patience 10 handle times', () => {
    const f = erlangA(4900, 1, 5000, 0.1, 0.01);
    for (const v of Object.values(f)) expect(Number.isFinite(v)).toBe(true);
    expect(f.waitProbability).toBeGreaterThan(0);
    expect(f.waitProbability).toBeLessThan(1);
    expect(f.abandonProbability).toBeLessThan(f.waitProbability);
    expect(f.serviceLevel).toBeGreaterThan(1 - f.waitProbability);
  });

  it('overload with patient callers tends to the fluid limit: P(abandon) → 1 − 1/ρ (ρ = 1.25, n = 2000)', () => {
    const f = erlangA(2500, 1, 2000, 0.01, 1);
    expect(f.waitProbability).toBeGreaterThan(0.999);
    // The fluid limit is exact up to O(1/√n) relative: 1/√2000 ≈ 0.022 of 0.2.
    expect(Math.abs(f.abandonProbability - 0.2)).toBeLessThan(0.2 * 0.03);
  });

  it('identities: mean wait = P(abandon)/θ; SL(0) = 1 − P(wait); SL grows with t towards 1 − P(abandon)', () => {
    const theta = 1 / 5;
    const at = (t: number) => erlangA(100 / 30, 1 / 3, 12, theta, t);
    const f = at(1 / 3);
    expect(f.meanWait).toBeCloseTo(f.abandonProbability / theta, 14);
    expect(at(0).serviceLevel).toBeCloseTo(1 - f.waitProbability, 14);
    expect(at(1).serviceLevel).toBeGreaterThan(f.serviceLevel);
    expect(Math.abs(at(1e4).serviceLevel - (1 - f.abandonProbability))).toBeLessThan(1e-12);
  });

  it('rejects a zero patience rate with a message pointing to Erlang C', () => {
    expect(() => erlangA(1, 1, 2, 0, 1)).toThrow(/Erlang C/);
  });
});
