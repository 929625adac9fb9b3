/// <reference lib="dom" />
/**
 * Replications on Web Workers, one per core the browser reports: every (scenario, replication) is a
 * task handed to the next free worker, so two scenarios compared under common random numbers share
 * the workers. Each worker runs the same code as the command line's worker threads.
 */
import type { ReplicationResult } from '../metrics/results.js';
import type { ResolvedScenario } from '../model/resolved.js';
import type { RunRequest, WorkerReply } from './protocol.js';

export interface Task {
  scenario: number;
  replication: number;
}

export interface PoolProgress {
  done: number;
  total: number;
  /** Milliseconds each finished replication took inside its worker. */
  millis: number[];
}

export class BrowserPool {
  private readonly url: string;
  private readonly workers: Worker[] = [];
  private job = 0;

  constructor(workerSource: string, readonly size: number) {
    // A Blob URL, so the worker starts from a page opened at file:// as well as from a web server.
    this.url = URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
  }

  private worker(i: number): Worker {
    this.workers[i] ??= new Worker(this.url);
    return this.workers[i];
  }

  /** Runs every task; resolves to each scenario's results in replication order. */
  run(scenarios: readonly ResolvedScenario[], tasks: readonly Task[], onProgress: (p: PoolProgress) => void): Promise<ReplicationResult[][]> {
    const job = ++this.job;
    const out: ReplicationResult[][] = scenarios.map(() => []);
    const millis: number[] = [];
    let next = 0;
    let done = 0;
    return new Promise((resolve, reject) => {
      const give = (w: Worker): void => {
        const task = tasks[next++];
        if (task === undefined) return;
        const request: RunRequest = { job, scenario: scenarios[task.scenario], replications: [task.replication] };
        w.onmessage = ({ data }: MessageEvent<WorkerReply>) => {
          if (data.job !== job) return;
          if (data.type === 'error') {
            reject(new Error(data.message));
            return;
          }
          out[task.scenario].push(data.result);
          millis.push(data.millis);
          done++;
          onProgress({ done, total: tasks.length, millis });
          if (done === tasks.length) resolve(out.map((reps) => [...reps].sort((a, b) => a.replication - b.replication)));
          else give(w);
        };
        w.onerror = (event) => reject(new Error(event.message || 'a worker failed'));
        w.postMessage(request);
      };
      if (tasks.length === 0) resolve(out);
      for (let i = 0; i < Math.min(this.size, tasks.length); i++) give(this.worker(i));
    });
  }

  /** Stops the workers of a run that is no longer wanted (they restart on the next run). */
  stop(): void {
    for (const w of this.workers.splice(0)) w.terminate();
  }
}
