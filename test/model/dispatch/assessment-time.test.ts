import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runReplication } from '../../../src/experiment/run-replication.js';
import { loadScenario } from '../../../src/experiment/load-scenario.js';

/**
 * Three replayed calls 1,000 s apart to one handler, each with a replayed handle time of `handle`
 * s: nobody waits, so the handler's occupancy over the hour is exactly the talk time / 3,600 s.
 */
function occupancy(handle: number, grading: string): number {
  const dir = mkdtempSync(join(tmpdir(), 'callsim-thrive-'));
  writeFileSync(join(dir, 'calls.csv'), `arrival,channel,handleSeconds\n0,999,${handle}\n1000,999,${handle}\n2000,999,${handle}\n`);
  writeFileSync(join(dir, 's.yaml'), `name: thrive time
start: 2022-01-01T00:00:00Z
horizon: { hours: 1 }
seed: 5
trace: calls.csv
channels:
  "999": { queue: "999" }
queues:
  "999": { targetSeconds: 10 }
handlers:
  pools:
    - { name: handlers, serves: ["999"], staff: 1 }
  handleSeconds:
    "999": { fixed: 1 }
grading:
  need: { "999": { priority: 1 } }
${grading.split('\n').filter((l) => l !== '').map((l) => `  ${l}`).join('\n')}
`);
  return runReplication(loadScenario(join(dir, 's.yaml')).resolved, 0).metrics['handlers.handlers.occupancy'];
}

describe('THRIVE and identification time', () => {
  it('hand-computable: 3 calls of 100 s, THRIVE always done at 50 s -> 450 / 3600; never done -> 300 / 3600', () => {
    expect(occupancy(100, '')).toBeCloseTo(300 / 3600, 12);
    expect(occupancy(100, 'thrive: 1\nthriveSeconds: { fixed: 50 }')).toBeCloseTo(450 / 3600, 12);
    expect(occupancy(100, 'thrive: 0\nthriveSeconds: { fixed: 50 }')).toBeCloseTo(300 / 3600, 12);
  });

  it('hand-computable: recognised repeat callers add identifySeconds; unrecognised or unflagged ones do not', () => {
    const flagged = 'flags: { repeat: 1 }\nthrive: 0\nthriveSeconds: { fixed: 50 }\nidentifySeconds: { fixed: 30 }';
    expect(occupancy(100, `${flagged}\nrecogniseRepeat: 1`)).toBeCloseTo(390 / 3600, 12);
    expect(occupancy(100, `${flagged}\nrecogniseRepeat: 0`)).toBeCloseTo(300 / 3600, 12);
    expect(occupancy(100, 'flags: { repeat: 0, vulnerable: 1 }\nidentifySeconds: { fixed: 30 }')).toBeCloseTo(390 / 3600, 12);
  });

  it('property: occupancy = 3 x (handle + THRIVE time x done + check time x recognised) / 3600 while nobody waits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }), fc.boolean(), fc.boolean(), (handle, thrive, check, done, recognised) => {
        const grading = `flags: { vulnerable: 1 }\nthrive: ${done ? 1 : 0}\nrecogniseVulnerable: ${recognised ? 1 : 0}\nthriveSeconds: { fixed: ${thrive} }\nidentifySeconds: { fixed: ${check} }`;
        const expected = (3 * (handle + (done ? thrive : 0) + (recognised ? check : 0))) / 3600;
        expect(occupancy(handle, grading)).toBeCloseTo(expected, 10);
      }),
      { numRuns: 25, seed: 15 },
    );
  });

  it('common random numbers: with THRIVE time of 0 s every result equals the run without it (the new stream moves no other draw)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'callsim-thrive-crn-'));
    const base = `name: crn
start: 2022-01-01T00:00:00Z
horizon: { days: 1 }
seed: 9
channels:
  "999": { perHour: 40, queue: "999" }
queues:
  "999": { targetSeconds: 10, patienceSeconds: { exponential: { mean: 120 } } }
handlers:
  pools:
    - { name: handlers, serves: ["999"], staff: 6 }
  handleSeconds:
    "999": { exponential: { mean: 500 } }
grading:
  need: { "999": { immediate: 0.3, priority: 0.3, none: 0.4 } }
  flags: { repeat: 0.3, vulnerable: 0.3 }
  thrive: 0.8
  recogniseRepeat: 0.6
`;
    writeFileSync(join(dir, 'a.yaml'), base);
    writeFileSync(join(dir, 'b.yaml'), `${base}  thriveSeconds: { fixed: 0 }\n  identifySeconds: { fixed: 0 }\n`);
    writeFileSync(join(dir, 'c.yaml'), `${base}  thriveSeconds: { fixed: 120 }\n`);
    const a = runReplication(loadScenario(join(dir, 'a.yaml')).resolved, 0);
    const b = runReplication(loadScenario(join(dir, 'b.yaml')).resolved, 0);
    const c = runReplication(loadScenario(join(dir, 'c.yaml')).resolved, 0);
    expect(b.metrics).toEqual(a.metrics);
    // Two minutes more per call on a loaded room: the same callers wait longer and more leave.
    expect(c.metrics['calls.offered']).toBe(a.metrics['calls.offered']);
    expect(c.metrics['queues.999.waitSeconds.mean']).toBeGreaterThan(a.metrics['queues.999.waitSeconds.mean']);
  });
});
