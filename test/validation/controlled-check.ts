import { expect } from 'vitest';
import { batchMeansInterval } from '../../src/metrics/batch-means.js';
import type { ControlledInterval } from '../../src/metrics/control-variates.js';

/**
 * The checks every controlled batch-means comparison makes (99.9%): the power guard (the
 * relative half-width at most `maxRelative`), the lag-1 test of the controlled batch values, and
 * the interval holding the exact value.
 */
export function checkControlled(what: string, i: ControlledInterval, exact: number, maxRelative = 0.01): void {
  const line =
    `${what}: sim ${i.mean} ± ${i.halfWidth} (relative ${i.relativeHalfWidth}; without controls ${i.plain.relativeHalfWidth}, ` +
    `variance reduced ${i.varianceReductionFactor.toFixed(1)}-fold; lag-1 ${i.lag1}), exact ${exact}`;
  // CALLSIM_VALIDATION_LOG=1 prints every interval (the figures of test/validation/README.md).
  if (process.env.CALLSIM_VALIDATION_LOG === '1') console.log(line);
  expect(i.relativeHalfWidth, line).toBeLessThanOrEqual(maxRelative);
  expect(Math.abs(i.lag1), line).toBeLessThanOrEqual(i.lag1Bound);
  expect(Math.abs(i.mean - exact), line).toBeLessThanOrEqual(i.halfWidth);
}

/**
 * Each control's own batch means must hold its true mean (0, the controls being centred): the
 * drawn inputs have their stated distributions, so a control cannot soak up a bias in the inputs
 * unseen, and the approximating queue's recursion agrees with its closed form.
 */
export function checkControls(what: string, controls: readonly (readonly number[])[], names: readonly string[]): void {
  controls.forEach((c, k) => {
    const i = batchMeansInterval(c);
    expect(Math.abs(i.mean), `${what}, control ${names[k]}: mean ${i.mean} ± ${i.halfWidth}, known 0`).toBeLessThanOrEqual(i.halfWidth);
  });
}
