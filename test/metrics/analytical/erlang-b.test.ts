import { describe, expect, it } from 'vitest';
import { erlangB } from '../../../src/metrics/analytical/erlang-b.js';
import { expectPrinted } from './printed.js';

describe('erlangB', () => {
  it('reference: B(20, 12) = 0.009796 (VALIDATION.md)', () => {
    expectPrinted(erlangB(20, 12), '0.009796');
  });

  it('closed forms: B(0, a) = 1, B(1, a) = a/(1+a), B(2, a) = (a²/2)/(1 + a + a²/2)', () => {
    expect(erlangB(0, 3)).toBe(1);
    expect(erlangB(1, 3)).toBeCloseTo(3 / 4, 15);
    expect(erlangB(2, 3)).toBeCloseTo(4.5 / 8.5, 15);
  });

  it('stays finite and tiny for many servers under light load', () => {
    const b = erlangB(10_000, 100);
    expect(b).toBeGreaterThanOrEqual(0);
    expect(b).toBeLessThan(1e-300);
  });

  it('rejects fractional servers and negative loads with a message', () => {
    expect(() => erlangB(2.5, 1)).toThrow(/servers must be a whole number/);
    expect(() => erlangB(2, -1)).toThrow(/offered load/);
  });
});
