/**
 * The scale-up relation: every arrival rate and every headcount multiplied by k. It does NOT keep
 * a queue's service level: a bigger room pools its handlers better (economies of scale). For M/M/c,
 * SL(t) = 1 − C(c, a)·e^(−(cμ − λ)t), and at (kλ, kc) Erlang C's probability of waiting is smaller
 * and the exponent k times larger, so the service level rises. What a user can assert is therefore
 * "the service level does not fall" and, for M/M/c (Erlang C) and M/M/c+M (Erlang A), "it rises by
 * the change the formula predicts", both within a tolerance taken from the replications' spread.
 */
import type { DistributionSpec } from '../engine/distributions.js';
import type { RosterSpec } from '../engine/profile-types.js';
import { erlangA } from '../metrics/analytical/erlang-a.js';
import { erlangCServiceLevel } from '../metrics/analytical/erlang-c.js';
import { studentT975 } from '../metrics/student-t.js';
import { halfWidth } from '../metrics/summary.js';
import type { ResolvedScenario } from '../model/resolved.js';
import { runReplication } from '../experiment/run-replication.js';

const whole = (x: number, what: string): number => {
  const n = Math.round(x);
  if (Math.abs(x - n) > 1e-9) throw new RangeError(`scaleRatesAndStaff: ${what} times k must be a whole number of handlers, found ${x}`);
  return n;
};

function scaleRoster(roster: RosterSpec, k: number): RosterSpec {
  const r = roster as Record<string, unknown>;
  if (typeof r.constant === 'number') return { constant: whole(r.constant * k, 'the headcount') } as RosterSpec;
  for (const key of ['hourOfDay', 'hourOfWeek']) {
    if (Array.isArray(r[key])) return { ...r, [key]: (r[key] as number[]).map((n) => whole(n * k, `the ${key} headcount`)) } as unknown as RosterSpec;
  }
  throw new RangeError('scaleRatesAndStaff: expected a constant, hourOfDay or hourOfWeek roster');
}

/**
 * The scenario with every arrival rate and every pool's headcount times `k` (each headcount times k
 * must be whole). Only for one queue served by one pool, with flat rates, no trace, no switchboard
 * and no grading or dispatch: the shape in which the relation below is stated.
 */
export function scaleRatesAndStaff(scenario: ResolvedScenario, k: number): ResolvedScenario {
  if (!(k > 0)) throw new RangeError(`scaleRatesAndStaff: expected k > 0, found ${k}`);
  const flat = scenario.channels.every((c) => Object.keys(c.rate).every((key) => key === 'perHour') && c.surges.length === 0 && c.dayBusynessCv === 0);
  if (scenario.queues.length !== 1 || scenario.handlers.pools.length !== 1 || !flat || scenario.trace !== undefined || scenario.switchboard !== undefined || scenario.dispatch !== undefined || scenario.grading !== undefined) {
    throw new RangeError('scaleRatesAndStaff: expected one queue served by one pool, flat rates (no profile, surges or day busyness), no trace, no switchboard and no dispatch');
  }
  return {
    ...scenario,
    channels: scenario.channels.map((c) => ({ ...c, rate: { ...c.rate, perHour: c.rate.perHour * k } })),
    handlers: { ...scenario.handlers, pools: scenario.handlers.pools.map((p) => ({ ...p, roster: scaleRoster(p.roster, k) })) },
  };
}

const exponentialMean = (spec: DistributionSpec | null | undefined): number | null => {
  const e = (spec as { exponential?: { mean?: unknown } } | null | undefined)?.exponential;
  return typeof e?.mean === 'number' && Object.keys(spec as object).length === 1 ? e.mean : null;
};

/**
 * The steady-state service level (share of arrivals answered within the queue's target) of a
 * single-queue scenario when it is M/M/c (exponential handle times, callers who never abandon:
 * Erlang C) or M/M/c+M (exponential patience: Erlang A) with a constant headcount and no wrap-up;
 * null otherwise.
 */
