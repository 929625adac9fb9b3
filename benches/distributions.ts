import type { Distribution } from '../src/engine/distributions.js';
import { makeDistribution } from '../src/engine/distributions.js';
import { StreamFactory } from '../src/engine/random.js';
import type { Bench } from './format.js';
import { bestOf, printRate } from './format.js';

function drawMany(distribution: Distribution, draws: number): number {
  const stream = new StreamFactory(7, 0).stream('bench');
  let sum = 0;
  for (let i = 0; i < draws; i++) sum += distribution.sample(stream);
  return sum;
}

function samplesPerSecond(label: string, spec: unknown, draws: number): void {
  const distribution = makeDistribution(spec, label);
  drawMany(distribution, 500_000); // warm-up
  const timing = bestOf(3, () => drawMany(distribution, draws));
  // The sum is also a sanity check: the sample mean must be near the distribution's mean.
  const mean = timing.sink / (3 * draws);
  printRate(`${label} ${JSON.stringify(spec)}`, draws, 'samples', timing);
  console.log(`  sample mean ${mean.toFixed(4)} (true ${distribution.mean})`);
}

export const distributionsBench: Bench = {
  name: 'distributions',
  description: 'exponential, lognormal and gamma samples/s from one RandomStream (xor4096), best of 3',
  run(): void {
    const draws = Number(process.env.DRAWS ?? 20_000_000);
    samplesPerSecond('exponential', { exponential: { mean: 1 } }, draws);
    samplesPerSecond('lognormal', { lognormal: { mean: 1, cv: 0.5 } }, draws);
    samplesPerSecond('gamma', { gamma: { mean: 1, cv: 0.5 } }, draws / 2);
  },
};
