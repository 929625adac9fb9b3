import type { Distribution } from '../src/engine/distributions.js';
import { makeDistribution } from '../src/engine/distributions.js';
import { log } from '../src/engine/portable-math.js';
import { type RandomStream, StreamFactory } from '../src/engine/random.js';
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

/**
 * The stream's own draws per second: one kind at a time, and the three interleaved as the model
 * draws them (each value is built from the stream's buffer of generator steps whatever the order of
 * calls). One loop per kind, so each call site sees one function, as in the model.
 */
const STREAM_DRAWS: ReadonlyArray<[string, (stream: RandomStream, draws: number) => number]> = [
  ['uniform()', (stream, draws) => {
    let sum = 0;
    for (let i = 0; i < draws; i++) sum += stream.uniform();
    return sum;
  }],
  ['decision()', (stream, draws) => {
    let sum = 0;
    for (let i = 0; i < draws; i++) sum += stream.decision();
    return sum;
  }],
  ['normal()', (stream, draws) => {
    let sum = 0;
    for (let i = 0; i < draws; i++) sum += stream.normal();
    return sum;
  }],
  ['uniform(), decision(), normal() in turn', (stream, draws) => {
    let sum = 0;
    for (let i = 0; i < draws; i += 3) sum += stream.uniform() + stream.decision() + stream.normal();
    return sum;
  }],
];

function streamDrawsPerSecond(draws: number): void {
  for (const [label, many] of STREAM_DRAWS) {
    const stream = new StreamFactory(7, 0).stream(`bench ${label}`);
    many(stream, draws / 10); // warm-up
    printRate(`stream ${label}`, draws, 'draws', bestOf(3, () => many(stream, draws)));
  }
}

/** Logarithms of uniforms per second: `ln` is the portable one (stdlib) or Math.log. */
function logsPerSecond(label: string, ln: (x: number) => number, calls: number): void {
  const xs = new Float64Array(4096);
  const stream = new StreamFactory(7, 0).stream('bench-log');
  for (let i = 0; i < xs.length; i++) xs[i] = stream.uniformPositive();
  const many = (): number => {
    let sum = 0;
    for (let i = 0; i < calls; i++) sum += ln(xs[i & 4095]);
    return sum;
  };
  many();
  printRate(label, calls, 'logs', bestOf(3, many));
}

export const distributionsBench: Bench = {
  name: 'distributions',
  description: 'the stream\'s uniform, decision and normal draws/s, exponential, lognormal and gamma samples/s from one RandomStream (xor4096), and the portable log against Math.log, best of 3',
  run(): void {
    const draws = Number(process.env.DRAWS ?? 20_000_000);
    streamDrawsPerSecond(draws);
    samplesPerSecond('exponential', { exponential: { mean: 1 } }, draws);
    samplesPerSecond('lognormal', { lognormal: { mean: 1, cv: 0.5 } }, draws);
    samplesPerSecond('gamma', { gamma: { mean: 1, cv: 0.5 } }, draws / 2);
    // What the bit-identical logarithm (engine/portable-math.ts) costs against the engine's own.
    logsPerSecond("portable log (engine/portable-log.ts: stdlib ln's bits)", log, draws);
    logsPerSecond('Math.log', Math.log, draws);
  },
};
