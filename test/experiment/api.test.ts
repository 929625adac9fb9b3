import { describe, expect, it } from 'vitest';
import { checkTargets, compareScenarios, loadScenario, runScenario, simulate, sweep } from '../../src/index.js';
import { ScenarioError } from '../../src/scenario/errors.js';

const TINY = 'test/cli/fixtures/tiny.yaml';

describe('public API', () => {
  it('loadScenario lists every problem of bad data at once', async () => {
    const error = await loadScenario({ name: 'x', start: 'not a date', horizon: { hours: -1 }, channels: {}, queues: {}, handlers: { pools: [], handleSeconds: {} } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as ScenarioError).problems.length).toBeGreaterThan(2);
  });

  it('runScenario gives the same numbers as replications run one by one with simulate, with the file in the header', async () => {
    const scenario = await loadScenario(TINY);
    const results = await runScenario(scenario, { replications: 3, threads: 1 });
    expect(results.scenario.file).toBe(TINY);
    expect(results.metrics['queues.999.serviceLevel'].values).toEqual([0, 1, 2].map((i) => simulate(scenario, { replication: i }).metrics['queues.999.serviceLevel']));
  });

  it('compareScenarios pairs replications; sweep runs the grid in order; checkTargets judges results', async () => {
    const base = await loadScenario(TINY);
    const more = await loadScenario(TINY, { sets: ['handlers.pools[0].staff=13'] });
    const comparison = await compareScenarios([base, more], { replications: 2, threads: 1 });
    expect(comparison.differences['queues.999.waitSeconds.mean'][0].mean).toBeLessThan(0);

    const points: string[][] = [];
    const grid = await sweep(TINY, { vary: { 'handlers.pools[0].staff': [10, 12] }, replications: 2, threads: 1, onPoint: (p) => points.push(p.point.values) });
    expect(points).toEqual([['10'], ['12']]);
    expect(grid[1].results.metrics['queues.999.serviceLevel'].mean).toBeGreaterThan(grid[0].results.metrics['queues.999.serviceLevel'].mean);

    const judged = checkTargets(grid[1].results, { name: 't', targets: [{ label: 'service level', metric: 'queues.999.serviceLevel', range: [0, 1] }, { label: 'impossible', metric: 'queues.999.serviceLevel', range: [2, 3] }] });
    expect(judged.outcomes.slice(0, 2).map((o) => o.status)).toEqual(['met', 'missed']);
    // Then the national standards, from the standards module, never required.
    expect(judged.outcomes.slice(2).map((o) => [o.name, o.required])).toEqual([['queues.999.answeredWithinTarget', false]]);
    expect(judged.allRequiredMet).toBe(false);
  });
});
