/**
 * The portable elementary functions give exactly Node 20's Math results (the fdlibm lineage the
 * committed digests were made with), so using them moved no result, and they are plain JS, so the
 * browser gets the same bits. Checked over draws like the simulator's (Box-Muller angles, uniform
 * logarithms) and around multiples of pi/2 where argument reduction is delicate.
 */
import { describe, expect, it } from 'vitest';
import { cos, exp, log, log1p, sin } from '../../src/engine/portable-math.js';

const NODE_20 = process.versions.node.split('.')[0] === '20';
if (!NODE_20) console.warn(`portable-math comparison skipped: it compares with Node 20's Math (this is Node ${process.versions.node})`);

/** A fixed-seed linear congruential sequence on [0, 1): reproducible inputs. */
function inputs(n: number, seed: number): number[] {
  let s = seed;
  return Array.from({ length: n }, () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  });
}

const mismatches = (f: (x: number) => number, g: (x: number) => number, xs: readonly number[]): number[] => xs.filter((x) => !Object.is(f(x), g(x))).slice(0, 5);

describe.skipIf(!NODE_20)('portable math equals Node 20 Math bit for bit', () => {
  const u = inputs(300_000, 20_221);
  it('sin and cos over Box-Muller angles, wide arguments and near multiples of pi/2', () => {
    const angles = u.map((x) => 2 * Math.PI * x);
    const wide = u.slice(0, 100_000).map((x) => (x - 0.5) * 4000);
    const near: number[] = [];
    for (let k = 1; k <= 40; k++) for (let d = -300; d <= 300; d++) near.push(k * (Math.PI / 2) * (1 + d * Number.EPSILON));
    const special = [0, -0, 1e-300, -1e-300, Math.PI / 4, 1e6, Infinity, -Infinity, NaN];
    for (const xs of [angles, wide, near, special]) {
      expect(mismatches(sin, Math.sin, xs)).toEqual([]);
      expect(mismatches(cos, Math.cos, xs)).toEqual([]);
    }
  });
  it('log, exp and log1p over the ranges variates and intervals use', () => {
    expect(mismatches(log, Math.log, u.map((x) => 1 - x))).toEqual([]);
    expect(mismatches(log, Math.log, u.map((x) => x * 1e6 + 1e-9))).toEqual([]);
    expect(mismatches(exp, Math.exp, u.map((x) => (x - 0.5) * 60))).toEqual([]);
    expect(mismatches(log1p, Math.log1p, u.map((x) => x * 2 - 0.999))).toEqual([]);
  });
});
