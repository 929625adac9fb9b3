/** One replication with every record kept, for invariants and metamorphic relations. */
import { runReplication } from '../experiment/run-replication.js';
import type { ReplicationResult } from '../metrics/results.js';
import type { ResolvedScenario } from '../model/resolved.js';
import { RecordingMonitor } from './recorder.js';

/** A replication's metrics and the records behind them. */
export interface RecordedRun {
  scenario: ResolvedScenario;
  result: ReplicationResult;
  records: RecordingMonitor;
}

/** Run replication `replication` (default 0) of `scenario` in this thread, recording every call, queue visit and pool level. */
export function recordRun(scenario: ResolvedScenario, replication = 0): RecordedRun {
  const records = new RecordingMonitor();
  const result = runReplication(scenario, replication, { monitor: records });
  return { scenario, result, records };
}
