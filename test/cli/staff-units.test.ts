/**
 * `callsim staff --units` end to end: the JSON contract's `areas` beside `pools`, the round trip
 * (the unit rosters it writes, put into the scenario's dispatch areas, meet the attendance target in
 * a fresh run with another seed), bad input (travel alone longer than the attendance target: exit 2
 * saying so), `--interval hourOfDate` (a dated roster that drops into the scenario) and per-pool
 * `--shrinkage`. Small scenarios: a few days, hour-of-day intervals.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { cli, STACK_LINE, tempDir } from './cli.js';

const WEIGHTS = [0.4, 0.3, 0.3, 0.3, 0.4, 0.5, 0.8, 1.1, 1.3, 1.4, 1.4, 1.3, 1.3, 1.3, 1.3, 1.3, 1.3, 1.2, 1.2, 1.1, 1.0, 0.9, 0.7, 0.5];

function room(extra: Record<string, unknown> = {}, travel: unknown = { lognormal: { mean: 6, cv: 0.3 } }): Record<string, unknown> {
  return {
    name: 'units round trip',
    start: '2022-03-01T00:00:00Z',
    horizon: { days: 4 },
    warmup: { hours: 4 },
    replications: 4,
    seed: 23,
    channels: { '999': { perHour: 40, profile: { hourOfDay: WEIGHTS }, queue: '999' } },
    queues: { '999': { targetSeconds: 10 } },
    handlers: { pools: [{ name: 'emergency', serves: ['999'], staff: 20 }], handleSeconds: { '999': { exponential: { mean: 120 } } } },
    policy: { queueSelection: { strictPriority: ['999'] } },
    grading: { need: { '999': { immediate: 0.4, priority: 0.4, none: 0.2 } }, flags: { repeat: 0, vulnerable: 0 }, thrive: 1, recogniseRepeat: 1, recogniseVulnerable: 1, undergradeIfMissed: 0 },
    dispatch: {
      areas: [{ name: 'city', kind: 'urban', share: 1, units: { shifts: [{ start: '07:00', hours: 12, staff: 4 }, { start: '19:00', hours: 12, staff: 4 }] }, travelMinutes: travel }],
      onSceneMinutes: { immediate: { lognormal: { mean: 30, cv: 0.8 } }, priority: { lognormal: { mean: 30, cv: 0.8 } } },
    },
    ...extra,
  };
}

describe('callsim staff --units', () => {
  it('writes areas beside pools in the JSON and a unit roster that meets the attendance target in a fresh run with another seed', () => {
    const dir = tempDir();
    const file = join(dir, 'room.yaml');
    writeFileSync(file, stringify(room()));
    const rosterFile = join(dir, 'units.yaml');
    const r = cli(['staff', file, '--units', '--interval', 'hourOfDay', '--per', 'month', '--target', 'incidents.immediate.urban.withinTarget>=0.85',
      '--format', 'json', '--roster-out', rosterFile, '--threads', '1', '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      pools: Record<string, unknown>;
      areas: Record<string, { interval: string; required: number[]; analytic: number[]; roster: { shifts: unknown[] }; paidHours: number }>;
      targets: { metric: string; per: string; met: boolean }[];
    };
    expect(out.pools).toEqual({});
    const city = out.areas.city;
    expect(city.interval).toBe('hourOfDay');
    expect(city.required).toHaveLength(24);
    expect(city.analytic).toHaveLength(24);
    expect(city.required.every((v) => Number.isInteger(v) && v >= 1)).toBe(true);
    expect(city.roster.shifts.length).toBeGreaterThan(0);
    expect(city.paidHours).toBeGreaterThanOrEqual(7 * city.required.reduce((a, b) => a + b, 0));
    expect(out.targets.map((t) => [t.metric, t.per, t.met])).toEqual([['incidents.immediate.urban.withinTarget', 'month', true]]);

    // Round trip: the block replaces dispatch.areas[0].units (and extraUnits); a fresh run with another seed.
    const block = (parse(readFileSync(rosterFile, 'utf8')) as Record<string, { units: unknown; extraUnits: unknown[] }>).city;
    expect(block.extraUnits).toEqual([]);
    const proposed = room();
    const dispatch = proposed.dispatch as { areas: Record<string, unknown>[] };
    dispatch.areas[0] = { ...dispatch.areas[0], units: block.units, extraUnits: block.extraUnits };
    const proposedFile = join(dir, 'proposed.yaml');
    writeFileSync(proposedFile, stringify(proposed));
    const run = cli(['run', proposedFile, '--seed', '9191', '--reps', '6', '--format', 'json', '--threads', '1', '--quiet']);
    expect(run.code).toBe(0);
    const metrics = (JSON.parse(run.stdout) as { metrics: Record<string, { mean: number }> }).metrics;
    expect(metrics['incidents.immediate.urban.withinTarget'].mean).toBeGreaterThanOrEqual(0.85);
  });

  it('an attendance target travel alone misses (mean 20 min against 15) ends with exit 2 saying so', () => {
    const dir = tempDir();
    const file = join(dir, 'far.yaml');
    writeFileSync(file, stringify(room({ horizon: { days: 1 } }, { lognormal: { mean: 20, cv: 0.3 } })));
    const r = cli(['staff', file, '--units', '--interval', 'hourOfDay', '--target', 'incidents.immediate.city.withinTarget>=0.9', '--threads', '1', '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/incidents\.immediate\.city\.withinTarget>=0\.9 .*cannot be met/);
    expect(r.stderr).toMatch(/travel alone \(mean 20\.\d min\) takes longer than the 15-minute target/);
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it('rejects an attendance target without --units, and an area the scenario lacks', () => {
    const dir = tempDir();
    const file = join(dir, 'room.yaml');
    writeFileSync(file, stringify(room({ horizon: { days: 1 } })));
    const a = cli(['staff', file, '--target', 'incidents.immediate.city.withinTarget>=0.8', '--quiet']);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/add --units/);
    const b = cli(['staff', file, '--units', '--target', 'incidents.immediate.town.withinTarget>=0.8', '--quiet']);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/"town" is not an area of the scenario \(city\)/);
  });

  it('--interval hourOfDate gives each date its hours and a dated roster; --shrinkage gives a pool its own FTE', () => {
    const dir = tempDir();
    const file = join(dir, 'room.yaml');
    writeFileSync(file, stringify(room({ horizon: { days: 2 }, warmup: { hours: 0 } })));
    const rosterFile = join(dir, 'roster.yaml');
    const r = cli(['staff', file, '--interval', 'hourOfDate', '--per', 'horizon', '--target', 'queues.999.answeredWithin10s>=0.8', '--shrinkage', 'emergency:leave=0.2,sickness=0.1,training=0/1',
      '--format', 'json', '--roster-out', rosterFile, '--threads', '1', '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { labels: string[]; pools: Record<string, { interval: string; required: number[]; roster: Record<string, unknown>; paidHours: number; fte: number; shrinkage: { share: number } }> };
    const pool = out.pools.emergency;
    expect(pool.interval).toBe('hourOfDate');
    expect(pool.required).toHaveLength(48);
    expect(out.labels[0]).toBe('2022-03-01 00:00');
    expect(out.labels[47]).toBe('2022-03-02 23:00');
    // FTE by the formula with the pool's own shrinkage: paid hours / (37 x (1 - 0.3)).
    expect(pool.shrinkage.share).toBeCloseTo(0.3, 10);
    expect(pool.fte).toBeCloseTo(Math.round((pool.paidHours / (37 * 0.7)) * 10) / 10, 10);
    // The roster block loads in the scenario as it is (dated periods, or one roster when both dates agree).
    const roster = (parse(readFileSync(rosterFile, 'utf8')) as Record<string, { roster: unknown }>).emergency.roster;
    const proposed = room({ horizon: { days: 2 }, warmup: { hours: 0 } });
    (proposed.handlers as { pools: Record<string, unknown>[] }).pools[0] = { name: 'emergency', serves: ['999'], roster };
    const proposedFile = join(dir, 'proposed.yaml');
    writeFileSync(proposedFile, stringify(proposed));
    const check = cli(['validate', proposedFile]);
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
  });
});
