import { type RandomStream, StreamFactory } from '../../engine/random.js';

/**
 * The streams of `parent` under a name prefix: a second caller sampler built on it (new matters
 * of callers who call again) draws from streams of its own, never shifting first callers' draws.
 */
export class PrefixedStreams extends StreamFactory {
  constructor(
    private readonly parent: StreamFactory,
    private readonly prefix: string,
  ) {
    super(parent.rootSeed, parent.replication);
  }

  override stream(name: string): RandomStream {
    return this.parent.stream(`${this.prefix}${name}`);
  }
}
