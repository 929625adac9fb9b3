import { describe, expect, it } from 'vitest';
import { Exponential, Lognormal } from '../../../src/engine/distributions.js';
import { StreamFactory } from '../../../src/engine/random.js';
import { DecisionBlock, LognormalOfNormal, lognormalsOf, NormalBlock } from '../../../src/model/dispatch/draw-blocks.js';

describe('draw blocks give the values drawing one by one gives, in the same order', () => {
  const twin = (): [StreamFactory, StreamFactory] => [new StreamFactory(7, 0), new StreamFactory(7, 0)];

  it('DecisionBlock: the stream decisions, across several refills', () => {
    const [a, b] = twin();
    const block = new DecisionBlock(a.stream('x'));
    const direct = b.stream('x');
    for (let i = 0; i < 2000; i++) expect(block.take()).toBe(direct.decision());
  });

  it('NormalBlock: the stream normals (Box-Muller pairs kept together), across several refills', () => {
    const [a, b] = twin();
    const block = new NormalBlock(a.stream('x'));
    const direct = b.stream('x');
    for (let i = 0; i < 1001; i++) expect(block.take()).toBe(direct.normal());
  });

  it('LognormalOfNormal of a NormalBlock: Lognormal.sample bit for bit, for several means and cvs', () => {
    for (const [mean, cv] of [[8, 0.5], [14, 0.5], [50, 1], [45, 1], [0.3, 2.5], [1e4, 0.05]]) {
      const [a, b] = twin();
      const block = new NormalBlock(a.stream('t'));
      const transform = new LognormalOfNormal(new Lognormal(mean, cv));
      const d = new Lognormal(mean, cv);
      const direct = b.stream('t');
      for (let i = 0; i < 600; i++) expect(transform.of(block.take())).toBe(d.sample(direct));
    }
  });

  it('lognormalsOf: transforms only when every distribution on the stream is a lognormal', () => {
    expect(lognormalsOf([new Lognormal(8, 0.5), null, new Lognormal(14, 0.5)])?.map((t) => t === null)).toEqual([false, true, false]);
    expect(lognormalsOf([new Lognormal(8, 0.5), new Exponential(3)])).toBeNull();
  });
});
