import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Results } from '../../src/metrics/results.js';
import { cli, tempDir, TINY } from './cli.js';

describe('callsim validate, schema, generate', () => {
  it('validate prints OK, a one-line summary and the work estimate', () => {
    const r = cli(['validate', TINY, '--threads', '2']);
    expect(r.code).toBe(0);
    // 200 calls an hour for 6 hours; an arrival and an end of call each: 2 events a call.
    expect(r.stdout).toBe(`OK ${TINY}: "tiny M/M/c+M": 6 hours from 2022-01-03T00:00:00.000Z, 1 channel, 1 queue, 1 handler pool (handlers), 4 replications, seed 11\n`
      + 'work: about 1200 calls per replication, 9600 events over 4 replications, peak memory about 126 MB with 2 threads\n');
  });

  it('validate accepts the published examples in YAML and JSON', () => {
    for (const file of ['scenarios/examples/mmc-abandonment.yaml', 'scenarios/examples/mmc-abandonment.json']) {
      const r = cli(['validate', file]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^OK .*"M\/M\/c\+M": 30 days/);
    }
  });

  it('schema prints a JSON Schema that describes the scenario fields', () => {
    const r = cli(['schema']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout) as { $schema: string; properties: Record<string, unknown> };
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['name', 'start', 'horizon', 'channels', 'queues', 'handlers']));
  });

  it('generate writes a trace that replays with --trace: the same arrivals, so the same offered count', () => {
    const dir = tempDir();
    const calls = join(dir, 'calls.csv');
    const g = cli(['generate', TINY, '--out', calls, '--quiet']);
    expect(g.code).toBe(0);
    const lines = readFileSync(calls, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('arrival,channel,handleSeconds,patienceSeconds,area,need');
    const arrivals = lines.slice(1).map((l) => Number(l.split(',')[0]));
    expect(arrivals).toEqual([...arrivals].sort((a, b) => a - b));
    // Replication 0 of the scenario and the replay see the same callers: its offered count is the trace's after the warm-up.
    const warmup = 3600;
    const run = JSON.parse(cli(['run', TINY, '--format', 'json', '--threads', '1', '--reps', '1']).stdout) as Results;
    const replay = JSON.parse(cli(['run', TINY, '--trace', calls, '--format', 'json', '--threads', '1', '--reps', '2']).stdout) as Results;
    const counted = arrivals.filter((t) => t >= warmup).length;
    expect(run.metrics['queues.999.offered'].values[0]).toBe(counted);
    expect(replay.metrics['queues.999.offered'].values).toEqual([counted, counted]);
  });

  it('generate --attributes writes the sampled handle and patience times', () => {
    const r = cli(['generate', TINY, '--attributes', '--seed', '3']);
    expect(r.code).toBe(0);
    const row = r.stdout.split('\n')[1].split(',');
    expect(Number(row[2])).toBeGreaterThan(0);
    expect(Number(row[3])).toBeGreaterThan(0);
  });
});