export function predictedServiceLevel(scenario: ResolvedScenario): number | null {
  const [pool] = scenario.handlers.pools;
  const [queue] = scenario.queues;
  const servers = (pool?.roster as { constant?: unknown } | undefined)?.constant;
  const handle = exponentialMean(scenario.handlers.handleSecondsByQueue[0]);
  if (scenario.queues.length !== 1 || typeof servers !== 'number' || servers < 1 || handle === null || scenario.handlers.wrapUpSeconds !== undefined) return null;
  if (scenario.channels.some((c) => c.btTransferSeconds !== undefined || c.ivr !== undefined) || queue.callback !== undefined || queue.redial !== undefined) return null;
  const arrivalRate = scenario.channels.reduce((sum, c) => sum + c.rate.perHour, 0) / 3600;
  if (!(arrivalRate > 0)) return null;
  if (queue.patienceSeconds === undefined) return erlangCServiceLevel(arrivalRate, 1 / handle, servers, queue.targetSeconds);
  const patience = exponentialMean(queue.patienceSeconds);
  return patience === null ? null : erlangA(arrivalRate, 1 / handle, servers, 1 / patience, queue.targetSeconds).serviceLevel;
}

/** What `scaleUpServiceLevel` measured, and the two relations judged on it. */
export interface ScaleUpCheck {
  k: number;
  /** The metric compared, `queues.Q.serviceLevel`. */
  metric: string;
  /** Mean and 95% half-width over the replications, at (λ, c) and at (kλ, kc). */
  base: { mean: number; ci95: number };
  scaled: { mean: number; ci95: number };
  /** Scaled minus base, paired by replication index (the same seeds): mean and 95% half-width. */
  change: { mean: number; ci95: number };
  /** The change Erlang C or Erlang A predicts for the steady state, or null when neither applies. */
  predictedChange: number | null;
  /** `z` standard errors of the simulated change: the noise either relation allows. */
  tolerance: number;
  /** The service level did not fall: change >= −tolerance. */
  notFallen: boolean;
  /** The simulated change lies within the tolerance of the predicted one (null without a prediction). */
  matchesPrediction: boolean | null;
}

/**
 * Runs replications 0..n−1 of a single-queue scenario at (λ, c) and at (kλ, kc) (in this thread),
 * and judges the service level's change: it must not fall, and for M/M/c(+M) it must match the
 * Erlang prediction within `z` standard errors of the paired change (default 3: a false alarm is
 * rarer than 3 in 1000 when the prediction is right). Use a warm-up and a horizon long enough for
 * the steady state the prediction describes.
 */
export function scaleUpServiceLevel(scenario: ResolvedScenario, k: number, options: { replications?: number; z?: number } = {}): ScaleUpCheck {
  const n = options.replications ?? 8;
  const z = options.z ?? 3;
  if (!(Number.isInteger(n) && n >= 2)) throw new RangeError(`scaleUpServiceLevel: expected at least 2 replications, found ${n}`);
  const scaled = scaleRatesAndStaff(scenario, k);
  const metric = `queues.${scenario.queues[0].name}.serviceLevel`;
  const values = (s: ResolvedScenario): number[] => Array.from({ length: n }, (_, i) => runReplication(s, i).metrics[metric] ?? NaN);
  const a = values(scenario);
  const b = values(scaled);
  const diff = b.map((x, i) => x - a[i]);
  const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
  const change = { mean: mean(diff), ci95: halfWidth(diff) };
  const tolerance = (z * change.ci95) / studentT975(n - 1);
  const before = predictedServiceLevel(scenario);
  const after = predictedServiceLevel(scaled);
  const predictedChange = before === null || after === null ? null : after - before;
  return {
    k,
    metric,
    base: { mean: mean(a), ci95: halfWidth(a) },
    scaled: { mean: mean(b), ci95: halfWidth(b) },
    change,
    predictedChange,
    tolerance,
    notFallen: change.mean >= -tolerance,
    matchesPrediction: predictedChange === null ? null : Math.abs(change.mean - predictedChange) <= tolerance,
  };
}
