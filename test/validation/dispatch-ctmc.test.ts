import { describe, expect, it } from 'vitest';
import { Exponential } from '../../src/engine/distributions.js';
import { StreamFactory } from '../../src/engine/random.js';
import { ctmcFigures } from '../../src/metrics/analytical/ctmc.js';
import { batchMeansInterval, ratioBatches, type BatchMeansInterval } from '../../src/metrics/batch-means.js';
import type { DispatchPolicySpec, ResolvedGrading } from '../../src/model/dispatch/types.js';
import { Harness } from '../model/dispatch/harness.js';
import { area, dispatchSpec, scenarioWith } from '../model/dispatch/scenarios.js';

/**
 * Dispatch policies against the exact CTMC oracle: Poisson incidents in one area of 5 units,
 * travel 0 and exponential time on scene (mean 60 min), so the area is a 5-server Markovian queue
 * with two classes (Immediate, Priority) and no abandonment. gradeFirst is strict priority;
 * cutOffReserve with k units is the oracle's reserve policy (Priority dispatched only while more
 * than k units are free). One long run of about 2 million incidents, 30 batch means, 99.9%.
 */
const RATES = { immediate: 1.5, priority: 2 }; // per hour; load 3.5 on 5 units
const HOURS = 600_000;

function simulate(policy: DispatchPolicySpec, seed: number): { immediate: BatchMeansInterval; priority: BatchMeansInterval } {
  const total = RATES.immediate + RATES.priority;
  const grading: ResolvedGrading = {
    needByChannel: [{ immediate: RATES.immediate / total, priority: RATES.priority / total }, null], needByQueue: [null, null], flags: { repeat: 0, vulnerable: 0 },
    thrive: 1, recogniseRepeat: 1, recogniseVulnerable: 1, undergradeIfMissed: 0,
  };
  const spec = dispatchSpec([area('A', 5)], { policy, onSceneMinutes: { immediate: { exponential: { mean: 60 } }, priority: { exponential: { mean: 60 } } } });
  const h = new Harness(scenarioWith(spec, grading, HOURS), { seed, attendedOnly: true, traceUnits: false });
  const gap = new Exponential(3600 / total);
  const arrivals = new StreamFactory(seed, 0).stream('test.arrivals');
  const arrive = (): void => {
    const now = h.sim.now;
    h.centre.callHandled(h.centre.drawCaller(0, -1), now, now, now >= 100 * 3600);
    h.sim.schedule(now + gap.sample(arrivals), arrive, null);
  };
  h.sim.schedule(gap.sample(arrivals), arrive, null);
  h.run(HOURS * 3600);
  // Waits in minutes per grade, in order of attendance.
  const waits = { immediate: [] as number[], priority: [] as number[] };
  for (const r of h.monitor.incidents) {
    if (r.kind === 'attended' && r.counted && (r.given === 'immediate' || r.given === 'priority')) waits[r.given].push(r.seconds / 60);
  }
  const interval = (w: number[]): BatchMeansInterval => batchMeansInterval(ratioBatches(w, new Float64Array(w.length).fill(1), 30));
  return { immediate: interval(waits.immediate), priority: interval(waits.priority) };
}

function check(what: string, i: BatchMeansInterval, exact: number, maxRelative: number): void {
  const line = `${what}: sim ${i.mean} ± ${i.halfWidth} (relative ${i.relativeHalfWidth}, lag-1 ${i.lag1}), exact ${exact}`;
  expect(i.relativeHalfWidth, line).toBeLessThanOrEqual(maxRelative);
  expect(Math.abs(i.lag1), line).toBeLessThanOrEqual(i.lag1Bound);
  expect(Math.abs(i.mean - exact), line).toBeLessThanOrEqual(i.halfWidth);
}

describe('dispatch policies against the exact CTMC oracle (batch means, 99.9%)', () => {
  it.each([
    ['gradeFirst', { kind: 'gradeFirst' } as DispatchPolicySpec, { kind: 'strictPriority' } as const, 81],
    ['cutOffReserve, 1 unit kept for Immediate', { kind: 'cutOffReserve', reserveUnits: 1 } as DispatchPolicySpec, { kind: 'reserve', protectedClass: 0, keep: 1 } as const, 82],
  ])('%s: mean wait for a unit per grade', (_, policy, oraclePolicy, seed) => {
    const exact = ctmcFigures({
      handlers: 5,
      classes: [
        { arrivalRate: RATES.immediate / 60, serviceRate: 1 / 60, abandonRate: 0, targetSeconds: 15 },
        { arrivalRate: RATES.priority / 60, serviceRate: 1 / 60, abandonRate: 0, targetSeconds: 60 },
      ],
      policy: oraclePolicy,
      maxQueue: 60,
    });
    // Truncation at 60 waiting per grade loses under 1e-6 of arrivals: a bias far below the interval.
    exact.classes.forEach((c) => expect(c.lossProbability).toBeLessThan(1e-6));
    const sim = simulate(policy, seed);
    // 2 million incidents give relative half-widths of about 2% and 4% (waits for a unit come in
    // long busy periods of hour-long jobs; 1% would need about 30 million incidents).
    check('Immediate mean wait (min)', sim.immediate, exact.classes[0].meanWaitAll, 0.03);
    check('Priority mean wait (min)', sim.priority, exact.classes[1].meanWaitAll, 0.05);
  });
});
