/**
 * Replications on worker threads. Each replication index has its own random streams
 * (`runReplication(scenario, i)`), so a replication gives the same result on whichever thread runs
 * it; results are collected by index, and callers summarise them in index order. Hence results are
 * bit-identical whatever the thread count. With one thread, replications run in this thread (no
 * worker to start), unless their estimated memory risks this thread's heap (`isolation.ts`).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { SpecError } from '../engine/spec-error.js';
import { PolicyError } from '../policies/policy-error.js';
import { dispatchPolicy, policyModules, queuePolicy } from '../policies/registry.js';
import type { ReplicationResult } from '../metrics/results.js';
import type { ResolvedScenario } from '../model/resolved.js';
import { needsIsolation } from './isolation.js';
import { runReplication } from './run-replication.js';
import type { FromWorker, SerialisedError, ToWorker } from './worker-protocol.js';

/**
 * The compiled worker entry next to this module (dist/src/experiment/worker.js), or found from the
 * bundled command line (dist/src/cli/). When this module runs from its TypeScript source (tests),
 * the built copy under dist/ is used: build first.
 */
export function workerEntry(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const sibling = join(here, 'worker.js');
  if (existsSync(sibling)) return sibling;
  // From the bundled command line (dist/src/cli/ or a chunk under it).
  for (const up of ['..', '../..']) {
    const bundled = resolve(here, up, 'experiment', 'worker.js');
    if (existsSync(bundled)) return bundled;
  }
  const built = resolve(here, '..', '..', 'dist', 'src', 'experiment', 'worker.js');
  if (existsSync(built)) return built;
  throw new Error(`cannot find the worker entry (${sibling} or ${built}): run npm run build`);
}

function revive(e: SerialisedError): Error {
  let error: Error;
  if (e.name === 'SpecError' && e.path !== undefined && e.problem !== undefined) error = new SpecError(e.path, e.problem);
  else if (e.name === 'PolicyError' && e.policy !== undefined) error = new PolicyError(e.policy, e.message.replace(`policy ${e.policy}: `, ''));
  else error = new Error(e.message);
  error.name = e.name;
  if (e.stack !== undefined) error.stack = e.stack;
  return error;
}

/** The policy a worker thread could not load: one registered as an object, without its module URL. */
function unloadablePolicy(scenario: ResolvedScenario): string | undefined {
  const specs = [scenario.policy.queueSelection, ...scenario.handlers.pools.map((p) => p.queueSelection), scenario.dispatch?.policy];
  for (const spec of specs) {
    if (spec === undefined) continue;
    const entry = spec === scenario.dispatch?.policy ? dispatchPolicy(spec.kind) : queuePolicy(spec.kind);
    if (entry !== undefined && !entry.builtIn && entry.module === undefined) return spec.kind;
  }
  return undefined;
}

function checkLoadable(scenario: ResolvedScenario): void {
  const kind = unloadablePolicy(scenario);
  if (kind !== undefined) {
    throw new PolicyError(kind, 'registered without its module URL, so worker threads cannot load it: register it with its module (registerQueuePolicy(policy, import.meta.url)) or run in one thread (threads: 1)');
  }
}

/** In this thread, unless the work is large enough to risk the heap (then one worker, where running out of memory is reportable). */
const runsHere = (scenario: ResolvedScenario): boolean => !needsIsolation(scenario) || unloadablePolicy(scenario) !== undefined;

/** Called after each replication finishes (in completion order, which varies with threads). */
export type ReplicationDone = (result: ReplicationResult) => void;

interface Job {
  id: number;
  scenario: ResolvedScenario;
  pending: number[];
  results: Map<number, ReplicationResult>;
  total: number;
  onDone?: ReplicationDone;
  resolve: () => void;
  reject: (error: Error) => void;
  failed: boolean;
}

