import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yargs from 'yargs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeCheckCommand, type ScenarioFileRunner } from '../../src/cli/commands/check.js';
import type { Results } from '../../src/metrics/results.js';
import { ScenarioError } from '../../src/scenario/errors.js';

// `callsim check` exit codes (0 all required met, 1 one missed, 2 bad input) with an injected
// runner standing in for the experiment layer, so no simulation runs here.
const dir = mkdtempSync(join(tmpdir(), 'callsim-check-'));
const targetsFile = join(dir, 'targets.yaml');
writeFileSync(targetsFile, 'targets:\n  - { label: 999 in 10 s, metric: queues.999.answeredWithinTarget, range: [0.88, 0.91] }\n');
const badTargets = join(dir, 'bad.yaml');
writeFileSync(badTargets, 'targets:\n  - { label: x, metric: m, range: [0.9, 0.1] }\n');

const resultsWith = (mean: number): Results => ({
  callsim: 'test', scenario: { name: 'stub', file: null, sha256: null }, seed: 1, replications: 2,
  metrics: { 'queues.999.answeredWithinTarget': { mean, ci95: 0.001, min: mean, max: mean, unit: 'ratio', values: [mean, mean] } },
  series: {},
});

async function exitCode(runner: ScenarioFileRunner, args: string[]): Promise<{ code: number | undefined; out: string; err: string }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => { out += String(chunk); return true; });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => { err += String(chunk); return true; });
  process.exitCode = undefined;
  await yargs(args).command(makeCheckCommand(runner)).exitProcess(false).fail(false).parseAsync();
  const code = typeof process.exitCode === 'number' ? process.exitCode : undefined;
  process.exitCode = undefined;
  vi.restoreAllMocks();
  return { code, out, err };
}

describe('callsim check exit codes', () => {
  afterEach(() => { process.exitCode = undefined; });

  it('exits 0 and prints met when every required target is met', async () => {
    const r = await exitCode(async () => resultsWith(0.895), ['check', 'f.yaml', '--targets', targetsFile]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/1 of 1 required targets met/);
  });

  it('exits 1 when a required target is missed', async () => {
    const r = await exitCode(async () => resultsWith(0.85), ['check', 'f.yaml', '--targets', targetsFile]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/MISSED/);
  });

  it('exits 2 for an invalid targets file, naming the field', async () => {
    const r = await exitCode(async () => resultsWith(0.895), ['check', 'f.yaml', '--targets', badTargets]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/targets\[0\]\.range/);
  });

  it('exits 2 for a bad scenario file', async () => {
    const r = await exitCode(async () => { throw new ScenarioError([{ file: 'f.yaml', path: 'horizon', expected: 'a duration', found: '"soon"' }]); }, ['check', 'f.yaml', '--targets', targetsFile]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/horizon/);
  });

  it('passes --reps, --seed and --threads to the runner', async () => {
    let seen: unknown;
    await exitCode(async (_file, options) => { seen = options; return resultsWith(0.895); }, ['check', 'f.yaml', '--targets', targetsFile, '--reps', '3', '--seed', '9', '--threads', '1']);
    expect(seen).toEqual({ replications: 3, seed: 9, threads: 1, allowLarge: false, axes: ['hourOfDay', 'month'] });
  });
});
