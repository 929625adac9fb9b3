import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/experiment/load-scenario.js';
import { ScenarioError } from '../../src/scenario/index.js';
import { deepMerge } from '../../src/scenario/source.js';

const MMC = 'scenarios/examples/mmc-abandonment.yaml';

function dir(files: Record<string, string>): string {
  const d = mkdtempSync(join(tmpdir(), 'callsim-scenario-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(d, name), text);
  return d;
}

function problemsOf(run: () => unknown): ScenarioError {
  try {
    run();
  } catch (e) {
    if (e instanceof ScenarioError) return e;
    throw e;
  }
  throw new Error('expected a ScenarioError');
}

const BASE = `name: base
start: 2022-01-01T00:00:00Z
horizon: { days: 2 }
channels:
  "999": { perHour: 20, queue: "999" }
  "101": { perHour: 30, queue: "101" }
queues:
  "999": { targetSeconds: 10, patienceSeconds: { exponential: { mean: 300 } } }
  "101": { targetSeconds: 60 }
handlers:
  pools:
    - { name: a, serves: ["999"], staff: 3 }
    - { name: b, serves: ["101"], staff: 4 }
  handleSeconds:
    "999": { exponential: { mean: 180 } }
    "101": 240
`;

describe('extends', () => {
  it('deep-merges maps and replaces lists; chains are followed', () => {
    const d = dir({
      'base.yaml': BASE,
      'middle.yaml': 'extends: base.yaml\nname: middle\nqueues:\n  "101": { patienceSeconds: { exponential: { mean: 900 } } }\n',
      'top.yaml': 'extends: ./middle.yaml\nname: top\nhandlers:\n  pools:\n    - { name: all, serves: ["999", "101"], staff: 5 }\n',
    });
    const { resolved } = loadScenario(join(d, 'top.yaml'));
    expect(resolved.name).toBe('top');
    // merged: the 101 queue keeps its target and gains a patience
    expect(resolved.queues.find((q) => q.name === '101')).toEqual({ name: '101', targetSeconds: 60, patienceSeconds: { exponential: { mean: 900 } } });
    // replaced: one pool, not three
    expect(resolved.handlers.pools).toEqual([{ name: 'all', queueIndices: [resolved.queues.findIndex((q) => q.name === '999'), resolved.queues.findIndex((q) => q.name === '101')], serves: ['999', '101'], roster: { constant: 5 } }]);
    // untouched map entries survive
    expect(resolved.handlers.handleSeconds['101']).toEqual({ fixed: 240 });
  });

  it('a distribution of another kind replaces the base one instead of merging with it', () => {
    expect(deepMerge({ p: { exponential: { mean: 1 } } }, { p: { lognormal: { mean: 2, cv: 1 } } })).toEqual({ p: { lognormal: { mean: 2, cv: 1 } } });
    expect(deepMerge({ p: { lognormal: { mean: 1, cv: 1 } } }, { p: { lognormal: { cv: 2 } } })).toEqual({ p: { lognormal: { mean: 1, cv: 2 } } });
    expect(deepMerge({ a: [1, 2, 3], m: { x: 1 } }, { a: [9], m: { y: 2 } })).toEqual({ a: [9], m: { x: 1, y: 2 } });
  });

  it('a cycle is reported with the file and line of the extends that closes it', () => {
    const d = dir({ 'a.yaml': 'extends: b.yaml\nname: a\n', 'b.yaml': '# b\nextends: a.yaml\nname: b\n' });
    const e = problemsOf(() => loadScenario(join(d, 'a.yaml')));
    expect(e.problems).toHaveLength(1);
    expect(e.message).toMatch(/b\.yaml:2: extends: expected a base scenario that does not extend this one \(no cycle\), found a cycle: .*a\.yaml -> .*b\.yaml -> .*a\.yaml/);
  });

  it('a missing base names the extending file and line', () => {
    const d = dir({ 'a.yaml': 'name: a\nextends: nowhere.yaml\n' });
    expect(problemsOf(() => loadScenario(join(d, 'a.yaml'))).message).toMatch(/a\.yaml:2: extends: expected a readable scenario file \(YAML or JSON\), found .*nowhere\.yaml: no such file/);
  });

  it('problems in a base file name the base file and its line', () => {
    const d = dir({ 'base.yaml': BASE.replace('targetSeconds: 60', 'targetSeconds: -60'), 'top.yaml': 'extends: base.yaml\nname: top\n' });
    expect(problemsOf(() => loadScenario(join(d, 'top.yaml'))).message).toMatch(/base\.yaml:9: queues\.101\.targetSeconds: expected a number >= 0, found -60/);
  });
});

describe('--set', () => {
  it('sets numbers, lists, maps and quoted keys, parsed as YAML', () => {
    const { resolved } = loadScenario(MMC, {
      sets: ['handlers.pools[0].staff=12', 'queues."999".targetSeconds=15', 'queues.999.patienceSeconds={exponential: {mean: 600}}', 'channels.999.perDay=2400', 'channels.999.perHour=null'],
    });
    expect(resolved.handlers.pools[0].roster).toEqual({ constant: 12 });
    expect(resolved.queues[0].targetSeconds).toBe(15);
    expect(resolved.queues[0].patienceSeconds).toEqual({ exponential: { mean: 600 } });
    expect(resolved.channels[0].rate.perHour).toBe(100);
  });

  it('later sets win and create missing maps', () => {
    const { resolved } = loadScenario(MMC, { sets: ['seed=1', 'seed=2', 'queues.999.callback.offerAfterSeconds=60', 'queues.999.callback.accept=0.5'] });
    expect(resolved.seed).toBe(2);
    expect(resolved.queues[0].callback).toEqual({ offerAfterSeconds: 60, acceptProbability: 0.5, reachProbability: 1, failedAttemptSeconds: { fixed: 60 } });
  });

  it('a problem caused by a set names the set', () => {
    const e = problemsOf(() => loadScenario(MMC, { sets: ['handlers.pools[0].staff=-1'] }));
    expect(e.message).toContain('--set handlers.pools[0].staff=-1: handlers.pools[0].staff: expected a number >= 0, found -1');
  });

  it('malformed sets are all reported', () => {
    const e = problemsOf(() => loadScenario(MMC, { sets: ['nonsense', 'handlers.pools[5].staff=1', 'name.first=x'] }));
    expect(e.problems.map((p) => p.file)).toEqual(['--set nonsense', '--set handlers.pools[5].staff=1', '--set name.first=x']);
  });
});

describe('declared order', () => {
  it('queues and channels keep the order the files declare (names like "999" included); the default policy follows it', () => {
    const d = dir({
      'base.yaml': `name: order
start: 2022-01-01T00:00:00Z
horizon: { hours: 6 }
channels:
  web: { perHour: 1, queue: secondary }
  "101": { perHour: 1, queue: primary }
  "999": { perHour: 1, queue: "999" }
queues:
  primary: { targetSeconds: 60 }
  "999": { targetSeconds: 10 }
  secondary: { targetSeconds: 600 }
handlers:
  pools: [{ name: all, serves: [secondary, "999", primary], staff: 2 }]
  handleSeconds: { primary: 60, "999": 60, secondary: 60 }
`,
      'top.yaml': 'extends: base.yaml\nname: top\nqueues:\n  "112": { targetSeconds: 5 }\n  primary: { targetSeconds: 30 }\nhandlers:\n  pools: [{ name: all, serves: [secondary, "999", primary, "112"], staff: 2 }]\n  handleSeconds: { "112": 30 }\n',
    });
    const base = loadScenario(join(d, 'base.yaml')).resolved;
    expect(base.queues.map((q) => q.name)).toEqual(['primary', '999', 'secondary']);
    expect(base.channels.map((c) => c.name)).toEqual(['web', '101', '999']);
    expect(base.policy.queueSelection).toEqual({ kind: 'strictPriority', order: ['primary', '999', 'secondary'] });
    // an extending file keeps the base's order and appends its new names
    expect(loadScenario(join(d, 'top.yaml')).resolved.queues.map((q) => q.name)).toEqual(['primary', '999', 'secondary', '112']);
  });
});
