import { type Distribution, Lognormal } from '../../engine/distributions.js';
import type { RandomStream } from '../../engine/random.js';

/**
 * `decision()` values (uniform on [0, 1)) of one stream taken a block at a time into a reusable
 * buffer and handed out in order: the same values in the same order as drawing them one by one,
 * provided nothing else draws from the stream (each caller-case stream has the sampler as its one
 * reader). Drawn in a tight loop, a value costs less than a call into the generator from the
 * middle of a caller's draw, where the generator's code and state have gone cold (measured in the
 * commit that adds this file).
 */
export class DecisionBlock {
  private readonly values = new Float64Array(512);
  /** Empty until first read: a stream nobody reads is never advanced. */
  private next = 512;

  constructor(private readonly stream: RandomStream) {}

  /** The stream's next decision. */
  take(): number {
    if (this.next === 512) this.refill();
    return this.values[this.next++];
  }

  /** Out of line, so `take` stays small enough to be inlined where it is read. */
  private refill(): void {
    const values = this.values;
    const stream = this.stream;
    for (let i = 0; i < 512; i++) values[i] = stream.decision();
    this.next = 0;
  }
}

/** `normal()` values of one stream a block at a time, like DecisionBlock (Box-Muller pairs stay in the stream's order). */
export class NormalBlock {
  private readonly values = new Float64Array(256);
  private next = 256;

  constructor(private readonly stream: RandomStream) {}

  /** The stream's next standard normal. */
  take(): number {
    if (this.next === 256) this.refill();
    return this.values[this.next++];
  }

  private refill(): void {
    const values = this.values;
    const stream = this.stream;
    for (let i = 0; i < 256; i++) values[i] = stream.normal();
    this.next = 0;
  }
}

/**
 * A lognormal given the standard normal it transforms, so a NormalBlock can feed it: the
 * distribution's own `ofNormal`, which `Lognormal.sample` applies to `stream.normal()`.
 */
export class LognormalOfNormal {
  constructor(private readonly d: Lognormal) {}

  of(z: number): number {
    return this.d.ofNormal(z);
  }
}

/** Lognormal transforms of `distributions` when every one is a lognormal (null entries skipped); null otherwise. */
export function lognormalsOf(distributions: readonly (Distribution | null)[]): (LognormalOfNormal | null)[] | null {
  if (!distributions.every((d) => d === null || d instanceof Lognormal)) return null;
  return distributions.map((d) => (d === null ? null : new LognormalOfNormal(d as Lognormal)));
}
