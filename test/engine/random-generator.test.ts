import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../src/engine/random.js';

describe('RandomStream generator', () => {
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
