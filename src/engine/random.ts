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
 * instead of being entered, cold, from the middle of each caller's draw. Logarithms of uniforms
 * (for exponentials) drawn at a regular spacing are likewise worked out ahead in one loop from the
 * buffered steps (below).
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
  // Logarithms worked out ahead from the buffered steps in one loop, for a stream that draws them at
  // a regular spacing (an arrival process, an exponential duration, a mixture of them): once two
  // spacings in a row agree, the values for the positions ahead at that spacing are computed
  // together. A value is handed out only when the stream's position is exactly the one it was
  // computed at, so it is the value those steps give; any other call moves the position, and the
  // next logarithm is computed alone. (Normal pairs worked out ahead the same way measured no gain.)
  private readonly logs = new Float64Array(STEPS / 2);
  /** Buffer position of logs[logsNext]; -1 when none is ahead (positions are never negative). */
  private logsAt = -1;
  /** Spacing of the values ahead. */
  private logsSpacing = 2;
  private logsNext = 0;
  private logsEnd = 0;
  /** Where the last logarithm's draw started (negative: in an earlier buffer), and the spacing before it. */
  private lastLogAt = -STEPS;
  private lastLogSpacing = 0;

  constructor(public readonly seed: string) {
    this.step32 = seedrandom.xor4096(seed).int32;
  }

  private refill(): void {
    const steps = this.steps;
    const step32 = this.step32;
    for (let i = 0; i < STEPS; i++) steps[i] = step32();
    this.at = 0;
    // Positions in the old buffer become negative (kept for the spacing); nothing is ahead.
    this.logsAt = -1;
    this.lastLogAt = Math.max(this.lastLogAt - STEPS, -STEPS);
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
   * `log(uniformPositive())`, the same bits, for exponential variates (worked out ahead when the
   * stream draws them at a regular spacing).
   */
  logUniformPositive(): number {
    if (this.at === this.logsAt && this.logsNext < this.logsEnd) {
      this.lastLogAt = this.at;
      this.at += 2;
      this.logsAt += this.logsSpacing;
      return this.logs[this.logsNext++];
    }
    return this.logsAfresh();
  }

  /** The logarithm at the current position, and those ahead once the spacing repeats. */
  private logsAfresh(): number {
    const from = this.at;
    const stride = from - this.lastLogAt;
    const repeated = stride === this.lastLogSpacing;
    this.lastLogSpacing = stride;
    this.lastLogAt = from;
    if (repeated && from + stride < STEPS - 1) {
      const steps = this.steps;
      const logs = this.logs;
      let n = 0;
      for (let p = from; p < STEPS - 1; p += stride) {
        const u = ((steps[p] >>> 11) + (steps[p + 1] >>> 0) * TWO_TO_MINUS_32) * TWO_TO_MINUS_21;
        if (u === 0) break; // seedrandom redraws it: left to uniform()
        logs[n++] = log(1 - u);
      }
      if (n > 0) {
        this.at = from + 2;
        this.logsAt = from + stride;
        this.logsSpacing = stride;
        this.logsNext = 1;
        this.logsEnd = n;
        return logs[0];
      }
    }
    return log(1 - this.uniform());
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
