/**
 * Worker-thread entry (compiled to dist/src/experiment/worker.js): holds the scenario of the
 * current job and runs the replications the main thread asks for, one at a time. Results are plain
 * data and go back by structured clone; the main thread orders them by replication index. Policy
 * modules the main thread registered are loaded here too, before the job's first replication.
 */
import { parentPort } from 'node:worker_threads';
import type { ResolvedScenario } from '../model/resolved.js';
import { loadPolicyModule } from './policy-modules.js';
import { runReplication } from './run-replication.js';
import type { FromWorker, ToWorker } from './worker-protocol.js';

if (parentPort === null) throw new Error('worker.js must run in a worker thread');
const port = parentPort;

const scenarios = new Map<number, ResolvedScenario>();
/** Messages are handled in order; loading a policy module is asynchronous, so each waits for the one before. */
let queue: Promise<void> = Promise.resolve();
let loading: Error | undefined;

port.on('message', (message: ToWorker) => {
  queue = queue
    .then(() => handle(message))
    .catch((error: unknown) => {
      // Not a replication's own error (those are replies): fail the thread, which the pool reports.
      setImmediate(() => {
        throw error;
      });
    });
});

async function handle(message: ToWorker): Promise<void> {
  if (message.type === 'scenario') {
    // A pool runs one job at a time: older scenarios are no longer needed.
    scenarios.clear();
    scenarios.set(message.job, message.scenario);
    loading = undefined;
    try {
      for (const module of message.plugins) await loadPolicyModule(module);
    } catch (error) {
      loading = error instanceof Error ? error : new Error(String(error));
    }
    return;
  }
  const scenario = scenarios.get(message.job);
  let reply: FromWorker;
  try {
    if (loading !== undefined) throw loading;
    if (scenario === undefined) throw new Error(`worker: no scenario for job ${message.job}`);
    reply = { type: 'result', job: message.job, result: runReplication(scenario, message.replication) };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    const spec = e as Error & { path?: unknown; problem?: unknown; policy?: unknown };
    reply = {
      type: 'error',
      job: message.job,
      replication: message.replication,
      error: {
        name: e.name,
        message: e.message,
        stack: e.stack,
        path: typeof spec.path === 'string' ? spec.path : undefined,
        problem: typeof spec.problem === 'string' ? spec.problem : undefined,
        policy: typeof spec.policy === 'string' ? spec.policy : undefined,
      },
    };
  }
  port.postMessage(reply);
}
