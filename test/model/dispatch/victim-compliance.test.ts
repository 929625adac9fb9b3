import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runReplication } from '../../../src/experiment/run-replication.js';
import type { ReplicationResult } from '../../../src/metrics/results.js';
import { loadScenario } from '../../../src/experiment/load-scenario.js';

/**
 * Every call is a Priority incident in an area with no units, so every incident still waiting an
 * hour after creation owes its victim an update; `victimUpdates` is written as given.
 */
function run(victimUpdates: string, seed = 4): ReplicationResult {
  const file = join(mkdtempSync(join(tmpdir(), 'callsim-victim-')), 's.yaml');
  writeFileSync(file, `name: victim updates
start: 2022-01-01T00:00:00Z
horizon: { days: 1 }
seed: ${seed}
channels:
  "999": { perHour: 20, queue: "999" }
  "101": { perHour: 0.001, queue: updates }
queues:
  "999": { targetSeconds: 10 }
  updates: { targetSeconds: 600 }
handlers:
  pools:
    - { name: handlers, serves: ["999", updates], staff: 4 }
  handleSeconds:
    "999": { fixed: 60 }
    updates: { fixed: 120 }
grading:
  need: { "999": { priority: 1 } }
dispatch:
  areas:
    - { name: a, kind: urban, share: 1, units: 0, travelMinutes: { fixed: 5 } }
  onSceneMinutes: { priority: { fixed: 30 } }
  targets: { priority: 60 }
${victimUpdates === '' ? '' : `  victimUpdates: ${victimUpdates}`}
`);
  return runReplication(loadScenario(file).resolved, 0);
}

const made = (r: ReplicationResult): number => r.metrics['victimUpdates.made'];
const owed = (r: ReplicationResult): number => r.metrics['victimUpdates.owed'];

describe('victim updates with a compliance probability', () => {
  it('hand-computable: without a queue, compliance 1 makes every owed update, 0 none; without compliance none is made (as before)', () => {
    const all = run('{ compliance: 1 }');
    expect(owed(all)).toBeGreaterThan(300); // about 20 an hour for 23 hours
    expect(made(all)).toBe(owed(all));
    expect(made(run('{ compliance: 0 }'))).toBe(0);
    expect(made(run(''))).toBe(0);
    expect(owed(run('{ compliance: 0 }'))).toBe(owed(all));
  });

  it('compliance 0.25: the share made lies within the binomial 99.9% band around 0.25 (fixed seed)', () => {
    const r = run('{ compliance: 0.25 }');
    const n = owed(r);
    expect(Math.abs(made(r) / n - 0.25)).toBeLessThan(3.3 * Math.sqrt((0.25 * 0.75) / n));
  });

  it('with a queue, an update not made costs no handler time: compliance 0 gives the occupancy of a room that owes none', () => {
    const none = run('{ queue: updates, compliance: 0 }');
    const all = run('{ queue: updates, compliance: 1 }');
    const noQueue = run('{ compliance: 0 }');
    expect(made(none)).toBe(0);
    expect(none.metrics['handlers.handlers.occupancy']).toBe(noQueue.metrics['handlers.handlers.occupancy']);
    expect(all.metrics['handlers.handlers.occupancy']).toBeGreaterThan(none.metrics['handlers.handlers.occupancy']);
    // Compliance 1 with a queue is the mechanism as it was before compliance existed, metric for metric.
    expect(all.metrics).toEqual(run('{ queue: updates }').metrics);
  });

  it('property: under common random numbers, updates made never fall as compliance rises, and never exceed those owed', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 50 }), (p, q, seed) => {
        const [lo, hi] = p <= q ? [p, q] : [q, p];
        const a = run(`{ compliance: ${lo} }`, seed);
        const b = run(`{ compliance: ${hi} }`, seed);
        expect(owed(a)).toBe(owed(b));
        expect(made(a)).toBeLessThanOrEqual(made(b));
        expect(made(b)).toBeLessThanOrEqual(owed(b));
      }),
      { numRuns: 8, seed: 15 },
    );
  });
});
