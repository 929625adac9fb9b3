import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/experiment/run-scenario.js';
import { loadScenario } from '../../src/experiment/load-scenario.js';
import { resolveScenario, ScenarioError } from '../../src/scenario/index.js';

const MMC = 'scenarios/examples/mmc-abandonment';

describe('loadScenario', () => {
  it('the minimal M/M/c+M file resolves identically from YAML and JSON', () => {
    const yaml = loadScenario(`${MMC}.yaml`);
    const json = loadScenario(`${MMC}.json`);
    expect(json.resolved).toEqual(yaml.resolved);
    expect(yaml.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(yaml.sha256).not.toBe(json.sha256);
  });

  it('resolves the minimal file to the documented shape (defaults filled in)', () => {
    const { resolved } = loadScenario(`${MMC}.yaml`);
    expect(resolved).toEqual({
      name: 'M/M/c+M',
      start: '2022-01-01T00:00:00.000Z',
      startEpochMs: Date.UTC(2022, 0, 1),
      timeZone: 'Europe/London',
      horizonSeconds: 30 * 86_400,
      warmupSeconds: 4 * 3600,
      replications: 10,
      seed: 7,
      channels: [{ name: '999', rate: { perHour: 200 }, dayBusynessCv: 0, surges: [], queueIndex: 0, queue: '999' }],
      queues: [{ name: '999', targetSeconds: 20, patienceSeconds: { exponential: { mean: 300 } } }],
      handlers: {
        pools: [{ name: 'handlers', queueIndices: [0], serves: ['999'], roster: { constant: 11 } }],
        handleSecondsByQueue: [{ exponential: { mean: 180 } }],
        handleSeconds: { '999': { exponential: { mean: 180 } } },
      },
      policy: { queueSelection: { kind: 'strictPriority', order: ['999'] } },
    });
  });

  it('the YAML and JSON forms run to the same results with runScenario', () => {
    const sets = ['horizon={hours: 12}', 'warmup={hours: 1}'];
    const a = runScenario(loadScenario(`${MMC}.yaml`, { sets }).resolved, { replications: 2 });
    const b = runScenario(loadScenario(`${MMC}.json`, { sets }).resolved, { replications: 2 });
    expect(b.metrics).toEqual(a.metrics);
    expect(a.replications).toBe(2);
  });

  it('the resolved scenario is deeply frozen', () => {
    const { resolved } = loadScenario(`${MMC}.yaml`);
    expect(Object.isFrozen(resolved)).toBe(true);
    expect(Object.isFrozen(resolved.channels[0].rate)).toBe(true);
    expect(Object.isFrozen(resolved.handlers.pools[0].serves)).toBe(true);
    expect(() => {
      (resolved.queues[0] as { targetSeconds: number }).targetSeconds = 1;
    }).toThrow(TypeError);
  });

  it.each([
    'scenarios/avon-somerset-2022.yaml',
    ...readdirSync('scenarios/what-if').map((f) => `scenarios/what-if/${f}`),
    ...readdirSync('scenarios/examples').filter((f) => /\.(ya?ml|json)$/.test(f)).map((f) => `scenarios/examples/${f}`),
  ])('%s loads', (file) => {
    const { resolved } = loadScenario(file);
    expect(resolved.horizonSeconds).toBeGreaterThan(0);
  });

  it('resolveScenario takes plain data and names the origin file in problems', () => {
    expect(() => resolveScenario({ name: 'x' }, { file: 'plain.yaml' })).toThrow(ScenarioError);
    try {
      resolveScenario({ name: 'x' }, { file: 'plain.yaml' });
    } catch (e) {
      expect((e as ScenarioError).message).toMatch(/^plain\.yaml: start: expected/m);
    }
  });
});
