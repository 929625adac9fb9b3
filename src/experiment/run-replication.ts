import { StreamFactory } from '../engine/random.js';
import type { Call } from '../model/call.js';
import { ControlRoom } from '../model/control-room.js';
import type { CallView } from '../model/monitor.js';
import type { ResolvedScenario } from '../model/resolved.js';
import { ControlRoomCollector } from '../metrics/collector.js';
import { REPORT_ATTENDANCE_TARGETS } from '../metrics/standards.js';
import type { ReplicationResult } from '../metrics/results.js';
import { makeDispatchPolicy } from '../policies/dispatch/dispatch-policies.js';
import { HourlyQueueCounts } from '../policies/hour-counts.js';
import { makeQueueSelector } from '../policies/queue-selection.js';
import { queuePolicy } from '../policies/registry.js';
import { teeMonitor, type RunObserver } from './counting-monitor.js';

export interface ReplicationOptions {
  /** Every call as it ends (for `--trace-out` and `generate`). */
  callSink?: (call: CallView) => void;
  /** Sees every record the model reports, after the metrics collector. */
  monitor?: RunObserver;
}

/** True when a pool of the scenario runs a policy other than a built-in (only those may read this hour's counts). */
function usesPlugin(scenario: ResolvedScenario): boolean {
  const specs = [scenario.policy.queueSelection, ...scenario.handlers.pools.map((p) => p.queueSelection)];
  return specs.some((s) => s !== undefined && queuePolicy(s.kind)?.builtIn !== true);
}

/**
 * Run one replication of a scenario: its own random streams (root seed, replication index),
 * the control-room model, and the metrics collector. The one entry point for the CLI, tests and
 * benches; the same scenario and replication give the same result, bit for bit.
 */
export function runReplication(scenario: ResolvedScenario, replication: number, options: ReplicationOptions = {}): ReplicationResult {
  const streams = new StreamFactory(scenario.seed, replication);
  const collector = new ControlRoomCollector(scenario.dispatch?.targets ?? REPORT_ATTENDANCE_TARGETS);
  // The built-ins never read this hour's counts: runs that use only them skip counting.
  const counts = usesPlugin(scenario) ? new HourlyQueueCounts() : undefined;
  const context = { startEpochMs: scenario.startEpochMs, counts };
  const sink = options.callSink;
  const room = new ControlRoom(scenario, streams, teeMonitor(collector, counts, options.monitor), {
    queueSelector: (spec, served) => makeQueueSelector(spec, served, context),
    dispatchPolicy: makeDispatchPolicy,
    callSink: sink === undefined ? undefined : (call: Call) => sink(call),
  });
  room.run();
  return collector.result(replication, room.sim.eventsRun);
}
