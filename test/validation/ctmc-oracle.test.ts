import { describe, expect, it } from 'vitest';
import { ctmcFigures, type CtmcFigures } from '../../src/metrics/analytical/ctmc.js';
import type { BatchMeansInterval } from '../../src/metrics/batch-means.js';
import type { QueueSelectionSpec } from '../../src/model/resolved.js';
import { RandomStream } from '../../src/engine/random.js';
import { runLong } from '../support/call-table.js';
import { sharedPool } from '../support/scenarios.js';

/** A class as the test writes it: per minute and minutes, like VALIDATION.md. */
interface ClassSpec {
  name: string;
  perMinute: number;
  handleMinutes: number;
  patienceMinutes: number;
  targetSeconds: number;
}

interface Case {
  label: string;
  handlers: number;
  classes: ClassSpec[];
  /** 'strict' or the reserve's keep (the first class protected). */
  policy: 'strict' | { keep: number };
  hours: number;
  seed: number;
}

function oracle(c: Case): CtmcFigures {
  return ctmcFigures({
    handlers: c.handlers,
    classes: c.classes.map((k) => ({ arrivalRate: k.perMinute / 60, serviceRate: 1 / (60 * k.handleMinutes), abandonRate: 1 / (60 * k.patienceMinutes), targetSeconds: k.targetSeconds })),
    policy: c.policy === 'strict' ? { kind: 'strictPriority' } : { kind: 'reserve', protectedClass: 0, keep: c.policy.keep },
    maxQueue: 50,
  });
}

function simulate(c: Case) {
  const order = c.classes.map((k) => k.name);
  const policy: QueueSelectionSpec = c.policy === 'strict' ? { kind: 'strictPriority', order } : { kind: 'reserve', order, queue: order[0], keep: c.policy.keep };
  const scenario = sharedPool({
    classes: c.classes.map((k) => ({
      name: k.name, perHour: 60 * k.perMinute, handle: { exponential: { mean: 60 * k.handleMinutes } },
      patience: { exponential: { mean: 60 * k.patienceMinutes } }, targetSeconds: k.targetSeconds,
    })),
    staff: c.handlers, hours: c.hours, warmupHours: 5, seed: c.seed, policy,
  });
  return runLong(scenario);
}

const HELD_IN: Case[] = [
  {
    label: 'strict priority, 4 handlers, two classes at 98% load',
    handlers: 4,
    classes: [
      { name: 'emergency', perMinute: 1.2, handleMinutes: 2, patienceMinutes: 3, targetSeconds: 10 },
      { name: 'non-emergency', perMinute: 1.0, handleMinutes: 1.5, patienceMinutes: 2, targetSeconds: 60 },
    ],
    policy: 'strict',
    hours: 36_000,
    seed: 31,
  },
  {
    label: 'reserve keep 1, same room',
    handlers: 4,
    classes: [
      { name: 'emergency', perMinute: 1.2, handleMinutes: 2, patienceMinutes: 3, targetSeconds: 10 },
      { name: 'non-emergency', perMinute: 1.0, handleMinutes: 1.5, patienceMinutes: 2, targetSeconds: 60 },
    ],
    policy: { keep: 1 },
    hours: 44_000,
    seed: 32,
  },
];

/**
 * Parameter sets drawn at random (fixed seed) and kept when every class abandons at least 7% and
 * answers at least 20% within target, so each measure is large enough for a 1% relative interval
 * in a few million calls. The run length is sized from the smallest class's rate: about 2 million
 * of its calls.
 */
function drawnCases(count: number): Case[] {
  const rng = new RandomStream('ctmc-oracle.drawn');
  const between = (lo: number, hi: number): number => lo + (hi - lo) * rng.uniform();
  const cases: Case[] = [];
  for (let attempt = 0; cases.length < count; attempt++) {
    if (attempt > 200) throw new Error('no acceptable parameter set drawn in 200 attempts');
    const handlers = 2 + rng.index(3);
    const classes = ['first', 'second'].map((name): ClassSpec => ({
      name, perMinute: 0, handleMinutes: between(1, 4), patienceMinutes: between(1, 4), targetSeconds: Math.round(between(10, 60)),
    }));
    // Offered load between 0.9 and 1.2 times the handlers, shared between the classes.
    const load = handlers * between(0.9, 1.2);
    const share = between(0.3, 0.7);
    classes[0].perMinute = (load * share) / classes[0].handleMinutes;
    classes[1].perMinute = (load * (1 - share)) / classes[1].handleMinutes;
    const policy: Case['policy'] = rng.uniform() < 0.5 ? 'strict' : { keep: 1 + rng.index(handlers - 1) };
    const smallest = Math.min(...classes.map((k) => k.perMinute));
    const c: Case = { label: '', handlers, classes, policy, hours: Math.ceil(2e6 / (60 * smallest)), seed: 40 + attempt };
    const exact = oracle(c);
    if (exact.classes.some((k) => k.abandonProbability < 0.07 || k.serviceLevel < 0.2)) continue;
    c.label = `drawn: ${handlers} handlers, ${policy === 'strict' ? 'strict priority' : `reserve keep ${policy.keep}`}, λ ${classes.map((k) => k.perMinute.toFixed(2)).join('/')} per min, handle ${classes.map((k) => k.handleMinutes.toFixed(2)).join('/')} min, patience ${classes.map((k) => k.patienceMinutes.toFixed(2)).join('/')} min`;
    cases.push(c);
  }
  return cases;
}

const MEASURES = ['serviceLevel', 'abandonProbability', 'meanWaitAnswered', 'meanWaitAll'] as const;

describe('simulation against the exact CTMC oracle (one long run, 30 batch means, 99.9%)', () => {
  it.each([...HELD_IN, ...drawnCases(2)])('$label', (c) => {
    const exact = oracle(c);
    const table = simulate(c);
    c.classes.forEach((k, i) => {
      const e = exact.classes[i];
      expect(e.lossProbability, 'truncation of the oracle is negligible').toBeLessThan(1e-9);
      const m = table.measures(k.name);
      for (const what of MEASURES) {
        const sim = m[what];
        const line = `${k.name} ${what}: sim ${sim.mean} ± ${sim.halfWidth} (relative ${sim.relativeHalfWidth}, lag-1 ${sim.lag1}), exact ${e[what]}`;
        // Power guard: the interval is narrow enough to see a 1% bias.
        expect(sim.relativeHalfWidth, line).toBeLessThanOrEqual(0.01);
        // Batches long enough to be nearly independent.
        expect(Math.abs(sim.lag1), line).toBeLessThanOrEqual(sim.lag1Bound);
        expect(Math.abs(sim.mean - e[what]), line).toBeLessThanOrEqual(sim.halfWidth);
      }
    });
  });
});
