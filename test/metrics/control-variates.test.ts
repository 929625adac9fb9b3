import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../src/engine/random.js';
import { batchMeansInterval } from '../../src/metrics/batch-means.js';
import { controlledBatchMeansInterval, fcfsWaits, reserveWaits } from '../../src/metrics/control-variates.js';
import { studentTQuantile } from '../../src/metrics/student-t.js';

describe('control variates on batch means', () => {
  it('an exact linear relation is removed entirely: estimate = intercept, half-width 0', () => {
    const c = [0.3, -0.1, 0.4, 0.2, -0.5, 0.1];
    const y = c.map((x) => 5 + 2 * x);
    const i = controlledBatchMeansInterval(y, [c]);
    expect(i.mean).toBeCloseTo(5, 12);
    expect(i.coefficients[0]).toBeCloseTo(2, 12);
    expect(i.halfWidth).toBeCloseTo(0, 12);
  });

  it('one control: the intercept and its variance as ordinary least squares on [1, C] gives them (Student-t on b − 2 degrees of freedom)', () => {
    const c = [0.5, -1.2, 0.3, 2.0, -0.7, 0.1, 1.1];
    const y = [3.1, 1.0, 2.9, 4.8, 1.9, 2.2, 4.0];
    const b = c.length;
    const sc = c.reduce((s, x) => s + x, 0);
    const scc = c.reduce((s, x) => s + x * x, 0);
    const sy = y.reduce((s, x) => s + x, 0);
    const scy = c.reduce((s, x, j) => s + x * y[j], 0);
    // Normal equations of y = a + β·c, solved by Cramer's rule.
    const det = b * scc - sc * sc;
    const a = (scc * sy - sc * scy) / det;
    const beta = (b * scy - sc * sy) / det;
    const sse = y.reduce((s, v, j) => s + (v - a - beta * c[j]) ** 2, 0);
    const varA = (sse / (b - 2)) * (scc / det);
    const i = controlledBatchMeansInterval(y, [c], 0.95);
    expect(i.mean).toBeCloseTo(a, 12);
    expect(i.coefficients[0]).toBeCloseTo(beta, 12);
    expect(i.halfWidth).toBeCloseTo(studentTQuantile(0.975, b - 2) * Math.sqrt(varA), 12);
    expect(i.plain.mean).toBeCloseTo(sy / b, 12);
  });

  it('no controls: the plain batch-means interval', () => {
    const y = [1, 2, 3, 4, 5];
    const i = controlledBatchMeansInterval(y, []);
    expect(i.halfWidth).toBe(batchMeansInterval(y).halfWidth);
    expect(i.varianceReductionFactor).toBe(1);
  });

  it('with a control correlated ρ = 0.9, the 95% interval covers the true mean about 95 times in 100 and the variance falls about 1/(1 − ρ²)-fold (1,000 synthetic runs, fixed seed)', () => {
    const stream = new RandomStream('control-variates-coverage');
    const normal = (): number => Math.sqrt(-2 * Math.log(stream.uniform())) * Math.cos(2 * Math.PI * stream.uniform());
    let covered = 0;
    let plainVariance = 0;
    let controlledVariance = 0;
    const runs = 1000;
    for (let r = 0; r < runs; r++) {
      const c: number[] = [];
      const y: number[] = [];
      for (let j = 0; j < 30; j++) {
        const z = normal();
        c.push(z);
        y.push(10 + 0.9 * z + Math.sqrt(1 - 0.81) * normal());
      }
      const i = controlledBatchMeansInterval(y, [c], 0.95);
      if (Math.abs(i.mean - 10) <= i.halfWidth) covered++;
      plainVariance += (i.plain.mean - 10) ** 2;
      controlledVariance += (i.mean - 10) ** 2;
    }
    // Binomial standard deviation of the coverage: sqrt(0.95·0.05/1000) = 0.007.
    expect(Math.abs(covered / runs - 0.95)).toBeLessThan(0.025);
    // 1/(1 − 0.81) = 5.3, less the small loss of estimating β from 30 batches.
    expect(plainVariance / controlledVariance).toBeGreaterThan(4);
    expect(plainVariance / controlledVariance).toBeLessThan(6.5);
  });

  it('refuses too few batches, mismatched or non-finite controls and controls that are linearly dependent', () => {
    expect(() => controlledBatchMeansInterval([1, 2, 3, 4], [[1, 2, 3, 4], [2, 1, 2, 1]])).toThrow(/at least 5 batches/);
    expect(() => controlledBatchMeansInterval([1, 2, 3, 4], [[1, 2, 3]])).toThrow(/one value per batch/);
    expect(() => controlledBatchMeansInterval([1, 2, 3, 4], [[1, 2, NaN, 4]])).toThrow(/finite/);
    expect(() => controlledBatchMeansInterval([1, 2, 3, 4, 5, 6], [[1, 2, 3, 4, 5, 6], [2, 4, 6, 8, 10, 12]])).toThrow(/linearly dependent/);
  });
});

