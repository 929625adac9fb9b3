import { describe, expect, it } from 'vitest';
import { cobhamWaits } from '../../../src/metrics/analytical/cobham.js';
import { ctmcFigures } from '../../../src/metrics/analytical/ctmc.js';
import { ctmcMeanWaits } from '../../../src/metrics/analytical/ctmc-mean-waits.js';
import { erlangA } from '../../../src/metrics/analytical/erlang-a.js';
import { mmc } from '../../../src/metrics/analytical/erlang-c.js';

// The oracle must reproduce every closed form it generalizes, to the truncation and solver
// tolerance (relative 1e-7 here: queues truncated far beyond where any probability remains).
const close = (a: number, b: number, rel = 1e-7): void => expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.max(Math.abs(b), 1e-12));

describe('CTMC oracle against the closed forms it generalizes', () => {
  it.each([10, 12, 14])('one class with patience is Erlang A (VALIDATION.md reference, n = %i)', (n) => {
    const f = ctmcFigures({ handlers: n, classes: [{ arrivalRate: 100 / 30, serviceRate: 1 / 3, abandonRate: 1 / 5, targetSeconds: 1 / 3 }], policy: { kind: 'strictPriority' }, maxQueue: 120 });
    const a = erlangA(100 / 30, 1 / 3, n, 1 / 5, 1 / 3);
    const k = f.classes[0];
    close(k.waitProbability, a.waitProbability);
    close(k.abandonProbability, a.abandonProbability);
    close(k.abandonProbabilityTagged, a.abandonProbability);
    close(k.serviceLevel, a.serviceLevel);
    close(k.meanWaitAll, a.meanWait);
    expect(k.lossProbability).toBeLessThan(1e-15);
  });

  it('one class without patience is Erlang C (λ = 200/h, mean handle 180 s, c = 14, t = 20 s)', () => {
    const f = ctmcFigures({ handlers: 14, classes: [{ arrivalRate: 200 / 3600, serviceRate: 1 / 180, abandonRate: 0, targetSeconds: 20 }], policy: { kind: 'strictPriority' }, maxQueue: 200 });
    const c = mmc(200 / 3600, 1 / 180, 14, 20);
    const k = f.classes[0];
    close(k.waitProbability, c.waitProbability);
    close(k.serviceLevel, c.serviceLevel);
    close(k.meanWaitAll, c.meanWait);
    close(k.meanWaitAnswered, c.meanWait);
    close(f.occupancy, c.occupancy);
  });

  it("two classes under strict priority without patience are Cobham's waits (λ = 1, 2.5; μ = 1; c = 5)", () => {
    const f = ctmcFigures({
      handlers: 5,
      classes: [
        { arrivalRate: 1, serviceRate: 1, abandonRate: 0, targetSeconds: 0.1 },
        { arrivalRate: 2.5, serviceRate: 1, abandonRate: 0, targetSeconds: 0.1 },
      ],
      policy: { kind: 'strictPriority' },
      maxQueue: 90,
    });
    const w = cobhamWaits([1, 2.5], 1, 5);
    close(f.classes[0].meanWaitAll, w[0], 1e-6);
    close(f.classes[1].meanWaitAll, w[1], 1e-6);
    // Both classes see the same P(wait) (all handlers busy) under a work-conserving policy.
    close(f.classes[0].waitProbability, f.classes[1].waitProbability);
  });

  it('reserve with keep = 0 is strict priority; with keep >= 1 the protected class waits less', () => {
    const classes = [
      { arrivalRate: 0.8, serviceRate: 1, abandonRate: 0.5, targetSeconds: 0.2 },
      { arrivalRate: 2, serviceRate: 0.8, abandonRate: 0.3, targetSeconds: 0.5 },
    ];
    const strict = ctmcFigures({ handlers: 4, classes, policy: { kind: 'strictPriority' } });
    const keep0 = ctmcFigures({ handlers: 4, classes, policy: { kind: 'reserve', protectedClass: 0, keep: 0 } });
    const keep1 = ctmcFigures({ handlers: 4, classes, policy: { kind: 'reserve', protectedClass: 0, keep: 1 } });
    strict.classes.forEach((c, k) => {
      close(keep0.classes[k].serviceLevel, c.serviceLevel, 1e-9);
      close(keep0.classes[k].abandonProbability, c.abandonProbability, 1e-9);
    });
    expect(keep1.classes[0].waitProbability).toBeLessThan(strict.classes[0].waitProbability);
    expect(keep1.classes[1].abandonProbability).toBeGreaterThan(strict.classes[1].abandonProbability);
    // Two routes to P(abandon): Little on the stationary chain, and the tagged caller's chain.
    keep1.classes.forEach((c) => close(c.abandonProbabilityTagged, c.abandonProbability, 1e-8));
  });

  it('bad input names the field', () => {
    expect(() => ctmcFigures({ handlers: 0, classes: [{ arrivalRate: 1, serviceRate: 1, abandonRate: 0, targetSeconds: 0 }], policy: { kind: 'strictPriority' } })).toThrow(/handlers/);
    expect(() => ctmcFigures({ handlers: 2, classes: [{ arrivalRate: 1, serviceRate: -1, abandonRate: 0, targetSeconds: 0 }], policy: { kind: 'strictPriority' } })).toThrow(/classes\[0\]\.serviceRate/);
  });
});

describe('CTMC mean waits alone (ctmcMeanWaits)', () => {
  it('gives ctmcFigures\' mean waits and losses, reserve and strict priority, a queue truncated where losses show', () => {
    for (const policy of [{ kind: 'reserve', protectedClass: 0, keep: 1 } as const, { kind: 'strictPriority' } as const]) {
      const system = {
        handlers: 3,
        classes: [
          { arrivalRate: 0.8, serviceRate: 0.5, abandonRate: 0, targetSeconds: 1 },
          { arrivalRate: 0.6, serviceRate: 0.5, abandonRate: 0.1, targetSeconds: 1 },
        ],
        policy,
        maxQueue: 12,
      };
      const full = ctmcFigures(system);
      const cheap = ctmcMeanWaits(system);
      full.classes.forEach((c, k) => {
        close(cheap.meanWaitAll[k], c.meanWaitAll, 1e-12);
        close(cheap.lossProbability[k], c.lossProbability, 1e-12);
      });
      expect(Math.max(...cheap.lossProbability)).toBeGreaterThan(1e-6);
    }
  });
});
