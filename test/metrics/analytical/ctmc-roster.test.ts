import { describe, expect, it } from 'vitest';
import { rosterFigures } from '../../../src/metrics/analytical/ctmc-roster.js';
import { gaussLegendre, servedWithinVector, taggedAtChange } from '../../../src/metrics/analytical/roster-service-level.js';

const QUEUE = { arrivalRate: 200 / 3600, serviceRate: 1 / 180, abandonRate: 1 / 300 };

describe('roster oracle: service level by the tagged caller', () => {
  it('a roster change of nothing changes nothing: carrying the tagged caller a then b seconds equals a + b seconds', () => {
    const W = 21;
    const direct = servedWithinVector({ ...QUEUE, hourlyHeadcount: [] }, 4, 6, W, 25, null);
    const split = taggedAtChange({ ...QUEUE, hourlyHeadcount: [] }, 4, 4, 6, W, 10, 15);
    // States a waiting caller can meet: at least the 4 rostered handlers busy.
    for (let i = 4 * W; i < direct.length; i++) expect(Math.abs(direct[i] - split[i])).toBeLessThan(1e-12);
  });

  it('at a rise of the roster the new handlers take the tagged caller when enough come for the callers ahead too', () => {
    const W = 11;
    const v = taggedAtChange({ ...QUEUE, hourlyHeadcount: [] }, 3, 6, 6, W, 0, 5);
    // Three busy, three new handlers: 0, 1 or 2 callers ahead means the tagged caller is taken at once.
    [0, 1, 2].forEach((j) => expect(v[3 * W + j]).toBe(1));
    expect(v[3 * W + 3]).toBeLessThan(1);
  });

  it('target 0 gives the share answered at once (1 − P(wait)); the service level rises with the target', () => {
    const roster = [...Array(8).fill(9), ...Array(8).fill(12), ...Array(8).fill(10)];
    const at = (t: number): number => rosterFigures({ ...QUEUE, hourlyHeadcount: roster, maxQueue: 40, targetSeconds: t }).serviceLevel;
    const zero = rosterFigures({ ...QUEUE, hourlyHeadcount: roster, maxQueue: 40, targetSeconds: 0 });
    expect(Math.abs(zero.serviceLevel - (1 - zero.waitProbability))).toBeLessThan(1e-12);
    const [s10, s60] = [at(10), at(60)];
    expect(s10).toBeGreaterThan(zero.serviceLevel);
    expect(s60).toBeGreaterThan(s10);
    expect(s60).toBeLessThan(1 - zero.abandonProbability);
  });

  it('Gauss-Legendre nodes integrate polynomials of degree 2m − 1 exactly', () => {
    const nodes = gaussLegendre(16);
    expect(nodes.reduce((s, n) => s + n.weight, 0)).toBeCloseTo(2, 13);
    // ∫_{-1}^{1} x^30 dx = 2/31.
    expect(nodes.reduce((s, n) => s + n.weight * n.x ** 30, 0)).toBeCloseTo(2 / 31, 13);
    expect(() => rosterFigures({ ...QUEUE, hourlyHeadcount: Array(24).fill(10), targetSeconds: 3600 })).toThrow(/targetSeconds/);
  });
});
