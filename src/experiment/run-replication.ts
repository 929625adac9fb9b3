import { StreamFactory } from '../engine/random.js';
import type { Call } from '../model/call.js';
import { ControlRoom } from '../model/control-room.js';
import type { CallView } from '../model/monitor.js';
import type { ResolvedScenario } from '../model/resolved.js';
import { ControlRoomCollector } from '../metrics/collector.js';
import { DEFAULT_TARGETS } from '../metrics/incident-stats.js';
import type { ReplicationResult } from '../metrics/results.js';
import { makeDispatchPolicy } from '../policies/dispatch/dispatch-policies.js';
import { makeQueueSelector } from '../policies/queue-selection.js';

export interface ReplicationOptions {
  /** Every call as it ends (for `--trace-out` and `generate`). */
  callSink?: (call: CallView) => void;
}

/**
 * Run one replication of a scenario: its own random streams (root seed, replication index),
 * the control-room model, and the metrics collector. The one entry point for the CLI, tests and
 * benches; the same scenario and replication give the same result, bit for bit.
 */
export function runReplication(scenario: ResolvedScenario, replication: number, options: ReplicationOptions = {}): ReplicationResult {
  const streams = new StreamFactory(scenario.seed, replication);
  const collector = new ControlRoomCollector(scenario.dispatch?.targets ?? DEFAULT_TARGETS);
  const sink = options.callSink;
  const room = new ControlRoom(scenario, streams, collector, {
    queueSelector: makeQueueSelector,
    dispatchPolicy: makeDispatchPolicy,
    callSink: sink === undefined ? undefined : (call: Call) => sink(call),
  });
  room.run();
  return collector.result(replication, room.sim.eventsRun);
}
