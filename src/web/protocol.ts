import type { ReplicationResult } from '../metrics/results.js';
import type { ResolvedScenario } from '../model/resolved.js';

/** Page -> worker: run these replications of this scenario (the worker keeps nothing between jobs). */
export interface RunRequest {
  job: number;
  scenario: ResolvedScenario;
  replications: number[];
}

/** Worker -> page: one replication done, or the error that stopped the job. */
export type WorkerReply =
  | { type: 'result'; job: number; result: ReplicationResult; millis: number }
  | { type: 'error'; job: number; message: string };
