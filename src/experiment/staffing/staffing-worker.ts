/**
 * Worker-thread entry for staffing replications (dist/src/experiment/staffing/staffing-worker.js):
 * holds the current job and runs the replications the main thread asks for.
 */
import { parentPort } from 'node:worker_threads';
import type { IntervalRecord } from './interval-monitor.js';
import { type IntervalJob, runIntervalReplication } from './run-interval-replication.js';

export type ToStaffingWorker = { type: 'job'; id: number; job: IntervalJob } | { type: 'run'; id: number; replication: number };
export type FromStaffingWorker = { type: 'result'; id: number; record: IntervalRecord } | { type: 'error'; id: number; message: string };

const port = parentPort;
if (port === null) throw new Error('staffing-worker.js must run in a worker thread');

let current: { id: number; job: IntervalJob } | undefined;

port.on('message', (message: ToStaffingWorker) => {
  if (message.type === 'job') {
    current = { id: message.id, job: message.job };
    return;
  }
  let reply: FromStaffingWorker;
  try {
    if (current === undefined || current.id !== message.id) throw new Error(`staffing worker: no job ${message.id}`);
    reply = { type: 'result', id: message.id, record: runIntervalReplication(current.job, message.replication) };
  } catch (error) {
    reply = { type: 'error', id: message.id, message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
