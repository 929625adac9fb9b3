import { describe, expect, it } from 'vitest';
import type { BatchMeansInterval } from '../../src/metrics/batch-means.js';
import { runLong } from '../support/call-table.js';
import { singleQueue } from '../support/scenarios.js';

/**
 * Lognormal handling and wrap-up against an exact result: in an M/G/1 queue (one handler, Poisson
 * arrivals, callers who never abandon) the handler is occupied for S = handle + wrap-up, and
 * Pollaczek-Khinchine gives the mean wait exactly, W = λ·E[S²] / (2(1 − ρ)) with ρ = λ·E[S], and
 * P(wait) = ρ (PASTA). No approximation is involved, so the interval must hold the exact value.
 */
function check(what: string, i: BatchMeansInterval, exact: number, maxRelative: number): void {
  const line = `${what}: sim ${i.mean} ± ${i.halfWidth} (relative ${i.relativeHalfWidth}, lag-1 ${i.lag1}), exact ${exact}`;
  expect(i.relativeHalfWidth, line).toBeLessThanOrEqual(maxRelative);
  expect(Math.abs(i.lag1), line).toBeLessThanOrEqual(i.lag1Bound);
  expect(Math.abs(i.mean - exact), line).toBeLessThanOrEqual(i.halfWidth);
}

/** Second moment of a distribution with this mean and coefficient of variation. */
const secondMoment = (mean: number, cv: number): number => mean * mean * (1 + cv * cv);

describe('M/G/1 with lognormal handling and wrap-up against Pollaczek-Khinchine (one long run, 30 batches, 99.9%)', () => {
  it.each([
    ['lognormal handling (mean 120 s, cv 0.8), no wrap-up', { mean: 120, cv: 0.8 }, undefined],
    ['lognormal handling (mean 90 s, cv 0.8) + exponential wrap-up (mean 30 s)', { mean: 90, cv: 0.8 }, 30],
  ] as const)('%s, load 0.7', (_, handle, wrapUpMean) => {
    const meanS = handle.mean + (wrapUpMean ?? 0);
    // E[S²] = E[H²] + 2·E[H]·E[U] + E[U²], handle H and wrap-up U independent (U exponential: cv 1).
    const s2 = secondMoment(handle.mean, handle.cv) + (wrapUpMean === undefined ? 0 : 2 * handle.mean * wrapUpMean + secondMoment(wrapUpMean, 1));
    const lambda = 0.7 / meanS;
    const exactWait = (lambda * s2) / (2 * (1 - 0.7));
    const table = runLong(
      singleQueue({
        perHour: 3600 * lambda, staff: 1, handle: { lognormal: handle }, wrapUp: wrapUpMean === undefined ? undefined : { exponential: { mean: wrapUpMean } },
        hours: 120_000, warmupHours: 10, targetSeconds: 0, seed: 61,
      }),
    );
    const m = table.measures('999');
    // With target 0 the service level is the share answered at once: 1 − P(wait) = 1 − ρ.
    check('answered at once (1 - ρ)', m.serviceLevel, 1 - 0.7, 0.01);
    // One handler at load 0.7: waits are strongly correlated from caller to caller, and 3 million
    // calls give a relative half-width of about 1.6% (1% would need about 8 million).
    check('mean wait (Pollaczek-Khinchine)', m.meanWaitAnswered, exactWait, 0.02);
  });
});
