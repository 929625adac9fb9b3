import seedrandom from 'seedrandom';
import { log, sinCosTurns } from './portable-math.js';

/** Scratch for the sine and cosine of a Box-Muller angle (read at once, so one serves every stream). */
const unitCircle = new Float64Array(2);

/** Generator steps taken per refill of a stream's buffer (4 bytes each; a replication has ~100 streams). */
const STEPS = 64;
const TWO_TO_MINUS_32 = 1 / 4294967296;
const TWO_TO_MINUS_21 = 1 / 2097152;

/**
 * A named, seeded source of uniform and normal variates.
 *
 * Generator: seedrandom's xor4096 (Brent's xorgens). Measured on this 2-core machine with 2e7
 * 53-bit draws each: xor128 134 M/s, xorwow 129 M/s, tychei 118 M/s, xor4096 100 M/s, xorshift7
 * 90 M/s, alea 84 M/s. xor4096's period of 2^4096 - 1 (against 2^128 for xor128 and xorwow) makes
 * overlap between thousands of streams of millions of draws a non-issue. Seeds are strings hashed
 * by seedrandom, so `root/replication/name` gives unrelated states for neighbouring names.
 *
 * The stream takes the generator's raw 32-bit steps (`int32`, xor4096's own step) a block at a
 * time into a buffer and builds each value from them exactly as seedrandom's functions do from the
 * same steps: `uniform()` as its `double()` (two steps joined into 53 bits), `decision()` as its
 * plain call (one step). The sequence of values is therefore the one seedrandom gives for any mix
 * of calls (test/engine/random-buffer.properties.test.ts), while the generator runs in a tight loop
 * instead of being entered, cold, from the middle of each caller's draw.
 */
export class RandomStream {
  private readonly step32: () => number;
  private readonly steps = new Int32Array(STEPS);
  /** Next unread step; STEPS when the buffer is spent (and before the first draw). */
  private at = STEPS;
  // The second normal of a Box-Muller pair is kept on the stream (not on a distribution), so a
  // stream's sequence never depends on what other streams did.
  private spareNormal = 0;
  private hasSpareNormal = false;

  constructor(public readonly seed: string) {
    this.step32 = seedrandom.xor4096(seed).int32;
  }

  private refill(): void {
    const steps = this.steps;
    const step32 = this.step32;
    for (let i = 0; i < STEPS; i++) steps[i] = step32();
    this.at = 0;
  }

  /** The generator's next 32-bit step (signed, as xor4096 returns it). */
  private step(): number {
    if (this.at === STEPS) this.refill();
    return this.steps[this.at++];
  }

  /**
   * Uniform on (0, 1) with 53 random bits: seedrandom's `double()` (the high 21 bits of one step
   * over the 32 of the next; 0 is redrawn). The plain call gives only multiples of 2^-32, too
   * coarse for far tails and for splitting one draw. Multiplying by 2^-32 and 2^-21 is exact, so it
   * gives the bits of seedrandom's divisions.
   */
  uniform(): number {
    const at = this.at;
    if (at < STEPS - 1) {
      // Both steps in the buffer (nearly always): no refill check per step.
      const steps = this.steps;
      this.at = at + 2;
      const result = ((steps[at] >>> 11) + (steps[at + 1] >>> 0) * TWO_TO_MINUS_32) * TWO_TO_MINUS_21;
      if (result !== 0) return result;
    }
    return this.uniformByStep();
  }

  /** `uniform()` one step at a time, across a refill (and seedrandom's redraw of 0). */
  private uniformByStep(): number {
    let result: number;
    do {
      const top = this.step() >>> 11;
      const bottom = (this.step() >>> 0) * TWO_TO_MINUS_32;
      result = (top + bottom) * TWO_TO_MINUS_21;
    } while (result === 0);
    return result;
  }

  /**
   * Uniform on [0, 1) with 32 random bits, from one generator step instead of two (seedrandom's
   * plain call): for choices against probabilities (a route, a flag, a category), where 2^-32 is
   * resolution enough. It advances the same sequence as `uniform()`.
   */
  decision(): number {
    return (this.step() >>> 0) * TWO_TO_MINUS_32;
  }

  /** Uniform on (0, 1]: safe to take a logarithm of. */
  uniformPositive(): number {
    return 1 - this.uniform();
  }

  /**
   * Standard normal (Box-Muller, both values of each pair used). The angle is a uniform number of
   * turns, so sine and cosine share one exact reduction (`sinCosTurns`).
   */
  normal(): number {
    if (this.hasSpareNormal) {
      this.hasSpareNormal = false;
      return this.spareNormal;
    }
    const radius = Math.sqrt(-2 * log(1 - this.uniform()));
    sinCosTurns(this.uniform(), unitCircle);
    this.spareNormal = radius * unitCircle[0];
    this.hasSpareNormal = true;
    return radius * unitCircle[1];
  }

  /** True with probability p. */
  bernoulli(p: number): boolean {
    return this.decision() < p;
  }

  /** An index in [0, n). */
  index(n: number): number {
    return Math.floor(this.uniform() * n);
  }
}

/**
 * Independent named streams for one replication of one run: the stream for a name depends only on
 * (root seed, replication index, name), never on which other streams exist or were drawn from.
 */
export class StreamFactory {
  private readonly streams = new Map<string, RandomStream>();

  constructor(
    public readonly rootSeed: number | string,
    public readonly replication: number,
  ) {
    if (!Number.isInteger(replication) || replication < 0) {
      throw new RangeError(`replication must be a non-negative integer, got ${replication}`);
    }
  }

  /** The stream of this name (the same object on every call). */
  stream(name: string): RandomStream {
    let stream = this.streams.get(name);
    if (stream === undefined) {
      stream = new RandomStream(streamSeed(this.rootSeed, this.replication, name));
      this.streams.set(name, stream);
    }
    return stream;
  }
}

/** The seed string of a named stream. */
export function streamSeed(rootSeed: number | string, replication: number, name: string): string {
  return `callsim/${rootSeed}/${replication}/${name}`;
}
