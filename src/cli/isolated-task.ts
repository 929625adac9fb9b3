/**
 * `run --trace-out` and `generate` hold one whole replication in this thread. When the scenario's
 * estimate says that risks the heap, the work goes to one worker thread instead, so that running
 * out of memory ends the command with one line (exit 1), not a V8 abort, and leaves no temporary
 * file behind.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { needsIsolation } from '../experiment/isolation.js';
import { generateCalls } from '../experiment/call-log.js';
import type { ReplicationResult } from '../metrics/results.js';
import type { ResolvedScenario } from '../model/resolved.js';
import { policyModules } from '../policies/registry.js';
import { formatTrace } from '../scenario/trace.js';
import type { IsolatedAnswer, IsolatedTask } from './isolated-protocol.js';
import { traceReplicationZero } from './trace-out.js';

/** The compiled worker beside this module; from the TypeScript sources (tests), the built copy. */
function workerEntry(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const sibling = join(here, 'isolated-worker.js');
  return existsSync(sibling) ? sibling : join(here, '..', '..', 'dist', 'src', 'cli', 'isolated-worker.js');
}

async function perform(task: IsolatedTask): Promise<IsolatedAnswer> {
  // Worker threads load only when a task is large.
  const { Worker } = await import('node:worker_threads');
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerEntry(), { workerData: task });
    let answered = false;
    worker.once('message', (answer: IsolatedAnswer) => {
      answered = true;
      resolve(answer);
    });
    // ERR_WORKER_OUT_OF_MEMORY arrives here; main's error handling prints it as one line.
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`a worker thread stopped unexpectedly (exit code ${code})`));
    });
  });
}

function rethrow(answer: Extract<IsolatedAnswer, { type: 'error' }>): never {
  const error = Object.assign(new Error(answer.message), { code: answer.code });
  error.name = answer.name;
  if (answer.stack !== undefined) error.stack = answer.stack;
  throw error;
}

/** Temporary files the worker may have left beside `file` when it was stopped (atomic-write.ts names them). */
function removeTemporaries(file: string): void {
  const prefix = `.${basename(file)}.${process.pid}.`;
  let names: string[];
  try {
    names = readdirSync(dirname(file));
  } catch {
    return;
  }
  for (const name of names) if (name.startsWith(prefix) && name.endsWith('.tmp')) rmSync(join(dirname(file), name), { force: true });
}

/** `run --trace-out`: replication 0 traced to `file`, in this thread or, when large, in a worker. */
export async function traceOut(scenario: ResolvedScenario, file: string): Promise<ReplicationResult> {
  if (!needsIsolation(scenario)) return traceReplicationZero(scenario, file);
  try {
    const answer = await perform({ kind: 'trace', scenario, file, plugins: policyModules() });
    if (answer.type === 'error') rethrow(answer);
    if (answer.type !== 'traced') throw new Error('internal: the trace worker answered with a call log');
    return answer.result;
  } finally {
    removeTemporaries(file);
  }
}

/** `generate`: the call log's text, drawn in this thread or, when large, in a worker. */
export async function generatedLog(scenario: ResolvedScenario, replication: number, attributes: boolean): Promise<string> {
  if (!needsIsolation(scenario)) return formatTrace(generateCalls(scenario, replication, attributes), scenario.startEpochMs);
  const answer = await perform({ kind: 'generate', scenario, replication, attributes, plugins: policyModules() });
  if (answer.type === 'error') rethrow(answer);
  if (answer.type !== 'generated') throw new Error('internal: the generate worker answered with a trace');
  return answer.text;
}
