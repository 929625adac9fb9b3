/**
 * Runs staffing replications on worker threads (or inline with one thread). Results come back in
 * replication order, so a search gives the same answer whatever the thread count.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { IntervalRecord } from './interval-monitor.js';
import { type IntervalJob, runIntervalReplication } from './run-interval-replication.js';
import type { FromStaffingWorker, ToStaffingWorker } from './staffing-worker.js';

function workerEntry(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const sibling = join(here, 'staffing-worker.js');
  if (existsSync(sibling)) return sibling;
  // From a chunk of the bundled command line (dist/src/cli/chunks/).
  const bundled = resolve(here, '..', '..', 'experiment', 'staffing', 'staffing-worker.js');
  if (existsSync(bundled)) return bundled;
  const built = resolve(here, '..', '..', '..', 'dist', 'src', 'experiment', 'staffing', 'staffing-worker.js');
  if (existsSync(built)) return built;
  throw new Error(`cannot find the staffing worker (${sibling} or ${built}): run npm run build`);
}

export class IntervalRunner {
  private workers: Worker[] = [];
  private nextId = 1;
  /** Replications run so far (for the report). */
  replicationsRun = 0;

  constructor(readonly threads: number) {
    if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`threads must be a whole number >= 1, found ${threads}`);
  }

  async run(job: IntervalJob, indices: readonly number[], onDone?: () => void): Promise<IntervalRecord[]> {
    this.replicationsRun += indices.length;
    if (this.threads === 1 || indices.length === 1) {
      const out: IntervalRecord[] = [];
      for (const i of indices) {
        out.push(runIntervalReplication(job, i));
        onDone?.();
        await new Promise((r) => setImmediate(r));
      }
      return out;
    }
    while (this.workers.length < Math.min(this.threads, indices.length)) this.workers.push(new Worker(workerEntry()));
    const id = this.nextId++;
    const pending = [...indices];
    const results = new Map<number, IntervalRecord>();
    const active = this.workers.slice(0, Math.min(this.threads, indices.length));
    await new Promise<void>((resolvePromise, reject) => {
      let failed = false;
      const cleanup = (): void => {
        for (const w of active) w.removeAllListeners('message').removeAllListeners('error');
      };
      const feed = (w: Worker): void => {
        const next = pending.shift();
        if (next !== undefined) w.postMessage({ type: 'run', id, replication: next } satisfies ToStaffingWorker);
      };
      for (const w of active) {
        w.on('message', (m: FromStaffingWorker) => {
          if (failed || m.id !== id) return;
          if (m.type === 'error') {
            failed = true;
            cleanup();
            reject(new Error(m.message));
            return;
          }
          results.set(m.record.replication, m.record);
          onDone?.();
          if (results.size === indices.length) {
            cleanup();
            resolvePromise();
          } else feed(w);
        });
        w.on('error', (e) => {
          failed = true;
          cleanup();
          reject(e);
        });
        w.postMessage({ type: 'job', id, job } satisfies ToStaffingWorker);
        feed(w);
      }
    });
    return indices.map((i) => results.get(i) as IntervalRecord);
  }

  async close(): Promise<void> {
    const all = this.workers;
    this.workers = [];
    await Promise.all(all.map((w) => w.terminate()));
  }
}
