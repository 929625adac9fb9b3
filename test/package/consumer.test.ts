/**
 * The package as a user gets it: `npm pack`, installed into an empty folder (offline, from npm's
 * cache, with the repository's pinned versions), then from there: the example CI property test,
 * a script that imports `callsim` and `callsim/testing`, registers the example policy and runs it
 * on worker threads, and a type check of both against the published declarations.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'callsim-consumer-'));
const app = join(work, 'app');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = (command: string, args: string[], cwd: string): SpawnSyncReturns<string> => {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NODE_OPTIONS: '' } });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r;
};

/** A lockfile for the app: the tarball, and every other package at the version the repository pins (so npm ci needs no network). */
function appLock(pkg: Record<string, Record<string, string> & { version: string }>, tarball: string): object {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, Record<string, unknown>> };
  const packages: Record<string, unknown> = {
    '': { name: 'force-ci', dependencies: { callsim: `file:../${tarball}` }, devDependencies: pkg.devDependencies },
    'node_modules/callsim': {
      version: pkg.version, resolved: `file:../${tarball}`, dependencies: pkg.dependencies, bin: pkg.bin, peerDependencies: pkg.peerDependencies, peerDependenciesMeta: pkg.peerDependenciesMeta,
    },
  };
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === '') continue;
    const { dev: _dev, peer: _peer, ...rest } = entry;
    packages[path] = rest;
  }
  return { name: 'force-ci', lockfileVersion: 3, requires: true, packages };
}

const SCRIPT = `// Imports callsim and callsim/testing as a user's script would, registers the example policy and runs it.
import { loadScenario, registerQueuePolicy, runScenario } from 'callsim';
import { checkInvariants, erlangC, recordRun } from 'callsim/testing';
import * as policy from './policies/furthest-behind-target.js';

registerQueuePolicy(policy, new URL('./policies/furthest-behind-target.js', import.meta.url).href);
const scenario = await loadScenario('scenarios/avon-somerset-2022.yaml', {
  sets: ['horizon={days: 2}', 'channels.999.surges=[]', 'channels.101.surges=[]', 'handlers.pools[1].queueSelection={furthestBehindTarget: {goal: {primary: 0.9, secondary: 0.6}}}'],
});
const results = await runScenario(scenario, { replications: 2, threads: 2 });
const problems = checkInvariants(recordRun(scenario));
process.stdout.write(JSON.stringify({
  policy: scenario.handlers.pools[1].queueSelection?.kind,
  serviceLevels: results.metrics['queues.primary.serviceLevel'].values,
  replications: results.replications,
  problems,
  erlangC: erlangC(2, 1),
}));
`;

describe('the packed package in an empty folder', () => {
  it('installs, runs the example CI property test, and a script that registers and runs the example policy', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    // dist/ is built by `npm test` before the tests run; pack it as it stands.
    const packed = run('npm', ['pack', '--ignore-scripts', '--pack-destination', work], ROOT).stdout.trim().split('\n').pop() as string;
    mkdirSync(join(app, 'ci'), { recursive: true });
    mkdirSync(join(app, 'policies'));
    mkdirSync(join(app, 'scenarios'));
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'force-ci', private: true, type: 'module', dependencies: { callsim: `file:../${packed}` }, devDependencies: pkg.devDependencies }, null, 2));
    writeFileSync(join(app, 'package-lock.json'), JSON.stringify(appLock(pkg, packed), null, 2));
    run('npm', ['ci', '--offline', '--no-audit', '--no-fund'], app);

    copyFileSync(join(ROOT, 'examples', 'ci', 'avon-somerset.test.ts'), join(app, 'ci', 'avon-somerset.test.ts'));
    copyFileSync(join(ROOT, 'examples', 'policies', 'furthest-behind-target.js'), join(app, 'policies', 'furthest-behind-target.js'));
    copyFileSync(join(ROOT, 'scenarios', 'avon-somerset-2022.yaml'), join(app, 'scenarios', 'avon-somerset-2022.yaml'));
    writeFileSync(join(app, 'run-policy.mjs'), SCRIPT);

    // The imports resolve to the installed package, not to this repository.
    const where = run(process.execPath, ['--input-type=module', '-e', "console.log(import.meta.resolve('callsim'), import.meta.resolve('callsim/testing'))"], app).stdout;
    expect(where).toContain(`${join(app, 'node_modules', 'callsim', 'dist', 'src', 'index.js')}`);
    expect(where).toContain(`${join(app, 'node_modules', 'callsim', 'dist', 'src', 'testing', 'index.js')}`);

    const tests = run(join(app, 'node_modules', '.bin', 'vitest'), ['run', '--testTimeout', '120000'], app);
    expect(tests.stdout).toMatch(/Tests\s+.*4 passed/);

    const out = JSON.parse(run(process.execPath, ['run-policy.mjs'], app).stdout) as { policy: string; serviceLevels: number[]; replications: number; problems: string[]; erlangC: number };
    expect(out.policy).toBe('furthestBehindTarget');
    expect(out.replications).toBe(2);
    expect(out.serviceLevels.every((x) => x > 0 && x <= 1)).toBe(true);
    expect(out.problems).toEqual([]);
    expect(out.erlangC).toBeCloseTo(1 / 3, 12);

    // The published declarations type the script (checkJs) and the CI test.
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, allowJs: true, checkJs: true, skipLibCheck: true, types: ['node'] },
      include: ['run-policy.mjs', 'ci/*.ts'],
    }));
    run(join(app, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], app);
  });
});
