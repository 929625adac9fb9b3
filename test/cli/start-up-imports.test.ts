import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAIN, ROOT } from './cli.js';

// Start-up (issue 12): `callsim --help` and every command's first moments load only the command
// line itself. What a command needs (the scenario schema, workers, the HTML report stack, the
// staffing solver, the progress bar) comes in with import() where it is used; a static import of any
// of these from the entry's static graph would make every command pay for it.
const HEAVY = ['vega', 'vega-lite', 'zod', 'yaml', 'highs', 'cli-progress', 'node:worker_threads', 'worker_threads'];
const LAUNCHER = resolve(__dirname, '..', '..', 'src', 'cli', 'main.ts');
const ENTRY = resolve(__dirname, '..', '..', 'src', 'cli', 'cli.ts');
const BUNDLE = resolve(dirname(MAIN), 'cli.js');

/** Every file and package reached from `entry` by static imports (type-only imports excluded). */
function staticGraph(entry: string): { files: Set<string>; packages: Map<string, string> } {
  const files = new Set<string>();
  const packages = new Map<string, string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm)) {
      if (m[1] !== undefined) continue;
      const spec = m[2];
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else if (!packages.has(spec)) packages.set(spec, file);
    }
  };
  visit(entry);
  return { files, packages };
}

/** The package (or node: builtin) a loaded module's URL belongs to, or undefined for callsim's own files. */
function packageOf(url: string): string | undefined {
  if (url.startsWith('node:')) return url;
  // The build folds some packages into dist/src/vendor/NAME.js (scripts/vendor-bundles.mjs): zod.js is zod.
  const vendored = /\/dist\/src\/vendor\/([^/]+)\.js$/.exec(url);
  if (vendored !== null) return vendored[1];
  const m = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  return m === null ? undefined : m[1];
}

// A module hook (node:module register) that names every module the process loads, on stderr.
const TRACE_HOOK = `data:text/javascript,${encodeURIComponent(
  "import { register } from 'node:module'; register('data:text/javascript,' + encodeURIComponent(\"export async function load(url, context, next) { process.stderr.write('LOADED ' + url + '\\\\n'); return next(url, context); }\"));",
)}`;

/** Every module `callsim ...args` loads, as URLs (the built command line, run as a user runs it). */
function loadedModules(args: readonly string[], entry = MAIN): string[] {
  const r = spawnSync(process.execPath, ['--import', TRACE_HOOK, entry, ...args], { cwd: ROOT, encoding: 'utf8' });
  expect(r.status).toBe(0);
  return r.stderr.split('\n').filter((l) => l.startsWith('LOADED ')).map((l) => l.slice('LOADED '.length));
}

describe('command-line start-up', () => {
  it('the entry statically imports none of the report stack, the schema, workers, the solver or the progress bar', () => {
    // main.ts only prints stored help screens or imports cli.ts (the parser) when it runs.
    const launcher = staticGraph(LAUNCHER);
    expect([...launcher.files]).toEqual([LAUNCHER]);
    // node:v8 is built into the binary (no file to load): the launcher sets a GC flag with it first.
    expect([...launcher.packages.keys()]).toEqual(['node:fs', 'node:v8']);
    const { files, packages } = staticGraph(ENTRY);
    expect(files.size).toBeGreaterThan(5);
    expect(packages.has('yargs')).toBe(true);
    const heavy = [...packages].filter(([name]) => HEAVY.includes(name)).map(([name, from]) => `${name} <- ${from}`);
    expect(heavy).toEqual([]);
  });

  it('callsim --help loads none of vega, vega-lite, zod, yaml, highs, cli-progress, worker_threads (the loaded-module list)', () => {
    // callsim prints a stored screen (start-up-help.test.ts); the parser itself (cli.js) must be as light.
    expect(loadedModules(['--help']).some((u) => u.endsWith('/dist/src/cli/main.js'))).toBe(true);
    const urls = loadedModules(['--help'], BUNDLE);
    // The hook sees the entry itself, so an empty list means the hook failed, not a light start.
    expect(urls.some((u) => u.endsWith('/dist/src/cli/cli.js'))).toBe(true);
    const loaded = new Set(urls.map(packageOf).filter((p): p is string => p !== undefined));
    expect(HEAVY.filter((name) => loaded.has(name))).toEqual([]);
    // No model, engine or experiment code either: --help needs only the command definitions.
    expect(urls.filter((u) => /\/dist\/src\/(engine|model|policies|metrics)\//.test(u))).toEqual([]);
  });

  it('callsim validate loads the schema (zod, yaml) but not workers, the report stack, the solver or the progress bar', () => {
    const urls = loadedModules(['validate', 'test/cli/fixtures/tiny.yaml']);
    const loaded = new Set(urls.map(packageOf).filter((p): p is string => p !== undefined));
    expect(loaded.has('zod') && loaded.has('yaml')).toBe(true);
    expect(HEAVY.filter((name) => !['zod', 'yaml'].includes(name) && loaded.has(name))).toEqual([]);
    // yargs' own checks pass without node:assert, which loads only to throw when one fails (scripts/bundle-cli.mjs).
    expect(urls.filter((u) => u === 'node:assert' || u === 'assert')).toEqual([]);
  });

  it('one replication in one thread loads no worker_threads, no progress bar (output not a terminal), no report stack, no solver', () => {
    const urls = loadedModules(['run', 'test/cli/fixtures/tiny.yaml', '--reps', '1', '--threads', '1', '--format', 'json']);
    const loaded = new Set(urls.map(packageOf).filter((p): p is string => p !== undefined));
    expect(loaded.has('fastpriorityqueue')).toBe(true);
    expect(HEAVY.filter((name) => !['zod', 'yaml'].includes(name) && loaded.has(name))).toEqual([]);
  });

  it('the built entry refers to tsc\'s own files for the error classes (one copy of each class and registry; see start-up-bundle.test.ts)', () => {
    const text = readFileSync(BUNDLE, 'utf8');
    // npm run build bundles yargs into the entry (scripts/bundle-cli.mjs); a plain tsc build leaves it a bare import.
    const bundled = !/from ["']yargs["']/.test(text);
    const relative = [...text.matchAll(/(?:from|import\()\s*["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1]);
    expect(relative.length).toBeGreaterThan(10);
    expect(relative.filter((r) => !existsSync(resolve(dirname(BUNDLE), r)))).toEqual([]);
    expect(text).not.toMatch(/class (ScenarioError|UsageError|SpecError|PolicyError)\b/);
    if (bundled) expect(text).toMatch(/yargs/);
  });
});
