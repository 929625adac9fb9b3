/**
 * `callsim staff` end to end: the JSON contract, the round trip (the YAML roster it writes, put
 * into the scenario, meets every target in a fresh run with a different seed), and bad input (an
 * impossible target and the --max-staff cap end with exit 2 and a reason, not an endless search).
 * Small scenarios: a few days, hour-of-day intervals.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { cli, STACK_LINE, tempDir } from './cli.js';

const WEIGHTS = [0.3, 0.2, 0.2, 0.2, 0.3, 0.5, 0.8, 1.1, 1.4, 1.6, 1.6, 1.5, 1.4, 1.4, 1.4, 1.3, 1.3, 1.2, 1.1, 1.0, 0.9, 0.7, 0.5, 0.4];

function scenarioText(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'staff round trip',
    start: '2022-03-01T00:00:00Z',
    horizon: { days: 4 },
    warmup: { hours: 4 },
    replications: 4,
    seed: 17,
    channels: { '101': { perHour: 60, profile: { hourOfDay: WEIGHTS }, queue: 'secondary' } },
    queues: { secondary: { targetSeconds: 60, patienceSeconds: { exponential: { mean: 600 } } } },
    handlers: { pools: [{ name: 'non-emergency', serves: ['secondary'], staff: 3 }], handleSeconds: { secondary: { lognormal: { mean: 480, cv: 0.8 } } } },
    policy: { queueSelection: { strictPriority: ['secondary'] } },
    ...extra,
  };
}

describe('callsim staff', () => {
  it('writes the JSON contract and a YAML roster that meets every target in a fresh run with another seed', () => {
    const dir = tempDir();
    const file = join(dir, 'room.yaml');
    writeFileSync(file, stringify(scenarioText()));
    const rosterFile = join(dir, 'roster.yaml');
    const r = cli(['staff', file, '--interval', 'hourOfDay', '--per', 'month', '--target', 'queues.secondary.abandonedRatio<=0.05', '--target', 'queues.secondary.serviceLevel>=0.6',
      '--format', 'json', '--roster-out', rosterFile, '--html', join(dir, 'staff.html'), '--threads', '1', '--max-reps', '8', '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      pools: Record<string, { interval: string; required: number[]; analytic: number[]; roster: { shifts: unknown[] }; paidHours: number; fte: number }>;
      targets: { metric: string; op: string; value: number; per: string; met: boolean; worst: { key: string; mean: number; ci95: number } }[];
      iterations: number;
    };
    const pool = out.pools['non-emergency'];
    expect(pool.interval).toBe('hourOfDay');
    expect(pool.required).toHaveLength(24);
    expect(pool.analytic).toHaveLength(24);
    expect(pool.required.every((v) => Number.isInteger(v) && v >= 1)).toBe(true);
    expect(pool.roster.shifts.length).toBeGreaterThan(0);
    expect(pool.paidHours).toBeGreaterThanOrEqual(7 * pool.required.reduce((a, b) => a + b, 0));
    expect(pool.fte).toBeGreaterThan(pool.paidHours / 37);
    expect(out.targets.map((t) => [t.metric, t.op, t.value, t.per, t.met])).toEqual([
      ['queues.secondary.abandonedRatio', '<=', 0.05, 'month', true],
      ['queues.secondary.serviceLevel', '>=', 0.6, 'month', true],
    ]);
    expect(out.targets[0].worst.key).toBe('2022-03');
    expect(out.iterations).toBeGreaterThanOrEqual(3);
    expect(readFileSync(join(dir, 'staff.html'), 'utf8')).toMatch(/^<!DOCTYPE html>[\s\S]*<svg/);

    // Round trip: the roster block replaces handlers.pools[0].roster; a fresh run with another seed.
    const roster = (parse(readFileSync(rosterFile, 'utf8')) as Record<string, { roster: unknown }>)['non-emergency'].roster;
    const proposed = scenarioText();
    const handlers = proposed.handlers as { pools: Record<string, unknown>[] };
    handlers.pools[0] = { name: 'non-emergency', serves: ['secondary'], roster };
    const proposedFile = join(dir, 'proposed.yaml');
    writeFileSync(proposedFile, stringify(proposed));
    const run = cli(['run', proposedFile, '--seed', '4242', '--reps', '6', '--format', 'json', '--threads', '1', '--quiet']);
    expect(run.code).toBe(0);
    const metrics = (JSON.parse(run.stdout) as { metrics: Record<string, { mean: number }> }).metrics;
    expect(metrics['queues.secondary.abandonedRatio'].mean).toBeLessThanOrEqual(0.05);
    expect(metrics['queues.secondary.serviceLevel'].mean).toBeGreaterThanOrEqual(0.6);
  });

  it('an impossible target (answer within 10 s with a BT leg longer than 10 s) ends with exit 2 and says why', () => {
    const dir = tempDir();
    const file = join(dir, 'bt.yaml');
    writeFileSync(file, stringify(scenarioText({
      channels: { '999': { perHour: 60, btTransferSeconds: { lognormal: { mean: 12, cv: 0.3 } }, queue: '999' } },
      queues: { '999': { targetSeconds: 10 } },
      handlers: { pools: [{ name: 'emergency', serves: ['999'], staff: 3 }], handleSeconds: { '999': { exponential: { mean: 300 } } } },
      policy: { queueSelection: { strictPriority: ['999'] } },
      horizon: { days: 1 },
    })));
    const r = cli(['staff', file, '--interval', 'hourOfDay', '--target', 'queues.999.answeredWithin10s>=1', '--threads', '1', '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/queues\.999\.answeredWithin10s>=1 .*cannot be met/);
    expect(r.stderr).toMatch(/BT transfer leg/);
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it('respects --max-staff: a target that needs more handlers than the cap is exit 2 naming the cap', () => {
    const dir = tempDir();
    const file = join(dir, 'room.yaml');
    writeFileSync(file, stringify(scenarioText({ horizon: { days: 1 } })));
    const r = cli(['staff', file, '--interval', 'hourOfDay', '--target', 'queues.secondary.abandonedRatio<=0.02', '--max-staff', '4', '--threads', '1', '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--max-staff 4/);
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it('rejects a target it cannot staff for, naming it', () => {
    const dir = tempDir();
    const file = join(dir, 'room.yaml');
    writeFileSync(file, stringify(scenarioText({ horizon: { days: 1 } })));
    const r = cli(['staff', file, '--target', 'queues.nowhere.abandonedRatio<=0.05', '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no queue named "nowhere"/);
  });
});
