import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ReplicationPool } from '../../src/experiment/replication-pool.js';
import { runSensitivity } from '../../src/experiment/sensitivity.js';
import { parseTargets } from '../../src/experiment/targets.js';
import { sensitivityJson, sensitivityTable, tornadoBar } from '../../src/report/sensitivity.js';

const scenario = (assumptions: string): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'callsim-sens-')), 's.yaml');
  writeFileSync(file, `name: tagged
start: 2022-01-01T00:00:00Z
horizon: { hours: 6 }
replications: 4
seed: 3
channels:
  "999": { perHour: 60, queue: "999" }
queues:
  "999": { targetSeconds: 20, patienceSeconds: { exponential: { mean: 120 } } }
handlers:
  pools:
    - { name: handlers, serves: ["999"], staff: 5 }
  handleSeconds:
    "999": { exponential: { mean: 300 } }
${assumptions}`);
  return file;
};

const targets = parseTargets({
  targets: [
    { label: 'target seconds', metric: 'queues.999.targetSeconds' },
    { label: 'staffed', metric: 'handlers.handlers.meanStaffed' },
    { label: 'abandoned', metric: 'queues.999.abandonedRatio' },
    { label: 'monthly', series: 'queues.999.abandonedRatio', by: 'month', each: [0, 1] },
  ],
});

const pool = new ReplicationPool(1);
afterAll(() => pool.close());

describe('sensitivity (one at a time, common random numbers)', () => {
  it('hand-computable: target 20 s +-20% moves the reported target by exactly -4/+4 s; staff 5 -> 4/6 moves mean staffed by -1/+1', async () => {
    const file = scenario(`assumptions:
  - { name: service-level clock, kind: assumed, paths: ['queues."999".targetSeconds'] }
  - { name: handlers, kind: fitted, paths: ['handlers.pools[0].staff'], whole: true }
`);
    const r = await runSensitivity(pool, file, targets);
    expect(r.replications).toBe(4);
    expect(r.skipped).toEqual(['monthly']);
    const [clock, staffed, abandoned] = r.targets;
    const clockRow = clock.rows.find((x) => x.assumption === 'service-level clock');
    expect(clockRow?.low.change).toEqual({ mean: -4, ci95: 0, significant: true });
    expect(clockRow?.high.change).toEqual({ mean: 4, ci95: 0, significant: true });
    // The clock changes no call: the staffing row moves it by nothing, and it sorts last.
    expect(clock.rows[1].assumption).toBe('handlers');
    expect(clock.rows[1].swing).toBe(0);
    expect(staffed.rows[0].assumption).toBe('handlers');
    expect(staffed.rows[0].low.change.mean).toBeCloseTo(-1, 9);
    expect(staffed.rows[0].high.change.mean).toBeCloseTo(1, 9);
    // Load 60/h x 300 s = 5 Erlangs on 4, 5, 6 handlers: fewer handlers, more abandon, in every paired replication.
    const staffRow = abandoned.rows.find((x) => x.assumption === 'handlers');
    expect(staffRow?.low.change.mean).toBeGreaterThan(0);
    expect(staffRow?.low.change.significant).toBe(true);
    expect(staffRow?.high.change.mean).toBeLessThan(0);
    // The service-level clock does not touch abandonment: an exact 0 (common random numbers).
    expect(abandoned.rows.find((x) => x.assumption === 'service-level clock')?.swing).toBe(0);
    const table = sensitivityTable(r);
    expect(table).toContain('target seconds (queues.999.targetSeconds): baseline 20.00');
    expect(table).toMatch(/16 → -4.00 ± 0.00 \S* ?\*/);
    expect(table).toContain('24 → 0.0 ± 0.0 pp');
    expect(table).toContain('Not varied (series targets): monthly');
    expect(JSON.parse(sensitivityJson(r)).targets[0].rows[0].low).toEqual({ values: [16], change: { mean: -4, ci95: 0, significant: true } });
  });

  it('property: an assumption moved to its own value changes no target in any replication (common random numbers)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 30, max: 600 }), fc.integer({ min: 2, max: 8 }), async (patience, staff) => {
        const file = scenario(`assumptions:
  - { name: patience, kind: fitted, paths: ['queues."999".patienceSeconds.exponential.mean'], range: [${patience}, ${patience}] }
`);
        const r = await runSensitivity(pool, file, targets, { sets: [`queues."999".patienceSeconds.exponential.mean=${patience}`, `handlers.pools[0].staff=${staff}`], replications: 2 });
        for (const t of r.targets) {
          for (const side of [t.rows[0].low.change, t.rows[0].high.change]) {
            expect(side.mean === null || side.mean === 0).toBe(true);
          }
        }
      }),
      { numRuns: 6, seed: 15 },
    );
  });
});

describe('tornado bar', () => {
  it('hand-computable: half-width 10 scaled to the largest swing; L left when the low side lowers the target', () => {
    expect(tornadoBar(-2, 1, 2)).toBe('LLLLLLLLLL|HHHHH     ');
    expect(tornadoBar(0, 0, 0)).toBe('          |          ');
    // Both sides up: the longer drawn first, the shorter over it.
    expect(tornadoBar(1, 2, 2)).toBe('          |LLLLLHHHHH');
    expect(tornadoBar(null, -0.01, 2)).toBe('         H|          ');
  });
});
