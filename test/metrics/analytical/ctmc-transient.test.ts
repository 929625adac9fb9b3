import { describe, expect, it } from 'vitest';
import { rosterFigures } from '../../../src/metrics/analytical/ctmc-roster.js';
import { hourlyChanges, periodicIntervalFigures, type IntervalFigures } from '../../../src/metrics/analytical/ctmc-transient.js';
import { erlangA } from '../../../src/metrics/analytical/erlang-a.js';

const QUEUE = { arrivalRate: 200 / 3600, serviceRate: 1 / 180, abandonRate: 1 / 300 };
const relative = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe('time-of-day roster oracle (periodic transient M/M/c+M)', () => {
  it('a constant roster gives the stationary chain in every interval (Erlang A)', () => {
    const f = periodicIntervalFigures({ ...QUEUE, periodSeconds: 4 * 3600, intervalSeconds: 900, changes: [{ atSeconds: 0, headcount: 10 }], maxQueue: 60 });
    const a = erlangA(QUEUE.arrivalRate, QUEUE.serviceRate, 10, QUEUE.abandonRate, 20);
    const arrivals = QUEUE.arrivalRate * 900;
    expect(f.intervals).toHaveLength(16);
    for (const i of f.intervals) {
      expect(relative(i.arrivalsWaiting, arrivals * a.waitProbability)).toBeLessThan(1e-8);
      expect(relative(i.abandonments, arrivals * a.abandonProbability)).toBeLessThan(1e-8);
      // Little: E[waiting] = λ·(mean wait of all arrivals); busy = answered calls' work.
      expect(relative(i.meanWaiting, QUEUE.arrivalRate * a.meanWait)).toBeLessThan(1e-8);
      expect(relative(i.meanBusy, (QUEUE.arrivalRate * (1 - a.abandonProbability)) / QUEUE.serviceRate)).toBeLessThan(1e-8);
    }
  });

  it('the intervals add up to the whole-day roster oracle (rosterFigures)', () => {
    const roster = [...Array(6).fill(8), ...Array(6).fill(13), ...Array(6).fill(11), ...Array(6).fill(9)];
    const f = periodicIntervalFigures({ ...QUEUE, periodSeconds: 86400, intervalSeconds: 3600, changes: hourlyChanges(roster), maxQueue: 40 });
    const day = rosterFigures({ ...QUEUE, hourlyHeadcount: roster, maxQueue: 40 });
    const sum = (k: keyof IntervalFigures): number => f.intervals.reduce((s, i) => s + i[k], 0);
    const arrivals = QUEUE.arrivalRate * 86400;
    expect(f.truncationMass).toBeLessThan(1e-11);
    expect(relative(sum('arrivalsWaiting') / arrivals, day.waitProbability)).toBeLessThan(1e-9);
    expect(relative(sum('abandonments') / arrivals, day.abandonProbability)).toBeLessThan(1e-9);
    expect(relative((sum('meanWaiting') * 3600) / arrivals, day.meanWaitAll)).toBeLessThan(1e-9);
  });

  it('one handler on, then off, no queue: the periodic solution by hand', () => {
    // On [0, T) one handler (M/M/1/1): P(busy) relaxes to p∞ = λ/(λ+μ) at rate λ+μ. On [T, 2T) none:
    // the busy handler finishes and leaves (rate μ) and every arrival finds no one free.
    const [lambda, mu, T] = [1 / 60, 1 / 120, 600];
    const f = periodicIntervalFigures({ arrivalRate: lambda, serviceRate: mu, abandonRate: 1 / 300, periodSeconds: 2 * T, intervalSeconds: T, changes: [{ atSeconds: 0, headcount: 1 }, { atSeconds: T, headcount: 0 }], maxQueue: 0 }, 1e-14);
    const pInf = lambda / (lambda + mu);
    const E = Math.exp(-(lambda + mu) * T);
    const F = Math.exp(-mu * T);
    const a = (F * pInf * (1 - E)) / (1 - F * E); // P(busy) at 0
    const b = pInf + (a - pInf) * E; // P(busy) at T
    const busyOn = pInf * T + ((a - pInf) * (1 - E)) / (lambda + mu); // ∫ P(busy) over [0, T)
    const [on, off] = f.intervals;
    expect(relative(on.arrivalsWaiting, lambda * busyOn)).toBeLessThan(1e-10);
    expect(relative(on.meanBusy, busyOn / T)).toBeLessThan(1e-10);
    expect(relative(off.arrivalsWaiting, lambda * T)).toBeLessThan(1e-10);
    expect(relative(off.meanBusy, (b * (1 - F)) / (mu * T))).toBeLessThan(1e-10);
    expect(on.abandonments + off.abandonments + on.meanWaiting + off.meanWaiting).toBe(0);
  });

  it('one handler coming on takes the waiting caller: a hand-written 4-state chain integrated by RK4', () => {
    // States (busy, waiting) in {0,1}²; no handler on [0, T), one on [T, 2T); four intervals of T/2.
    const [lambda, mu, theta, T] = [1 / 90, 1 / 150, 1 / 200, 400];
    const f = periodicIntervalFigures({ arrivalRate: lambda, serviceRate: mu, abandonRate: theta, periodSeconds: 2 * T, intervalSeconds: T / 2, changes: [{ atSeconds: 0, headcount: 0 }, { atSeconds: T, headcount: 1 }], maxQueue: 1 }, 1e-14);
    const idx = (b: number, w: number): number => 2 * b + w;
    // Generator rows by hand. Off: a caller joins an empty queue (λ), a waiting caller abandons (θ),
    // a busy handler finishes and leaves (μ). On: an arrival is taken by a free handler or waits,
    // a finished handler takes the waiting caller (μ), who may abandon first (θ).
    const off: [number, number, number][] = [[idx(0, 0), idx(0, 1), lambda], [idx(1, 0), idx(1, 1), lambda], [idx(0, 1), idx(0, 0), theta], [idx(1, 1), idx(1, 0), theta], [idx(1, 0), idx(0, 0), mu], [idx(1, 1), idx(0, 1), mu]];
    const on: [number, number, number][] = [[idx(0, 0), idx(1, 0), lambda], [idx(1, 0), idx(1, 1), lambda], [idx(1, 0), idx(0, 0), mu], [idx(1, 1), idx(1, 0), mu + theta]];
    const derivative = (rates: [number, number, number][], p: number[]): number[] => {
      const d = [0, 0, 0, 0];
      for (const [from, to, r] of rates) {
        d[from] -= r * p[from];
        d[to] += r * p[from];
      }
      return d;
    };
    // RK4 on (p, ∫p): returns p at the end and ∫p over the span.
    const carry = (rates: [number, number, number][], p0: number[], seconds: number): { p: number[]; integral: number[] } => {
      const h = 0.25;
      let p = [...p0];
      const integral = [0, 0, 0, 0];
      for (let s = 0; s < Math.round(seconds / h); s++) {
        const k1 = derivative(rates, p);
        const k2 = derivative(rates, p.map((x, i) => x + (h / 2) * k1[i]));
        const k3 = derivative(rates, p.map((x, i) => x + (h / 2) * k2[i]));
        const k4 = derivative(rates, p.map((x, i) => x + h * k3[i]));
        for (let i = 0; i < 4; i++) integral[i] += (h / 6) * (p[i] + 2 * (p[i] + (h / 2) * k1[i]) + 2 * (p[i] + (h / 2) * k2[i]) + (p[i] + h * k3[i]));
        p = p.map((x, i) => x + (h / 6) * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]));
      }
      return { p, integral };
    };
    let p = [1, 0, 0, 0];
    let integrals: number[][] = [];
    for (let period = 0; period < 12; period++) {
      integrals = [];
      for (let half = 0; half < 4; half++) {
        // At T the new handler takes the waiting caller: (0, 1) becomes (1, 0).
        if (half === 2) p = [p[idx(0, 0)], 0, p[idx(1, 0)] + p[idx(0, 1)], p[idx(1, 1)]];
        const r = carry(half < 2 ? off : on, p, T / 2);
        p = r.p;
        integrals.push(r.integral);
      }
    }
    integrals.forEach((m, k) => {
      const c = k < 2 ? 0 : 1;
      const busyAll = c === 0 ? m[0] + m[1] + m[2] + m[3] : m[idx(1, 0)] + m[idx(1, 1)];
      const waiting = m[idx(0, 1)] + m[idx(1, 1)];
      const got = f.intervals[k];
      expect(relative(got.arrivalsWaiting, lambda * busyAll)).toBeLessThan(1e-8);
      expect(relative(got.abandonments, theta * waiting)).toBeLessThan(1e-8);
      expect(relative(got.meanWaiting, waiting / (T / 2))).toBeLessThan(1e-8);
      expect(relative(got.meanBusy, (m[idx(1, 0)] + m[idx(1, 1)]) / (T / 2))).toBeLessThan(1e-8);
    });
  });

  it('a late change moves only the intervals around it; the roster wraps round the period', () => {
    const base = { ...QUEUE, periodSeconds: 4 * 3600, intervalSeconds: 900, maxQueue: 40 };
    const onTime = periodicIntervalFigures({ ...base, changes: [{ atSeconds: 0, headcount: 9 }, { atSeconds: 7200, headcount: 12 }] });
    // The same roster written from the second change (the first change need not be at 0).
    const wrapped = periodicIntervalFigures({ ...base, changes: [{ atSeconds: 7200, headcount: 12 }, { atSeconds: 0, headcount: 9 }] });
    const late = periodicIntervalFigures({ ...base, changes: [{ atSeconds: 300, headcount: 9 }, { atSeconds: 7500, headcount: 12 }] });
    onTime.intervals.forEach((i, k) => expect(wrapped.intervals[k].arrivalsWaiting).toBe(i.arrivalsWaiting));
    // The rise at 2 h five minutes late: more callers wait in 2:00-2:15; the late fall, fewer in 0:00-0:15;
    // by 1:30-1:45 the chain has forgotten the fall.
    expect(late.intervals[8].arrivalsWaiting - onTime.intervals[8].arrivalsWaiting).toBeGreaterThan(1);
    expect(late.intervals[0].arrivalsWaiting - onTime.intervals[0].arrivalsWaiting).toBeLessThan(-1);
    expect(Math.abs(late.intervals[6].arrivalsWaiting - onTime.intervals[6].arrivalsWaiting)).toBeLessThan(1e-6);
  });

  it('rejects bad input with the field named', () => {
    const base = { ...QUEUE, periodSeconds: 86400, changes: [{ atSeconds: 0, headcount: 3 }] };
    expect(() => periodicIntervalFigures({ ...base, intervalSeconds: 7000 })).toThrow(/intervalSeconds/);
    expect(() => periodicIntervalFigures({ ...base, intervalSeconds: 900, changes: [{ atSeconds: 86400, headcount: 3 }] })).toThrow(/changes\[0\]\.atSeconds/);
    expect(() => periodicIntervalFigures({ ...base, intervalSeconds: 900, changes: [{ atSeconds: 0, headcount: 2.5 }] })).toThrow(/changes\[0\]\.headcount/);
    expect(() => periodicIntervalFigures({ ...base, intervalSeconds: 900, changes: [] })).toThrow(/changes/);
    expect(hourlyChanges([...Array(12).fill(4), ...Array(12).fill(6)])).toEqual([{ atSeconds: 0, headcount: 4 }, { atSeconds: 43200, headcount: 6 }]);
  });
});
