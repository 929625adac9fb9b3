import { StreamFactory } from '../../engine/random.js';
import { ControlRoom } from '../../model/control-room.js';
import type { ResolvedScenario } from '../../model/resolved.js';
import { makeDispatchPolicy } from '../../policies/dispatch/dispatch-policies.js';
import { makeQueueSelector } from '../../policies/queue-selection.js';
import { type IntervalRecord, IntervalMonitor } from './interval-monitor.js';
import { type IntervalKind, intervalScheme } from './intervals.js';
import type { StaffTarget } from './staffing-targets.js';

/** What a staffing replication counts: plain data, sent to worker threads once per job. */
export interface IntervalJob {
  scenario: ResolvedScenario;
  kind: IntervalKind;
  targets: readonly StaffTarget[];
}

/**
 * One replication counted per staffing interval. The streams are (seed, replication), as in
 * `runReplication`, so every staffing tried sees the same callers (common random numbers).
 */
export function runIntervalReplication(job: IntervalJob, replication: number): IntervalRecord {
  const { scenario } = job;
  const monitor = new IntervalMonitor(intervalScheme(job.kind, scenario), job.targets, scenario.handlers.pools.map((p) => p.serves), replication, scenario.dispatch?.dispatchedGrades ?? []);
  const room = new ControlRoom(scenario, new StreamFactory(scenario.seed, replication), monitor, {
    queueSelector: makeQueueSelector,
    dispatchPolicy: makeDispatchPolicy,
  });
  room.run();
  return monitor.result();
}
