/**
 * A synthetic call log drawn from a scenario's arrival processes (one replication), in the trace
 * format, so a run with `--trace` replays it. Redials and chasing calls are left out: the model
 * makes those itself when it replays.
 */
import type { CallView } from '../model/monitor.js';
import type { ResolvedScenario, TraceCall } from '../model/resolved.js';
import { runReplication } from './run-replication.js';

/** The trace row of a first call (arrival and channel; sampled attributes when asked). */
function traceCall(call: CallView, attributes: boolean, graded: boolean): TraceCall {
  const row: TraceCall = { arrivalSeconds: call.arrivedAt, channel: call.channel };
  if (!attributes) return row;
  if (Number.isFinite(call.handleSeconds)) row.handleSeconds = call.handleSeconds;
  if (Number.isFinite(call.patienceSeconds)) row.patienceSeconds = call.patienceSeconds;
  if (graded && call.area !== '') row.area = call.area;
  if (graded) row.need = call.needed;
  return row;
}

/** Every first call of replication `replication`, by arrival time (then id). */
export function generateCalls(scenario: ResolvedScenario, replication: number, attributes: boolean): TraceCall[] {
  const graded = scenario.dispatch !== undefined || scenario.grading !== undefined;
  // The model may reuse its call records after the sink returns: keep the row, not the view.
  const calls: { id: number; row: TraceCall }[] = [];
  runReplication(scenario, replication, {
    callSink: (call) => {
      if (call.redialOf < 0 && call.chasingIncident < 0) calls.push({ id: call.id, row: traceCall(call, attributes, graded) });
    },
  });
  calls.sort((a, b) => a.row.arrivalSeconds - b.row.arrivalSeconds || a.id - b.id);
  return calls.map((c) => c.row);
}
