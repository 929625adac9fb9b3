import { describe, expect, it } from 'vitest';
import { erlangC, erlangCMeanWait, erlangCServiceLevel, mmc } from '../../../src/metrics/analytical/erlang-c.js';
import { expectPrinted } from './printed.js';

// VALIDATION.md: λ = 100/30 per minute, 1/μ = 3 minutes (a = 10), c = 14, t = 20 s = 1/3 minute.
const LAMBDA = 100 / 30;
const MU = 1 / 3;

describe('Erlang C', () => {
  it('reference: C(5, 3.5) = 0.377838', () => {
    expectPrinted(erlangC(5, 3.5), '0.377838');
  });

  it('reference: a = 10, c = 14: P(wait) 0.174132, SL(20 s) 0.888350, mean wait 0.130599 min', () => {
    expectPrinted(erlangC(14, 10), '0.174132');
    expectPrinted(erlangCServiceLevel(LAMBDA, MU, 14, 1 / 3), '0.888350');
    expectPrinted(erlangCMeanWait(LAMBDA, MU, 14), '0.130599');
    const f = mmc(LAMBDA, MU, 14, 1 / 3);
    expectPrinted(f.waitProbability, '0.174132');
    expectPrinted(f.serviceLevel, '0.888350');
    expectPrinted(f.meanWait, '0.130599');
    expect(f.occupancy).toBeCloseTo(10 / 14, 15);
  });

  it('M/M/1: P(wait) = ρ and mean wait ρ/(μ − λ)', () => {
    expect(erlangC(1, 0.6)).toBeCloseTo(0.6, 15);
    expect(erlangCMeanWait(0.6, 1, 1)).toBeCloseTo(0.6 / 0.4, 14);
  });

  it('at or beyond capacity every caller waits, the mean wait is infinite and SL is 0', () => {
    expect(erlangC(5, 5)).toBe(1);
    expect(erlangCMeanWait(5, 1, 5)).toBe(Infinity);
    expect(erlangCServiceLevel(6, 1, 5, 10)).toBe(0);
  });
});
