import { describe, expect, it } from 'vitest';
import { Exponential } from '../../src/engine/distributions.js';
import { StreamFactory } from '../../src/engine/random.js';
import type { CtmcPolicy, CtmcSystem } from '../../src/metrics/analytical/ctmc.js';
import { ctmcMeanWaits } from '../../src/metrics/analytical/ctmc-mean-waits.js';
import { mmc } from '../../src/metrics/analytical/erlang-c.js';
import { ratioBatches } from '../../src/metrics/batch-means.js';
import { controlledBatchMeansInterval, fcfsWaits, reserveWaits, type ControlledInterval } from '../../src/metrics/control-variates.js';
import { IMMEDIATE, PRIORITY } from '../../src/model/dispatch/grades.js';
import type { DispatchPolicySpec, ResolvedGrading } from '../../src/model/dispatch/types.js';
import { Harness } from '../model/dispatch/harness.js';
import { area, dispatchSpec, scenarioWith } from '../model/dispatch/scenarios.js';
import { checkControlled, checkControls } from './controlled-check.js';

/**
 * Dispatch policies against the exact CTMC oracle: Poisson incidents in one area of 5 units,
 * travel 0 and exponential time on scene (mean 60 min), so the area is a 5-server Markovian queue
 * with two classes (Immediate, Priority) and no abandonment. gradeFirst is strict priority;
 * cutOffReserve with k units is the oracle's reserve policy (Priority dispatched only while more
 * than k units are free). One long run, 30 batch means, 99.9%, with approximating-system control
 * variates computed from the drawn arrivals, grades and times on scene only, never from the model's
 * outputs. gradeFirst: the mean wait the same incidents would have with the 5 units first come,
 * first served, and the share of them that would find all 5 busy there (Erlang C's mean wait and
 * P(wait)). cutOffReserve: the wait each incident would have in two shadow areas run by the same
 * reserve rule (`reserveWaits`, an independent recursion), with every time on scene 2% shorter
 * in one and 2% longer in the other; their mean waits are the oracle's for those rates. The
 * first-come-first-served controls remove little here (the reserve idles a unit, which that queue
 * never does); unscaled, the shadow would be the model itself, incident by incident (seen once
 * while writing this test), so it brackets the model instead.
 */
const RATES = { immediate: 1.5, priority: 2 }; // per hour; load 3.5 on 5 units
const WARMUP_HOURS = 100;
/** The shadow areas' times on scene, as multiples of the drawn ones (cutOffReserve's controls). */
const SHADOW_SCALES = [0.98, 1.02];

/** The area of 5 units as the oracle sees it, times on scene `scale` × 60 min, in minutes. */
function area5(policy: CtmcPolicy, scale = 1): CtmcSystem {
  return {
    handlers: 5,
    classes: [
      { arrivalRate: RATES.immediate / 60, serviceRate: 1 / (60 * scale), abandonRate: 0, targetSeconds: 15 },
      { arrivalRate: RATES.priority / 60, serviceRate: 1 / (60 * scale), abandonRate: 0, targetSeconds: 60 },
    ],
    policy,
    maxQueue: 60,
  };
}

/** Mean waits per grade (minutes) in that area. Truncation at 60 waiting per grade must lose under 1e-6 of arrivals: a bias far below the interval. */
function oracleWaits(policy: CtmcPolicy, scale = 1): number[] {
  const exact = ctmcMeanWaits(area5(policy, scale));
  exact.lossProbability.forEach((p) => expect(p).toBeLessThan(1e-6));
  return exact.meanWaitAll;
}