/** A set of worker threads, reused across jobs (the points of a sweep, the scenarios of a comparison). */
export class ReplicationPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly seen = new WeakMap<Worker, number>();
  private job: Job | undefined;
  private nextJob = 1;

  /** @param threads worker threads to use at most (1: run in this thread). */
  constructor(readonly threads: number) {
    if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`threads must be a whole number >= 1, found ${threads}`);
  }

  /** Runs the given replication indices of `scenario`; resolves to their results in the order of `indices`. */
  async run(scenario: ResolvedScenario, indices: readonly number[], onDone?: ReplicationDone): Promise<ReplicationResult[]> {
    if (this.job !== undefined) throw new Error('ReplicationPool runs one job at a time');
    if (indices.length === 0) return [];
    // One replication runs here: starting a worker would cost more than it saves.
    if ((this.threads === 1 || (indices.length === 1 && this.workers.length === 0)) && runsHere(scenario)) return this.runInline(scenario, indices, onDone);
    checkLoadable(scenario);
    const wanted = Math.min(this.threads, indices.length);
    while (this.workers.length < wanted) this.spawn();
    const order = [...indices];
    return new Promise<ReplicationResult[]>((resolvePromise, rejectPromise) => {
      const job: Job = {
        id: this.nextJob++, scenario, pending: [...indices], results: new Map(), total: indices.length, onDone, failed: false,
        resolve: () => {
          this.job = undefined;
          resolvePromise(order.map((i) => job.results.get(i) as ReplicationResult));
        },
        reject: (error) => {
          this.job = undefined;
          rejectPromise(error);
        },
      };
      this.job = job;
      for (const worker of this.idle.splice(0)) this.feed(worker);
    });
  }

  /**
   * Start the workers for a job of `replications` now, so that their start-up (loading the
   * modules) overlaps whatever the caller does next, such as reading the scenario.
   */
  warm(replications: number): void {
    if (this.threads === 1 || replications < 2) return;
    const wanted = Math.min(this.threads, replications);
    while (this.workers.length < wanted) this.spawn();
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    const all = this.workers.splice(0);
    this.idle.length = 0;
    await Promise.all(all.map((w) => w.terminate()));
  }

  private async runInline(scenario: ResolvedScenario, indices: readonly number[], onDone?: ReplicationDone): Promise<ReplicationResult[]> {
    const results: ReplicationResult[] = [];
    for (const i of indices) {
      const result = runReplication(scenario, i);
      results.push(result);
      onDone?.(result);
      // Let timers (the progress bar) and signals run between replications.
      await new Promise((r) => setImmediate(r));
    }
    return results;
  }

  private spawn(): void {
    const worker = new Worker(workerEntry());
    worker.on('message', (message: FromWorker) => this.receive(worker, message));
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => {
      if (this.workers.includes(worker)) this.fail(new Error(`a worker thread stopped unexpectedly (exit code ${code})`));
    });
    this.workers.push(worker);
    this.idle.push(worker);
  }

  /** Gives an idle worker the next replication of the current job. */
  private feed(worker: Worker): void {
    const job = this.job;
    const next = job?.pending.shift();
    if (job === undefined || next === undefined) {
      this.idle.push(worker);
      return;
    }
    if (this.seen.get(worker) !== job.id) {
      this.post(worker, { type: 'scenario', job: job.id, scenario: job.scenario, plugins: policyModules() });
      this.seen.set(worker, job.id);
    }
    this.post(worker, { type: 'run', job: job.id, replication: next });
  }

  private post(worker: Worker, message: ToWorker): void {
    worker.postMessage(message);
  }

  private receive(worker: Worker, message: FromWorker): void {
    const job = this.job;
    if (job === undefined || message.job !== job.id) {
      // A late answer from a failed job: the worker is free for the current one.
      this.feed(worker);
      return;
    }
    if (message.type === 'error') {
      this.fail(revive(message.error));
      this.feed(worker);
      return;
    }
    job.results.set(message.result.replication, message.result);
    job.onDone?.(message.result);
    if (job.results.size === job.total) {
      this.idle.push(worker);
      job.resolve();
      return;
    }
    this.feed(worker);
  }

  private fail(error: Error): void {
    const job = this.job;
    if (job !== undefined && !job.failed) {
      job.failed = true;
      job.reject(error);
    }
  }
}
