import { describe, expect, it } from 'vitest';
import { loadScenario, PolicyError, registerDispatchPolicy, registerQueuePolicy, runScenario, simulate, z } from '../../src/index.js';
import { ScenarioError } from '../../src/scenario/errors.js';
import { cli, STACK_LINE, TINY } from '../cli/cli.js';

const EXAMPLE = 'examples/policies/furthest-behind-target.js';
const twoQueues = (queueSelection: unknown): Record<string, unknown> => ({
  name: 'two queues',
  start: '2022-01-03T00:00:00Z',
  horizon: { hours: 4 },
  seed: 3,
  channels: { a: { perHour: 40, queue: 'primary' }, b: { perHour: 40, queue: 'secondary' } },
  queues: { primary: { targetSeconds: 60 }, secondary: { targetSeconds: 600 } },
  handlers: { pools: [{ name: 'h', serves: ['primary', 'secondary'], staff: 3 }], handleSeconds: { primary: { exponential: { mean: 240 } }, secondary: { exponential: { mean: 240 } } } },
  policy: { queueSelection },
});

describe('policy plug-ins', () => {
  it('a plugin named by path runs, and its params are checked by its own schema with the field path', async () => {
    const scenario = await loadScenario(twoQueues({ plugin: EXAMPLE, params: { goal: { primary: 0.8 } } }));
    expect(scenario.policy.queueSelection).toEqual({ kind: 'furthestBehindTarget', goal: { primary: 0.8 }, first: [] });
    const result = simulate(scenario);
    expect(result.metrics['queues.primary.answered'] + result.metrics['queues.secondary.answered']).toBeGreaterThan(0);

    const bad = await loadScenario(twoQueues({ plugin: EXAMPLE, params: { goal: { primary: 1.5 } } })).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ScenarioError);
    expect((bad as Error).message).toMatch(/policy\.queueSelection\.params\.goal\.primary: expected a number <= 1, found 1\.5/);
    const unknown = await loadScenario(twoQueues({ plugin: EXAMPLE, params: { goal: { tertiary: 0.5 } } })).catch((e: unknown) => e);
    expect((unknown as Error).message).toMatch(/policy\.queueSelection\.params\.goal\.tertiary: expected a declared queue \(one of "primary", "secondary"\), found "tertiary"/);
  });

  it('a missing plugin module is a scenario problem at its field', async () => {
    const error = await loadScenario(twoQueues({ plugin: './no-such-policy.js' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as Error).message).toMatch(/policy\.queueSelection\.plugin: expected a policy module exporting name, description, params and create, found .*no-such-policy\.js/);
  });

  it('the example policy differs from strict priority where the secondary queue falls behind, and runs the same on worker threads', async () => {
    const strict = await loadScenario(twoQueues({ strictPriority: ['primary', 'secondary'] }));
    const plugin = await loadScenario(twoQueues({ plugin: EXAMPLE, params: { goal: { primary: 0.8, secondary: 0.95 } } }));
    const a = simulate(strict).metrics;
    const b = simulate(plugin).metrics;
    // Same callers (common random numbers), different order of service.
    expect(b['queues.secondary.offered']).toBe(a['queues.secondary.offered']);
    expect(b['queues.secondary.waitSeconds.mean']).toBeLessThan(a['queues.secondary.waitSeconds.mean']);
    const inline = await runScenario(plugin, { replications: 2, threads: 1 });
    const threaded = await runScenario(plugin, { replications: 2, threads: 2 });
    expect(threaded.metrics).toEqual(inline.metrics);
  });

  it('a policy that throws or returns a bad index ends the run with exit 2 naming it, no stack trace', () => {
    const throwing = cli(['run', TINY, '--plugin', 'test/policies/fixtures/throwing-policy.js', '--set', 'policy.queueSelection={throwingPolicy: {}}', '--threads', '2', '--quiet']);
    expect(throwing.code).toBe(2);
    expect(throwing.stderr).toMatch(/policy throwingPolicy: threw at [\d.]+ s: no idea which queue/);
    expect(throwing.stderr).not.toMatch(STACK_LINE);
    const badIndex = cli(['run', TINY, '--set', 'policy.queueSelection={plugin: test/policies/fixtures/bad-index-policy.js}', '--threads', '1', '--quiet']);
    expect(badIndex.code).toBe(2);
    expect(badIndex.stderr).toMatch(/policy badIndexPolicy: returned 7 at [\d.]+ s: expected -1 or the index \(0 to 0\) of a served queue/);
    expect(badIndex.stderr).not.toMatch(STACK_LINE);
  });

  it('a dispatch policy registered as an object runs in this thread; worker threads need its module', async () => {
    // Least urgent dispatched grade first: the opposite of gradeFirst.
    registerDispatchPolicy({
      name: 'leastUrgentFirst',
      description: 'The least urgent dispatched grade with an incident waiting.',
      kind: 'dispatch',
      params: z.strictObject({}),
      create: (_p: object, grades: readonly number[]) => (waiting: Int32Array) => [...grades].reverse().find((g) => waiting[g] > 0) ?? -1,
    });
    // Without diverts: an Immediate incident taking a unit from a Priority one would hide the order of service.
    const short = ['horizon={days: 2}', 'channels.999.surges=[]', 'channels.101.surges=[]', 'dispatch.divertFromPriority=false'];
    const base = await loadScenario('scenarios/avon-somerset-2022.yaml', { sets: short });
    const reversed = await loadScenario('scenarios/avon-somerset-2022.yaml', { sets: [...short, 'dispatch.policy=leastUrgentFirst'] });
    expect(reversed.dispatch?.policy).toEqual({ kind: 'leastUrgentFirst' });
    const a = simulate(base).metrics;
    const b = simulate(reversed).metrics;
    expect(b['incidents.immediate.all.attendanceMinutes.mean']).toBeGreaterThan(a['incidents.immediate.all.attendanceMinutes.mean']);
    await expect(runScenario(reversed, { replications: 2, threads: 2 })).rejects.toThrow(/policy leastUrgentFirst: registered without its module URL/);
  });

  it('a policy returning an index of an empty queue is stopped, naming it', async () => {
    registerQueuePolicy({ name: 'alwaysSecond', description: 'Always the second queue.', params: z.strictObject({}), create: () => () => 1 });
    const scenario = await loadScenario(twoQueues({ alwaysSecond: {} }));
    expect(() => simulate({ ...scenario, channels: [scenario.channels[0]] })).toThrow(PolicyError);
    expect(() => simulate({ ...scenario, channels: [scenario.channels[0]] })).toThrow(/policy alwaysSecond: chose queue secondary at [\d.]+ s, where nobody waits/);
  });
});