function simulate(policy: DispatchPolicySpec, seed: number, hours: number): { immediate: ControlledInterval; priority: ControlledInterval } {
  const total = RATES.immediate + RATES.priority;
  const grading: ResolvedGrading = {
    needByChannel: [{ immediate: RATES.immediate / total, priority: RATES.priority / total }, null], needByQueue: [null, null], flags: { repeat: 0, vulnerable: 0 },
    thrive: 1, recogniseRepeat: 1, recogniseVulnerable: 1, undergradeIfMissed: 0,
  };
  const spec = dispatchSpec([area('A', 5)], { policy, onSceneMinutes: { immediate: { exponential: { mean: 60 } }, priority: { exponential: { mean: 60 } } } });
  const h = new Harness(scenarioWith(spec, grading, hours), { seed, attendedOnly: true, traceUnits: false });
  const gap = new Exponential(3600 / total);
  const arrivals = new StreamFactory(seed, 0).stream('test.arrivals');
  // Every incident in arrival order (warm-up included, for the shadow areas): instant, grade
  // given, drawn time on scene; the counted ones start at `firstCounted`.
  const allArrivedAt: number[] = [];
  const allGrade: number[] = [];
  const allOnScene: number[] = [];
  let firstCounted = -1;
  const arrive = (): void => {
    const now = h.sim.now;
    const counted = now >= WARMUP_HOURS * 3600;
    const caller = h.centre.drawCaller(0, -1);
    h.centre.callHandled(caller, now, now, counted);
    if (counted && firstCounted < 0) firstCounted = allArrivedAt.length;
    allArrivedAt.push(now);
    allGrade.push(caller.givenIndex);
    allOnScene.push(caller.onSceneSeconds);
    h.sim.schedule(now + gap.sample(arrivals), arrive, null);
  };
  h.sim.schedule(gap.sample(arrivals), arrive, null);
  h.run(hours * 3600);
  const arrivedAt = allArrivedAt.slice(firstCounted);
  const grade = allGrade.slice(firstCounted);
  const lambda = total / 3600;
  const erlangC = mmc(lambda, 1 / 3600, 5, 0);
  const keep = policy.kind === 'cutOffReserve' ? Number(policy.reserveUnits) : -1;
  // gradeFirst: the same incidents with the 5 units first come, first served (counted ones only).
  const fcfs = keep < 0 ? fcfsWaits(arrivedAt, allOnScene.slice(firstCounted), 5) : new Float64Array(0);
  // cutOffReserve: the shadow areas, fed from the first incident like the model, and their oracle.
  const shadows = keep < 0 ? [] : SHADOW_SCALES.map((scale) => ({
    scale,
    waits: reserveWaits(allArrivedAt, allGrade, allOnScene.map((x) => x * scale), 5, keep).subarray(firstCounted),
    exact: oracleWaits({ kind: 'reserve', protectedClass: 0, keep }, scale),
  }));
  const interval = (name: 'immediate' | 'priority', g: number): ControlledInterval => {
    // Waits for a unit in minutes, in order of attendance: within a grade that is arrival order
    // (first come, first served), which the instants confirm.
    const mine = arrivedAt.flatMap((_, i) => (grade[i] === g ? [i] : []));
    const waits: number[] = [];
    let misaligned = 0;
    for (const r of h.monitor.incidents) {
      if (r.kind !== 'attended' || !r.counted || r.given !== name) continue;
      if (!(Math.abs(r.at - r.seconds - arrivedAt[mine[waits.length]]) < 1e-6)) misaligned++;
      waits.push(r.seconds / 60);
    }
    expect(misaligned, `${name}: attendances out of arrival order`).toBe(0);
    const ones = new Float64Array(waits.length).fill(1);
    const control = (value: (i: number) => number, mean: number): number[] => ratioBatches(mine.slice(0, waits.length).map(value), ones, 30).map((x) => x - mean);
    if (keep >= 0) {
      const controls = shadows.map((sh) => control((i) => sh.waits[i] / 60, sh.exact[g]));
      checkControls(name, controls, shadows.map((sh) => `wait, shadow area with times on scene × ${sh.scale}`));
      return controlledBatchMeansInterval(ratioBatches(waits, ones, 30), controls);
    }
    const controls = [
      control((i) => fcfs[i] / 60, erlangC.meanWait / 60),
      // Whether it found all 5 units busy in that queue: Erlang C's P(wait).
      control((i) => (fcfs[i] > 0 ? 1 : 0), erlangC.waitProbability),
    ];
    checkControls(name, controls, ['wait, 5 units first come, first served', 'all 5 units busy, first come, first served']);
    return controlledBatchMeansInterval(ratioBatches(waits, ones, 30), controls);
  };
  return { immediate: interval('immediate', IMMEDIATE), priority: interval('priority', PRIORITY) };
}

describe('dispatch policies against the exact CTMC oracle (batch means with control variates, 99.9%)', () => {
  it.each([
    // About 2.8 million incidents: relative half-widths 0.86% and 0.44% (1.96% and 3.9% without controls).
    ['gradeFirst', { kind: 'gradeFirst' } as DispatchPolicySpec, { kind: 'strictPriority' } as const, 81, 800_000, [0.01, 0.01]],
    // About 2.1 million incidents, shadow-area controls: relative half-widths 0.70% and 0.30%
    // (2.9% and 4.0% without controls; the first-come-first-served controls gave only 2.3% and 1.4%).
    ['cutOffReserve, 1 unit kept for Immediate', { kind: 'cutOffReserve', reserveUnits: 1 } as DispatchPolicySpec, { kind: 'reserve', protectedClass: 0, keep: 1 } as const, 82, 600_000, [0.01, 0.01]],
  ] as const)('%s: mean wait for a unit per grade', (_, policy, oraclePolicy, seed, hours, guard) => {
    const exact = oracleWaits(oraclePolicy);
    const sim = simulate(policy, seed, hours);
    checkControlled('Immediate mean wait (min)', sim.immediate, exact[0], guard[0]);
    checkControlled('Priority mean wait (min)', sim.priority, exact[1], guard[1]);
  });
});