describe('first-come-first-served waits of an approximating queue', () => {
  it('one server (Lindley) and two servers (Kiefer-Wolfowitz), worked by hand', () => {
    const arrivals = [0, 1, 2, 3];
    const work = [3, 3, 3, 3];
    expect([...fcfsWaits(arrivals, work, 1)]).toEqual([0, 2, 4, 6]);
    // Two servers: work left [0,0] → [0,3]; after 1 s [0,2] → [2,3]; after 1 s [1,2], wait 1 → [2,4]; after 1 s [1,3], wait 1.
    expect([...fcfsWaits(arrivals, work, 2)]).toEqual([0, 0, 1, 1]);
    expect([...fcfsWaits([0, 10, 10.5], [1, 1, 1], 3)]).toEqual([0, 0, 0]);
    expect(() => fcfsWaits([0, 2, 1], [1, 1, 1], 1)).toThrow(/time order/);
  });
});

describe('waits of a shadow room under the reserve rule', () => {
  it('two servers, keep 1, worked by hand: class 1 waits at exactly 1 free, class 0 takes the kept server, FIFO within a class', () => {
    // t=0 class 1 starts (2 free > 1), busy to 10; t=1 class 1 waits (1 free, not > 1); t=2 class 0 takes the
    // kept server, busy to 7; t=3 class 0 waits (none free); t=7 it starts (wait 4), busy to 9; t=9 one free:
    // class 1 still waits; t=10 two free: it starts (wait 9).
    expect([...reserveWaits([0, 1, 2, 3], [1, 1, 0, 0], [10, 10, 5, 2], 2, 1)]).toEqual([0, 9, 0, 4]);
    // keep 0 is non-preemptive strict priority: both class 1 start at once, class 0 waits for them.
    expect([...reserveWaits([0, 1, 2, 3], [1, 1, 0, 0], [10, 10, 5, 2], 2, 0)]).toEqual([0, 0, 8, 8]);
  });

  it('three classes, three servers, keep 1: classes 1 and 2 both held back, 1 before 2', () => {
    // t=0 class 2 starts (3 free), to 100; t=1 class 1 starts (2 free), to 50; t=2 class 2 waits (1 free);
    // t=3 class 1 waits; t=50 two free: class 1 (arrived 3) first, wait 47, to 60; then 1 free: class 2 waits;
    // t=60 two free: class 2 (arrived 2) starts, wait 58.
    expect([...reserveWaits([0, 1, 2, 3], [2, 1, 2, 1], [100, 49, 5, 10], 3, 1)]).toEqual([0, 0, 58, 47]);
  });

  it('one class is first come, first served: the same waits as the Kiefer-Wolfowitz recursion (random inputs)', () => {
    const stream = new RandomStream('reserve-waits-fcfs');
    const arrivals: number[] = [];
    const work: number[] = [];
    let t = 0;
    for (let i = 0; i < 2000; i++) {
      t += -Math.log(stream.uniform());
      arrivals.push(t);
      work.push(-3.5 * Math.log(stream.uniform()));
    }
    for (const servers of [1, 4]) {
      const a = reserveWaits(arrivals, new Array<number>(arrivals.length).fill(0), work, servers, 2);
      const b = fcfsWaits(arrivals, work, servers);
      expect(Math.max(...a.map((w, i) => Math.abs(w - b[i])))).toBeLessThan(1e-9);
    }
  });

  it('refuses mismatched lengths, bad classes, servers or keep, and arrivals out of order', () => {
    expect(() => reserveWaits([0, 1], [0], [1, 1], 1, 0)).toThrow(/same length/);
    expect(() => reserveWaits([0, 1], [0, -1], [1, 1], 1, 0)).toThrow(/class of item 1/);
    expect(() => reserveWaits([0, 1], [0, 0], [1, 1], 0, 0)).toThrow(/servers/);
    expect(() => reserveWaits([0, 1], [0, 0], [1, 1], 1, 0.5)).toThrow(/keep/);
    expect(() => reserveWaits([1, 0], [0, 0], [1, 1], 1, 0)).toThrow(/time order/);
  });
});
