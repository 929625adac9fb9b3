/**
 * Metamorphic relations a user can assert under common random numbers: change the scenario in a
 * way whose effect is known, run both, and check the relation. Every call's random attributes are
 * drawn at arrival from its channel's streams, so both runs see the same callers.
 */
import type { DistributionSpec } from '../engine/distributions.js';
import type { RosterSpec } from '../engine/profile-types.js';
import { halfWidth } from '../metrics/summary.js';
import type { ResolvedScenario } from '../model/resolved.js';
import { recordRun } from './run.js';
import { runReplication } from '../experiment/run-replication.js';

type Roster = RosterSpec | { constant: number } | { hourOfDay: number[] } | { hourOfWeek: number[] };

function addToRoster(roster: RosterSpec, extra: number): RosterSpec {
  const r = roster as Record<string, unknown>;
  if (typeof r.constant === 'number') return { constant: r.constant + extra } as Roster as RosterSpec;
  if (Array.isArray(r.hourOfDay)) return { ...r, hourOfDay: (r.hourOfDay as number[]).map((n) => n + extra) } as unknown as RosterSpec;
  if (Array.isArray(r.hourOfWeek)) return { ...r, hourOfWeek: (r.hourOfWeek as number[]).map((n) => n + extra) } as unknown as RosterSpec;
  throw new RangeError('withExtraHandlers: expected a constant, hourOfDay or hourOfWeek roster');
}

/** The scenario with `extra` more handlers on duty at all times in pool `pool` (default the first). */
export function withExtraHandlers(scenario: ResolvedScenario, extra = 1, pool = 0): ResolvedScenario {
  return {
    ...scenario,
    handlers: { ...scenario.handlers, pools: scenario.handlers.pools.map((p, i) => (i === pool ? { ...p, roster: addToRoster(p.roster, extra) } : p)) },
  };
}

/**
 * In a single FIFO queue without abandonment (one channel, one queue without patience, one pool),
 * one more handler never lengthens any caller's wait. Returns the callers whose wait grew.
 */
export function oneMoreHandlerWaitViolations(scenario: ResolvedScenario, replication = 0): string[] {
  if (scenario.queues.length !== 1 || scenario.queues[0].patienceSeconds !== undefined || scenario.handlers.pools.length !== 1 || scenario.switchboard !== undefined) {
    throw new RangeError('oneMoreHandlerWaitViolations: expected one queue without patience served by one pool (no switchboard)');
  }
  const waits = (s: ResolvedScenario): Map<number, number> =>
    new Map(recordRun(s, replication).records.left.filter((r) => r.outcome === 'answered').map((r) => [r.callId, r.answerSeconds]));
  const base = waits(scenario);
  const more = waits(withExtraHandlers(scenario, 1));
  const out: string[] = [];
  for (const [id, wait] of base) {
    const other = more.get(id);
    if (other === undefined) out.push(`call ${id}: answered after ${wait} s, not answered with one more handler`);
    else if (other > wait + 1e-9) out.push(`call ${id}: waited ${wait} s, ${other} s with one more handler`);
  }
  return out;
}

function scaleDistribution(spec: DistributionSpec, f: number): DistributionSpec {
  if (typeof spec === 'number') return (spec * f) as unknown as DistributionSpec;
  const d = spec as Record<string, unknown>;
  const [kind] = Object.keys(d).filter((k) => k !== 'weight');
  const v = d[kind] as Record<string, number> | number[] | number | Record<string, unknown>[];
  const scaled = ((): unknown => {
    switch (kind) {
      case 'fixed':
        return (v as number) * f;
      case 'exponential':
        return { mean: (v as Record<string, number>).mean * f };
      case 'lognormal':
      case 'gamma':
        return { ...(v as Record<string, number>), mean: (v as Record<string, number>).mean * f };
      case 'weibull':
        return { ...(v as Record<string, number>), scale: (v as Record<string, number>).scale * f };
      case 'uniform':
      case 'triangular':
      case 'empirical':
        return (v as number[]).map((x) => x * f);
      case 'mixture':
        return (v as Record<string, unknown>[]).map((c) => scaleDistribution(c as unknown as DistributionSpec, f));
      default:
        throw new RangeError(`rescaleTime: cannot scale a ${kind} distribution`);
    }
  })();
  return { ...d, [kind]: scaled } as unknown as DistributionSpec;
}

/**
 * The same queueing system on a clock `k` times faster: every arrival rate times k, every duration
 * (handle, wrap-up, patience, BT transfer, IVR menu) and every answer target divided by k. The
 * queue is the same in a different unit of time, so ratios such as the service level keep their
 * distribution while k times more calls are offered over the horizon. Only for scenarios with flat
 * rates (no calendar profile), no trace, no switchboard and no dispatch.
 */
export function rescaleTime(scenario: ResolvedScenario, k: number): ResolvedScenario {
  if (!(k > 0)) throw new RangeError(`rescaleTime: expected k > 0, found ${k}`);
  const flat = scenario.channels.every((c) => Object.keys(c.rate).every((key) => key === 'perHour') && c.surges.length === 0 && c.dayBusynessCv === 0);
  if (!flat || scenario.trace !== undefined || scenario.switchboard !== undefined || scenario.dispatch !== undefined || scenario.grading !== undefined) {
    throw new RangeError('rescaleTime: expected flat rates (no profile, surges or day busyness), no trace, no switchboard and no dispatch');
  }
  const f = 1 / k;
  const d = (spec: DistributionSpec | undefined): DistributionSpec | undefined => (spec === undefined ? undefined : scaleDistribution(spec, f));
  return {
    ...scenario,
    channels: scenario.channels.map((c) => ({
      ...c,
      rate: { ...c.rate, perHour: (c.rate as { perHour: number }).perHour * k },
      btTransferSeconds: d(c.btTransferSeconds),
      ivr: c.ivr === undefined ? undefined : { ...c.ivr, menuSeconds: d(c.ivr.menuSeconds) as DistributionSpec },
    })),
    queues: scenario.queues.map((q) => ({ ...q, targetSeconds: q.targetSeconds * f, patienceSeconds: d(q.patienceSeconds) })),
    handlers: {
      ...scenario.handlers,
      handleSecondsByQueue: scenario.handlers.handleSecondsByQueue.map((h) => (h === null ? null : (d(h) as DistributionSpec))),
      handleSeconds: Object.fromEntries(Object.entries(scenario.handlers.handleSeconds).map(([q, h]) => [q, d(h) as DistributionSpec])),
      wrapUpSeconds: d(scenario.handlers.wrapUpSeconds),
    },
  };
}

/** Mean and 95% half-width of one metric over replications 0..n-1 (run in this thread). */
export function metricOverReplications(scenario: ResolvedScenario, metric: string, replications: number): { mean: number; ci95: number; values: number[] } {
  const values = Array.from({ length: replications }, (_, i) => runReplication(scenario, i).metrics[metric] ?? NaN);
  return { mean: values.reduce((a, b) => a + b, 0) / values.length, ci95: halfWidth(values), values };
}

/**
 * Two estimates agree within noise when their difference is at most `z` times the standard error of
 * the difference (independent 95% intervals: se = half-width / 1.96). z = 3 makes a false alarm
 * rarer than 3 in 1000.
 */
export function withinNoise(a: { mean: number; ci95: number }, b: { mean: number; ci95: number }, z = 3): boolean {
  const se = Math.hypot(a.ci95, b.ci95) / 1.96;
  return Math.abs(a.mean - b.mean) <= z * se + 1e-12;
}
