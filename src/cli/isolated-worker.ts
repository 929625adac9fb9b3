/**
 * Worker-thread entry for a large `run --trace-out` or `generate` (compiled to
 * dist/src/cli/isolated-worker.js): does the one task it is given and posts the answer. If the task
 * exhausts memory, only this thread ends, and the command reports it in one line.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { generateCalls } from '../experiment/call-log.js';
import { loadPolicyModule } from '../experiment/policy-modules.js';
import { formatTrace } from '../scenario/trace.js';
import type { IsolatedAnswer, IsolatedTask } from './isolated-protocol.js';
import { traceReplicationZero } from './trace-out.js';

if (parentPort === null) throw new Error('isolated-worker.js must run in a worker thread');
const port = parentPort;
const task = workerData as IsolatedTask;

async function perform(): Promise<IsolatedAnswer> {
  for (const module of task.plugins) await loadPolicyModule(module);
  if (task.kind === 'trace') return { type: 'traced', result: traceReplicationZero(task.scenario, task.file) };
  const calls = generateCalls(task.scenario, task.replication, task.attributes);
  return { type: 'generated', text: formatTrace(calls, task.scenario.startEpochMs) };
}

perform()
  .catch((error: unknown): IsolatedAnswer => {
    const e = error instanceof Error ? error : new Error(String(error));
    const code = (e as { code?: unknown }).code;
    return { type: 'error', name: e.name, message: e.message, code: typeof code === 'string' ? code : undefined, stack: e.stack };
  })
  .then((answer) => port.postMessage(answer));
