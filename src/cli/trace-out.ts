/** `run --trace-out FILE`: every call of replication 0 streamed to a CSV that appears only when complete. */
import { runReplication } from '../experiment/run-replication.js';
import type { ReplicationResult } from '../metrics/results.js';
import type { ResolvedScenario } from '../model/resolved.js';
import { AtomicStream } from '../report/atomic-write.js';
import { callCsvRow, callsCsvHeader } from '../report/calls-csv.js';

/** Runs replication 0, streaming each call to `file` (renamed into place when complete). */
export function traceReplicationZero(scenario: ResolvedScenario, file: string): ReplicationResult {
  const stream = new AtomicStream(file);
  try {
    stream.write(callsCsvHeader());
    const result = runReplication(scenario, 0, { callSink: (call) => stream.write(callCsvRow(call)) });
    stream.commit();
    return result;
  } catch (error) {
    stream.abort();
    throw error;
  }
}
