/**
 * Where a replication may run. V8 aborts the whole process with a native trace when the main
 * thread's heap is exhausted, but a worker thread that runs out of memory only ends with an error
 * the command can report in one line. So work small enough to be safe runs in this thread (no
 * worker to start), and work whose estimate is a large share of the heap runs in a worker.
 */
import { getHeapStatistics } from 'node:v8';
import type { ResolvedScenario } from '../model/resolved.js';
import { estimateWork } from './work-estimate.js';

/**
 * Share of the heap limit beyond which one replication leaves this thread. The estimate is within
 * a factor of 2 of measured peaks (test/experiment/work-estimate.test.ts), so a quarter leaves room
 * for an estimate twice too low.
 */
const INLINE_HEAP_SHARE = 0.25;

/** True when one replication of `scenario` is estimated to need over a quarter of this thread's heap. */
export function needsIsolation(scenario: ResolvedScenario): boolean {
  const oneReplicationBytes = estimateWork({ ...scenario, replications: 1 }, 1).peakMemoryBytes;
  return oneReplicationBytes > INLINE_HEAP_SHARE * getHeapStatistics().heap_size_limit;
}
