/**
 * The what-if page's worker: runs replications with the same code as `callsim run`'s worker threads
 * (experiment/run-replication.ts over engine, model, policies and metrics), one after another.
 */
import { runReplication } from '../experiment/run-replication.js';
import type { RunRequest, WorkerReply } from './protocol.js';

interface WorkerScope {
  onmessage: ((event: { data: RunRequest }) => void) | null;
  postMessage(message: WorkerReply): void;
}

const scope = globalThis as unknown as WorkerScope;

scope.onmessage = ({ data }) => {
  try {
    for (const replication of data.replications) {
      const began = performance.now();
      const result = runReplication(data.scenario, replication);
      scope.postMessage({ type: 'result', job: data.job, result, millis: performance.now() - began });
    }
  } catch (error) {
    scope.postMessage({ type: 'error', job: data.job, message: error instanceof Error ? error.message : String(error) });
  }
};
