/** Resolved scenarios built in code for tests: one queue, or several classes sharing one pool. */
import type { DistributionSpec } from '../engine/distributions.js';
import type { QueueSelectionSpec, ResolvedScenario, TraceCall } from '../model/resolved.js';
import { indexTrace } from '../scenario/trace.js';

/** One 999 queue and one pool (resolved scenarios built in code; the scenario layer has its own tests). */
export function singleQueue(options: {
  perHour?: number;
  staff: number;
  handle: DistributionSpec;
  patience?: DistributionSpec;
  hours: number;
  warmupHours?: number;
  targetSeconds?: number;
  seed?: number;
  trace?: TraceCall[];
  wrapUp?: DistributionSpec;
}): ResolvedScenario {
  const { perHour, handle, patience, targetSeconds, ...rest } = options;
  return sharedPool({ ...rest, name: 'single queue', classes: [{ name: '999', perHour: perHour ?? 0, handle, patience, targetSeconds }] });
}

/** Several Poisson classes sharing one pool (Cobham's model; the cc2 benchmark). */
export function sharedPool(options: {
  classes: { name: string; perHour: number; handle: DistributionSpec; patience?: DistributionSpec; targetSeconds?: number }[];
  staff: number;
  hours: number;
  warmupHours?: number;
  seed?: number;
  policy?: QueueSelectionSpec;
  name?: string;
  trace?: TraceCall[];
  wrapUp?: DistributionSpec;
}): ResolvedScenario {
  const names = options.classes.map((c) => c.name);
  return {
    name: options.name ?? 'shared pool',
    start: '2022-01-03T00:00:00Z',
    startEpochMs: Date.parse('2022-01-03T00:00:00Z'), timeZone: 'UTC',
    horizonSeconds: options.hours * 3600,
    warmupSeconds: (options.warmupHours ?? 0) * 3600,
    replications: 1,
    seed: options.seed ?? 1,
    channels: options.classes.map((c, i) => ({ name: c.name, rate: { perHour: c.perHour }, dayBusynessCv: 0, surges: [], queueIndex: i, queue: c.name })),
    queues: options.classes.map((c) => ({ name: c.name, targetSeconds: c.targetSeconds ?? 10, patienceSeconds: c.patience })),
    handlers: {
      pools: [{ name: 'handlers', queueIndices: names.map((_, i) => i), serves: names, roster: { constant: options.staff } }],
      handleSecondsByQueue: options.classes.map((c) => c.handle),
      handleSeconds: Object.fromEntries(options.classes.map((c) => [c.name, c.handle])),
      wrapUpSeconds: options.wrapUp,
    },
    policy: { queueSelection: options.policy ?? { kind: 'strictPriority', order: names } },
    trace: options.trace === undefined ? undefined : indexTrace(options.trace, names, []),
  };
}
