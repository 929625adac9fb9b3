import { describe, expect, it } from 'vitest';
import { cobhamConservation, cobhamWaits } from '../../../src/metrics/analytical/cobham.js';
import { erlangCMeanWait } from '../../../src/metrics/analytical/erlang-c.js';
import { expectPrinted } from './printed.js';

describe('Cobham non-preemptive priority M/M/c', () => {
  it('reference: λ = (0.5, 1, 2), μ = 1, c = 5: W = (0.083964, 0.119949, 0.359846), weighted 0.251892', () => {
    const w = cobhamWaits([0.5, 1, 2], 1, 5);
    expectPrinted(w[0], '0.083964');
    expectPrinted(w[1], '0.119949');
    expectPrinted(w[2], '0.359846');
    const { weightedWait, erlangCWait } = cobhamConservation([0.5, 1, 2], 1, 5);
    expectPrinted(weightedWait, '0.251892');
    expect(weightedWait).toBeCloseTo(erlangCWait, 14);
  });

  it('one class is Erlang C; conservation holds for any split of the same total', () => {
    expect(cobhamWaits([3], 1, 4)[0]).toBeCloseTo(erlangCMeanWait(3, 1, 4), 14);
    for (const split of [[0.1, 2.9], [1, 1, 1], [2.5, 0.25, 0.25]]) {
      const { weightedWait, erlangCWait } = cobhamConservation(split, 1, 4);
      expect(weightedWait).toBeCloseTo(erlangCWait, 13);
    }
  });

  it('higher classes never wait longer than lower ones; a class at saturation waits for ever', () => {
    const w = cobhamWaits([1, 1, 1], 1, 4);
    expect(w[0]).toBeLessThan(w[1]);
    expect(w[1]).toBeLessThan(w[2]);
    expect(cobhamWaits([2, 3], 1, 4)[1]).toBe(Infinity);
  });
});
