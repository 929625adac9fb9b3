import { describe, it } from 'vitest';
import { controlledMeasures, runLong } from '../support/call-table.js';
import { singleQueue } from '../support/scenarios.js';
import { checkControlled, checkControls } from './controlled-check.js';

/**
 * Lognormal handling and wrap-up against an exact result: in an M/G/1 queue (one handler, Poisson
 * arrivals, callers who never abandon) the handler is occupied for S = handle + wrap-up, and
 * Pollaczek-Khinchine gives the mean wait exactly, W = λ·E[S²] / (2(1 − ρ)) with ρ = λ·E[S], and
 * P(wait) = ρ (PASTA). No approximation is involved, so the interval must hold the exact value.
 * One long run, 30 batches, 99.9%, with control variates (src/metrics/control-variates.ts): the
 * mean gap between arrivals, the mean drawn handle time, and the mean wait of the same callers at
 * an approximating M/G/1 whose service is S' = (H + E[H]) / 2 + E[U] (half the handle time's
 * spread, the wrap-up at its mean), known by Pollaczek-Khinchine.
 */

/** Second moment of a distribution with this mean and coefficient of variation. */
const secondMoment = (mean: number, cv: number): number => mean * mean * (1 + cv * cv);

describe('M/G/1 with lognormal handling and wrap-up against Pollaczek-Khinchine (one long run, 30 batches, 99.9%)', () => {
  it.each([
    ['lognormal handling (mean 120 s, cv 0.8), no wrap-up', { mean: 120, cv: 0.8 }, undefined],
    ['lognormal handling (mean 90 s, cv 0.8) + exponential wrap-up (mean 30 s)', { mean: 90, cv: 0.8 }, 30],
  ] as const)('%s, load 0.7', (_, handle, wrapUpMean) => {
    const wrapUp = wrapUpMean ?? 0;
    const meanS = handle.mean + wrapUp;
    // E[S²] = E[H²] + 2·E[H]·E[U] + E[U²], handle H and wrap-up U independent (U exponential: cv 1).
    const s2 = secondMoment(handle.mean, handle.cv) + (wrapUpMean === undefined ? 0 : 2 * handle.mean * wrapUp + secondMoment(wrapUp, 1));
    const lambda = 0.7 / meanS;
    const exactWait = (lambda * s2) / (2 * (1 - 0.7));
    const table = runLong(
      singleQueue({
        perHour: 3600 * lambda, staff: 1, handle: { lognormal: handle }, wrapUp: wrapUpMean === undefined ? undefined : { exponential: { mean: wrapUp } },
        hours: 120_000, warmupHours: 10, targetSeconds: 0, seed: 61,
      }),
    );
    // S' has mean E[S] and variance Var(H)/4.
    const approximating = table.serverControl('999', {
      system: 'half spread', servers: 1, work: (h) => (h + handle.mean) / 2 + wrapUp,
      meanWaitSeconds: (lambda * (meanS ** 2 + (handle.cv * handle.mean) ** 2 / 4)) / (2 * (1 - 0.7)),
    });
    const means = { arrivalsPerSecond: lambda, handleSeconds: handle.mean };
    checkControls('M/G/1', [...table.controls('999', means, ['gap', 'handle']), approximating], ['gap', 'handle', 'approximating M/G/1']);
    const m = controlledMeasures(table, '999', means, ['gap', 'handle'], [approximating]);
    // With target 0 the service level is the share answered at once: 1 − P(wait) = 1 − ρ.
    checkControlled('answered at once (1 - ρ)', m.serviceLevel, 1 - 0.7);
    checkControlled('mean wait (Pollaczek-Khinchine)', m.meanWaitAnswered, exactWait);
  });
});
