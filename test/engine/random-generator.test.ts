import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { RandomStream, streamSeed } from '../../src/engine/random.js';

describe('RandomStream generator', () => {
  // The xor4096 step is written out in random.ts for speed; it must stay seedrandom's generator
  // bit for bit, so published seeds keep their meaning whichever implementation runs.
  it('draws exactly seedrandom.xor4096(seed).double() for string seeds of every length', () => {
    const seeds = ['', 'a', streamSeed(1, 0, 'arrivals.999'), streamSeed('root', 17, 'x'), 'long seed '.repeat(30)];
    for (const seed of seeds) {
      const reference = seedrandom.xor4096(seed).double;
      const stream = new RandomStream(seed);
      let mismatches = 0;
      for (let i = 0; i < 20_000; i++) if (stream.uniform() !== reference()) mismatches++;
      expect(mismatches, seed).toBe(0);
    }
  });

  it('uniform() stays inside (0, 1) and uses the low bits (not only multiples of 2^-32)', () => {
    const stream = new RandomStream('range');
    let finer = 0;
    for (let i = 0; i < 10_000; i++) {
      const u = stream.uniform();
      expect(u > 0 && u < 1).toBe(true);
      if ((u * 2 ** 32) % 1 !== 0) finer++;
    }
    // With 53-bit doubles nearly every draw has bits below 2^-32 (the chance that 21 random bits
    // are all zero is 2^-21 per draw); with 32-bit draws none would.
    expect(finer).toBeGreaterThan(9_990);
  });
});
