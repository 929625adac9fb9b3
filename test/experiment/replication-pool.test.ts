import { describe, expect, it } from 'vitest';
import { SpecError } from '../../src/engine/spec-error.js';
import { ReplicationPool } from '../../src/experiment/replication-pool.js';
import { runReplications } from '../../src/experiment/run-replications.js';
import { singleQueue } from '../support/scenarios.js';

// Workers run the built dist/src/experiment/worker.js (the test command builds first).
const scenario = singleQueue({ perHour: 120, staff: 5, handle: { exponential: { mean: 120 } }, patience: { exponential: { mean: 200 } }, hours: 3, seed: 5 });

describe('ReplicationPool', () => {
  it('gives each replication index the same result on worker threads as in this thread, in index order', async () => {
    const inline = new ReplicationPool(1);
    const workers = new ReplicationPool(2);
    try {
      const indices = [0, 1, 2, 3, 4];
      const a = await inline.run(scenario, indices);
      const b = await workers.run(scenario, indices);
      expect(b.map((r) => r.replication)).toEqual(indices);
      expect(b).toEqual(a);
      // Distinct indices have distinct streams.
      expect(a[0].metrics['queues.999.offered']).not.toBe(a[1].metrics['queues.999.offered']);
      // The pool is reused for the next job (a sweep's next point).
      const again = await workers.run({ ...scenario, seed: 6 }, [3, 1]);
      expect(again.map((r) => r.replication)).toEqual([3, 1]);
      expect(again[0]).not.toEqual(a[3]);
    } finally {
      await workers.close();
    }
  });

  it('an error in a worker reaches the caller as the same error class with its path', async () => {
    // Unresolved on purpose: src/scenario would refuse it; the engine's sampler refuses it in the worker.
    const bad = singleQueue({ perHour: 60, staff: 2, handle: { exponential: { mean: -1 } }, hours: 1 });
    const pool = new ReplicationPool(2);
    try {
      const error = await pool.run(bad, [0, 1]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SpecError);
      expect((error as SpecError).path).toBe('exponential.mean');
    } finally {
      await pool.close();
    }
  });

  it('runReplications with a precision target runs whole batches of the initial count, never past the cap', async () => {
    const pool = new ReplicationPool(1);
    const batches: number[] = [];
    const run = await runReplications(pool, scenario, { replications: 3, precision: [{ metric: 'queues.999.serviceLevel', halfWidth: 1e-9 }], maxReplications: 10 }, undefined, (t) => batches.push(t));
    expect(batches).toEqual([3, 6, 9, 10]);
    expect(run.results.map((r) => r.replication)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(run.precisionMet).toBe(false);
  });
});
