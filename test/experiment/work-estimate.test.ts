import { describe, expect, it } from 'vitest';
import { runReplication } from '../../src/experiment/run-replication.js';
import { estimateWork, MAX_HEADCOUNT, checkWork } from '../../src/experiment/work-estimate.js';
import { loadScenario } from '../../src/experiment/load-scenario.js';
import { ScenarioError } from '../../src/scenario/index.js';

/** Measured events of replication 0 against the estimate for one replication. */
function ratio(file: string, sets: string[] = []): number {
  const { resolved } = loadScenario(file, { sets: [...sets, 'replications=1'] });
  const measured = runReplication(resolved, 0).eventsRun;
  return estimateWork(resolved, 1).events / measured;
}

describe('work estimate', () => {
  it('estimates the events of the baseline (three weeks of it), a two-queue room and a replayed day within a factor of 2', () => {
    const cases: [string, string[]][] = [
      ['scenarios/avon-somerset-2022.yaml', ['horizon.days=21', 'channels.999.surges=[]', 'channels.101.surges=[]']],
      ['scenarios/examples/two-queue.yaml', []],
      ['scenarios/examples/replay.yaml', []],
      ['test/cli/fixtures/tiny.yaml', []],
    ];
    for (const [file, sets] of cases) {
      const r = ratio(file, sets);
      expect(r, file).toBeGreaterThan(0.5);
      expect(r, file).toBeLessThan(2);
    }
  });

  it('grows with the rate, the horizon and the replications, and memory with the threads', () => {
    const base = loadScenario('test/cli/fixtures/tiny.yaml').resolved;
    const e = estimateWork(base, 1);
    expect(estimateWork({ ...base, replications: base.replications * 2 }, 1).events).toBeCloseTo(2 * e.events);
    expect(estimateWork({ ...base, horizonSeconds: base.horizonSeconds * 3 }, 1).callsPerReplication).toBeCloseTo(3 * e.callsPerReplication);
    expect(estimateWork(base, 4).peakMemoryBytes).toBeGreaterThan(e.peakMemoryBytes);
  });

  it('refuses a headcount above the cap even with allowLarge, naming the pool', () => {
    const s = loadScenario('test/cli/fixtures/tiny.yaml', { sets: [`handlers.pools[0].staff=${MAX_HEADCOUNT + 1}`] }).resolved;
    const e = estimateWork(s, 1);
    expect(() => checkWork(e, s, 'tiny.yaml', true)).toThrow(ScenarioError);
    expect(() => checkWork(e, s, 'tiny.yaml', true)).toThrow(/handlers\.pools\[0\]: expected a headcount of at most 100,000/);
  });
});
