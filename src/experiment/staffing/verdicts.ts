/**
 * Judging targets from replications: per interval, per month or over the horizon, each
 * replication's ratio (numerator over denominator pooled over every occurrence of the interval or
 * month), then the mean and Student-t 95% half-width across replications. A verdict is `met` or
 * `missed` only when the whole interval lies on one side of the target value; otherwise `unsure`.
 */
import { halfWidth } from '../../metrics/summary.js';
import type { IntervalRecord } from './interval-monitor.js';
import { meets, type StaffTarget } from './staffing-targets.js';

export type Verdict = 'met' | 'missed' | 'unsure';

export interface Estimate {
  mean: number;
  ci95: number;
  verdict: Verdict;
  /** Calls counted (denominator) over all replications; 0: nothing to judge (met). */
  calls: number;
}

function estimate(target: StaffTarget, pairs: readonly [number, number][]): Estimate {
  const values = pairs.filter(([, d]) => d > 0).map(([n, d]) => n / d);
  const calls = pairs.reduce((s, [, d]) => s + d, 0);
  if (values.length === 0) return { mean: NaN, ci95: NaN, verdict: 'met', calls: 0 };
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const hw = values.length < 2 ? NaN : halfWidth(values);
  const w = Number.isFinite(hw) ? hw : Infinity;
  const verdict: Verdict = meets(target, mean - w) && meets(target, mean + w) ? 'met' : !meets(target, mean - w) && !meets(target, mean + w) ? 'missed' : 'unsure';
  return { mean, ci95: hw, verdict, calls };
}

/** Per interval: one estimate per interval index. */
export function byInterval(target: StaffTarget, ti: number, records: readonly IntervalRecord[]): Estimate[] {
  const n = records[0].counts[ti].num.length;
  return Array.from({ length: n }, (_, i) => estimate(target, records.map((r) => [r.counts[ti].num[i], r.counts[ti].den[i]])));
}

/** Per month, keyed "2022-07". */
export function byMonth(target: StaffTarget, ti: number, records: readonly IntervalRecord[]): Map<string, Estimate> {
  const out = new Map<string, Estimate>();
  for (const key of records[0].months) {
    out.set(key, estimate(target, records.map((r) => {
      const m = r.months.indexOf(key);
      return m < 0 ? [0, 0] : [r.counts[ti].numByMonth[m], r.counts[ti].denByMonth[m]];
    })));
  }
  return out;
}

/** Per interval within one month ("2022-07"): each interval's estimate from that month's calls only (month targets). */
export function byIntervalInMonth(target: StaffTarget, ti: number, records: readonly IntervalRecord[], key: string): Estimate[] {
  const n = records[0].counts[ti].num.length;
  return Array.from({ length: n }, (_, i) => estimate(target, records.map((r) => {
    const m = r.months.indexOf(key);
    const c = r.counts[ti];
    return m < 0 || c.denByMonthInterval.length === 0 ? [0, 0] : [c.numByMonthInterval[m * n + i], c.denByMonthInterval[m * n + i]];
  })));
}

export function overHorizon(target: StaffTarget, ti: number, records: readonly IntervalRecord[]): Estimate {
  const sum = (xs: readonly number[]): number => xs.reduce((s, v) => s + v, 0);
  return estimate(target, records.map((r) => [sum(r.counts[ti].num), sum(r.counts[ti].den)]));
}

/** The estimates a target is judged on (per its `per`), with keys. */
export function judged(target: StaffTarget, ti: number, records: readonly IntervalRecord[], label: (i: number) => string): { key: string; est: Estimate }[] {
  if (target.per === 'interval') return byInterval(target, ti, records).map((est, i) => ({ key: label(i), est }));
  if (target.per === 'month') return [...byMonth(target, ti, records)].map(([key, est]) => ({ key, est }));
  return [{ key: 'horizon', est: overHorizon(target, ti, records) }];
}

/** The worst of the judged estimates (lowest for a floor, highest for a ceiling). */
export function worstOf(target: StaffTarget, list: readonly { key: string; est: Estimate }[]): { key: string; est: Estimate } {
  const scored = list.filter((x) => Number.isFinite(x.est.mean));
  if (scored.length === 0) return list[0];
  return scored.reduce((w, x) => ((target.op === '>=' ? x.est.mean < w.est.mean : x.est.mean > w.est.mean) ? x : w));
}
