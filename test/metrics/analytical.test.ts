import { describe, expect, it } from 'vitest';
import { cobhamWaits } from '../../src/metrics/analytical/cobham.js';
import { erlangA } from '../../src/metrics/analytical/erlang-a.js';
import { erlangB, erlangC, mmc } from '../../src/metrics/analytical/erlang.js';

// Reference values: /work/shared/VALIDATION.md, to their six printed digits.
const close = (actual: number, expected: number): void => {
  expect(Math.abs(actual - expected)).toBeLessThan(5e-6 + 1e-5 * Math.abs(expected));
};

describe('analytical queueing formulas', () => {
  it('Erlang B and C reference values', () => {
    close(erlangB(20, 12), 0.009796);
    close(erlangC(5, 3.5), 0.377838);
  });

  it('M/M/c: a = 10, c = 14, t = 20 s', () => {
    const f = mmc(100 / 30, 1 / 3, 14, 20 / 60);
    close(f.waitProbability, 0.174132);
    close(f.serviceLevel, 0.88835);
    close(f.meanWait, 0.130599);
  });

  it.each([
    [10, 0.599433, 0.109438, 0.51681, 0.54719],
    [12, 0.331802, 0.042711, 0.772279, 0.213556],
    [14, 0.14526, 0.013984, 0.916792, 0.069919],
  ])('Erlang A with n = %i', (n, wait, abandon, sl, meanWait) => {
    const f = erlangA(100 / 30, 1 / 3, n, 1 / 5, 20 / 60);
    close(f.waitProbability, wait);
    close(f.abandonProbability, abandon);
    close(f.serviceLevel, sl);
    close(f.meanWait, meanWait);
  });

  it("Cobham's waits and the conservation law", () => {
    const w = cobhamWaits([0.5, 1, 2], 1, 5);
    close(w[0], 0.083964);
    close(w[1], 0.119949);
    close(w[2], 0.359846);
    const weighted = (0.5 * w[0] + 1 * w[1] + 2 * w[2]) / 3.5;
    close(weighted, 0.251892);
    close(weighted, mmc(3.5, 1, 5, 0).meanWait);
  });
});
