import type { ReplicationResult } from '../metrics/results.js';
import type { ResolvedScenario } from '../model/resolved.js';

/** Work that holds one whole replication in memory, given to a worker thread when it is large (`isolated-task.ts`). */
export type IsolatedTask =
  | { kind: 'trace'; scenario: ResolvedScenario; file: string; plugins: readonly string[] }
  | { kind: 'generate'; scenario: ResolvedScenario; replication: number; attributes: boolean; plugins: readonly string[] };

/** The worker's one answer: the replication traced, the call log's text, or the error it raised (classes do not cross threads). */
export type IsolatedAnswer =
  | { type: 'traced'; result: ReplicationResult }
  | { type: 'generated'; text: string }
  | { type: 'error'; name: string; message: string; code?: string; stack?: string };
