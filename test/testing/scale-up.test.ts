import { describe, expect, it } from 'vitest';
import { erlangCServiceLevel, predictedServiceLevel, scaleRatesAndStaff, scaleUpServiceLevel, sharedPool, singleQueue } from '../../src/testing/index.js';

const HANDLE = { exponential: { mean: 120 } };

describe('scale-up relation: all rates and staff times k', () => {
  it('M/M/4 to M/M/8: the service level rises by the change Erlang C predicts, within the replications\' noise', () => {
    // 100 calls an hour of mean 120 s on 4 handlers (3.33 erlangs, 83% occupancy), target 20 s.
    const base = singleQueue({ perHour: 100, staff: 4, handle: HANDLE, targetSeconds: 20, hours: 48, warmupHours: 1, seed: 3 });
    const check = scaleUpServiceLevel(base, 2, { replications: 10 });
    const predicted = erlangCServiceLevel(200 / 3600, 1 / 120, 8, 20) - erlangCServiceLevel(100 / 3600, 1 / 120, 4, 20);
    expect(check.predictedChange).toBeCloseTo(predicted, 12);
    // Economies of scale: the prediction is a rise of several points, not "unchanged".
    expect(predicted).toBeGreaterThan(0.1);
    expect(check.notFallen).toBe(true);
    expect(check.matchesPrediction).toBe(true);
    // The tolerance is narrow enough to refuse the naive relation "the service level stays the same".
    expect(check.tolerance).toBeLessThan(predicted / 3);
    expect(Math.abs(check.change.mean)).toBeGreaterThan(check.tolerance);
  });

  it('M/M/4+M to M/M/12+M: Erlang A predicts the rise when callers abandon', () => {
    const base = singleQueue({ perHour: 100, staff: 4, handle: HANDLE, patience: { exponential: { mean: 180 } }, targetSeconds: 20, hours: 48, warmupHours: 1, seed: 4 });
    const check = scaleUpServiceLevel(base, 3, { replications: 10 });
    expect(check.predictedChange).toBeGreaterThan(0.1);
    expect(check.notFallen).toBe(true);
    expect(check.matchesPrediction).toBe(true);
  });

  it('beyond M/M/c (lognormal handle times) there is no formula: only "does not fall" is judged', () => {
    const base = singleQueue({ perHour: 100, staff: 4, handle: { lognormal: { mean: 120, cv: 1.5 } }, targetSeconds: 20, hours: 48, warmupHours: 1, seed: 5 });
    const check = scaleUpServiceLevel(base, 2, { replications: 10 });
    expect(check.predictedChange).toBeNull();
    expect(check.matchesPrediction).toBeNull();
    expect(check.notFallen).toBe(true);
  });

  it('scaleRatesAndStaff multiplies rates and headcounts, and refuses what the relation is not stated for', () => {
    const base = singleQueue({ perHour: 100, staff: 4, handle: HANDLE, hours: 2 });
    const scaled = scaleRatesAndStaff(base, 2.5);
    expect(scaled.channels[0].rate.perHour).toBe(250);
    expect(scaled.handlers.pools[0].roster).toEqual({ constant: 10 });
    expect(scaled.queues).toEqual(base.queues);
    expect(predictedServiceLevel(scaled)).toBeCloseTo(erlangCServiceLevel(250 / 3600, 1 / 120, 10, 10), 12);
    expect(() => scaleRatesAndStaff(singleQueue({ perHour: 100, staff: 3, handle: HANDLE, hours: 2 }), 1.5)).toThrow(/whole number of handlers, found 4\.5/);
    const two = sharedPool({ classes: [{ name: 'a', perHour: 10, handle: HANDLE }, { name: 'b', perHour: 10, handle: HANDLE }], staff: 2, hours: 2 });
    expect(() => scaleRatesAndStaff(two, 2)).toThrow(/one queue served by one pool/);
  });
});
