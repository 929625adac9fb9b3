import type { ReplicationResult } from '../metrics/results.js';
import type { ResolvedScenario } from '../model/resolved.js';

/** Main thread -> worker: a scenario to hold with the policy modules to load first (sent once per job), or a replication to run. */
export type ToWorker =
  | { type: 'scenario'; job: number; scenario: ResolvedScenario; plugins: readonly string[] }
  | { type: 'run'; job: number; replication: number };

/** Worker -> main thread: one replication's result, or the error it raised (classes do not cross threads). */
export type FromWorker =
  | { type: 'result'; job: number; result: ReplicationResult }
  | { type: 'error'; job: number; replication: number; error: SerialisedError };

export interface SerialisedError {
  name: string;
  message: string;
  stack?: string;
  /** SpecError's field path. */
  path?: string;
  problem?: string;
  /** PolicyError's policy name. */
  policy?: string;
}
