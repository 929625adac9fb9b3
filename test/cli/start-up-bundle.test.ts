import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAIN, ROOT, TINY, tempDir } from './cli.js';

// What `npm run build` does after tsc for start-up (issue 12): scripts/vendor-bundles.mjs folds
// zod, yaml, stdlib's math and noble's SHA-256 into one file each under dist/src/vendor, and
// scripts/bundle-cli.mjs folds yargs and callsim's stateless entry modules into dist/src/cli/cli.js.
// These tests hold the built files to what those scripts promise.
const DIST = join(ROOT, 'dist', 'src');
/** The command line's bundle (main.js only starts it). */
const BUNDLE = join(dirname(MAIN), 'cli.js');
const VENDOR = join(DIST, 'vendor');

const script = async <T>(name: string): Promise<T> => (await import(pathToFileURL(join(ROOT, 'scripts', name)).href)) as T;

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? jsFiles(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : []));
}

describe('vendor bundles', () => {
  it('no built module imports a vendored package itself: each imports the one vendor file (one copy of zod, one of yaml)', async () => {
    const { VENDORED } = await script<{ VENDORED: string[] }>('vendor-bundles.mjs');
    expect(VENDORED).toContain('zod');
    const bare = jsFiles(DIST)
      .filter((f) => !f.startsWith(VENDOR))
      .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/(?:\bfrom|\bimport\(?)\s*['"]([^'".][^'"]*)['"]/g)].filter((m) => VENDORED.includes(m[1])).map((m) => `${relative(ROOT, f)}: ${m[1]}`));
    expect(bare).toEqual([]);
    // The scenario stack does import them, through the vendor folder.
    expect(readFileSync(join(DIST, 'scenario', 'schema.js'), 'utf8')).toMatch(/from '\.\.\/vendor\/zod\.js'/);
  });

  it('every vendor file exports what callsim imports from its package (all of it when a module takes the whole), the same functions behaving the same', async () => {
    type Names = (texts: string[], name: string) => string[] | undefined;
    const { VENDORED, vendorFile, importedNames } = await script<{ VENDORED: string[]; vendorFile: (name: string) => string; importedNames: Names }>('vendor-bundles.mjs');
    // The scan of tsc's import forms.
    expect(importedNames(["import { mean, sampleStandardDeviation as sd } from 'simple-statistics';"], 'simple-statistics')).toEqual(['mean', 'sampleStandardDeviation']);
    expect(importedNames(["import exp from '@stdlib/x';", "import a, {\n  b,\n} from '@stdlib/x';", "import { c } from '@stdlib/xy';"], '@stdlib/x')).toEqual(['b', 'default']);
    expect(importedNames(["export { z } from 'zod';"], 'zod')).toEqual(['z']);
    expect(importedNames(["import * as y from 'yaml';"], 'yaml')).toBeUndefined();
    expect(importedNames(["const y = await import('yaml');"], 'yaml')).toBeUndefined();
    expect(importedNames(["export * from 'yaml';"], 'yaml')).toBeUndefined();
    // The build scans tsc's output before pointing it at the vendor files; the sources import the same names.
    const tsFiles = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
    const texts = tsFiles(join(ROOT, 'src')).map((f) => readFileSync(f, 'utf8'));
    const names = (m: Record<string, unknown>): string[] => Object.keys(m).filter((k) => k !== 'module.exports').sort();
    let vendored = 0;
    for (const name of VENDORED) {
      const pkg = (await import(name)) as Record<string, unknown>;
      const imported = importedNames(texts, name) ?? names(pkg);
      if (imported.length === 0) continue;
      vendored++;
      const ours = (await import(pathToFileURL(join(VENDOR, vendorFile(name))).href)) as Record<string, unknown>;
      expect(names(ours), name).toEqual(imported);
      expect(imported.filter((n) => !(n in pkg)), name).toEqual([]);
    }
    expect(vendored).toBeGreaterThanOrEqual(8);
    // simple-statistics: only what the summaries call, the same values.
    type Stats = { mean: (x: number[]) => number; sampleStandardDeviation: (x: number[]) => number };
    const stats = (await import(pathToFileURL(join(VENDOR, vendorFile('simple-statistics'))).href)) as Stats;
    const realStats = (await import('simple-statistics')) as Stats;
    expect(names(stats as unknown as Record<string, unknown>)).toEqual(['mean', 'sampleStandardDeviation']);
    fc.assert(fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 50 }), (x) => Object.is(stats.mean(x), realStats.mean(x)) && Object.is(stats.sampleStandardDeviation(x), realStats.sampleStandardDeviation(x))));
    const yaml = (await import(pathToFileURL(join(VENDOR, 'yaml.js')).href)) as typeof import('yaml');
    const text = 'a: [1, 2.5, "x"]\nb: { c: null, d: 2022-03-01 }\n';
    expect(yaml.parse(text)).toEqual((await import('yaml')).parse(text));
    const exp = ((await import(pathToFileURL(join(VENDOR, vendorFile('@stdlib/math-base-special-exp'))).href)) as { default: (x: number) => number }).default;
    const realExp = ((await import('@stdlib/math-base-special-exp')) as { default: (x: number) => number }).default;
    fc.assert(fc.property(fc.double({ min: -700, max: 700, noNaN: true }), (x) => Object.is(exp(x), realExp(x))));
    // seedrandom's generator, folded with its package's other generators: the same draws from the same seed.
    type Seeded = { xor4096: (seed: string) => { double: () => number; int32: () => number } };
    const seeded = ((await import(pathToFileURL(join(VENDOR, vendorFile('seedrandom'))).href)) as { default: Seeded }).default;
    const realSeeded = ((await import('seedrandom')) as { default: Seeded }).default;
    const [ours, theirs] = [seeded.xor4096('1/0/999.arrivals'), realSeeded.xor4096('1/0/999.arrivals')];
    for (let i = 0; i < 1000; i++) expect([ours.double(), ours.int32()]).toEqual([theirs.double(), theirs.int32()]);
  });
});

describe('the command-line bundle', () => {
  it('folds in only modules with no class and no module-level state: every class callsim declares is defined by tsc\'s own file, once', async () => {
    const { isStateful } = await script<{ isStateful: (text: string) => boolean }>('bundle-cli.mjs');
    expect(isStateful('export class UsageError extends Error {}')).toBe(true);
    expect(isStateful('let cached;\nexport const f = () => 1;')).toBe(true);
    expect(isStateful('export const runCommand = { command: "run <file>" };')).toBe(false);
    const text = readFileSync(BUNDLE, 'utf8');
    const classes = jsFiles(DIST)
      .filter((f) => !f.startsWith(VENDOR) && f !== BUNDLE)
      .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/^(?:export\s+)?(?:abstract\s+)?class\s+(\w+)/gm)].map((m) => m[1]));
    expect(classes).toContain('UsageError');
    expect(classes.filter((name) => new RegExp(`\\bclass ${name}\\b`).test(text))).toEqual([]);
    // The command definitions are folded in; the modules holding classes stay references.
    expect(text).toMatch(/command: "validate <file>"/);
    const relativeImports = [...text.matchAll(/(?:from|import\()\s*["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1]);
    expect(relativeImports).toContain('./errors.js');
    expect(relativeImports.filter((r) => !existsSync(join(dirname(BUNDLE), r)))).toEqual([]);
  });

  it('string-width answered for printable ASCII equals string-width itself (any ASCII text, and text it must pass on)', async () => {
    const { asciiFirst } = await script<{ asciiFirst: (f: (s: string) => number) => (s: string) => number }>('string-width-ascii.mjs');
    const real = ((await import(pathToFileURL(join(ROOT, 'node_modules', 'cliui', 'node_modules', 'string-width', 'index.js')).href)) as { default: (s: string) => number }).default;
    const fast = asciiFirst(real);
    fc.assert(fc.property(fc.string({ unit: 'binary-ascii' }), (s) => fast(s) === real(s)));
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => fast(s) === real(s)));
    for (const s of ['', 'callsim run <file>', '\u001b[31mred\u001b[0m', '99\u00a0%', '\u5206\u6790', '\u{1F600} ok', 'tab\there']) expect(fast(s), s).toBe(real(s));
  });

  it('string-width itself (its Intl.Segmenter) is evaluated only for text that is not printable ASCII: never for a command, nor for the help', () => {
    // A hook counts the segmenters the process builds; the bundle's help goes through cliui's measuring.
    const count = `data:text/javascript,${encodeURIComponent('const S = Intl.Segmenter; Intl.Segmenter = class extends S { constructor(...a) { super(...a); process.stderr.write("SEGMENTER\\n"); } };')}`;
    const segmenters = (args: string[]): number => {
      const r = spawnSync(process.execPath, ['--import', count, BUNDLE, ...args], { cwd: ROOT, encoding: 'utf8' });
      return r.stderr.split('\n').filter((l) => l === 'SEGMENTER').length;
    };
    expect(segmenters(['run', '--help'])).toBe(0);
    expect(segmenters(['no-such-command'])).toBe(0);
    // callsim's help is all ASCII, so a copy of the bundle with the ASCII answer turned off sends every
    // cell to the folded string-width: it is evaluated then, and lays the help out the same.
    const text = readFileSync(BUNDLE, 'utf8');
    expect(text).toMatch(/PRINTABLE_ASCII\.test\(text\)/);
    const copy = join(dirname(BUNDLE), '.cli-every-text-measured.tmp.mjs');
    try {
      writeFileSync(copy, text.replace(/PRINTABLE_ASCII\.test\(text\)/g, 'false'));
      const r = spawnSync(process.execPath, ['--import', count, copy, 'run', '--help'], { cwd: ROOT, encoding: 'utf8' });
      expect(r.stderr.split('\n').filter((l) => l === 'SEGMENTER').length).toBeGreaterThan(0);
      expect(r.stdout).toBe(spawnSync(process.execPath, [BUNDLE, 'run', '--help'], { cwd: ROOT, encoding: 'utf8' }).stdout);
      expect(r.stdout).toMatch(/--reps/);
    } finally {
      rmSync(copy, { force: true });
    }
  });
});

describe("the run command's bundle", () => {
  const RUN_ACTION = join(DIST, 'cli', 'commands', 'run-action.js');
  /** callsim's files esbuild folded into the bundle (it names each one in a comment where its code starts). */
  const folded = (): string[] => [...readFileSync(RUN_ACTION, 'utf8').matchAll(/^\/\/ (dist\/src\/\S+\.js)$/gm)].map((m) => join(ROOT, m[1])).filter((f) => f !== RUN_ACTION);

  it('folds the scenario stack, the model and the engine into run-action.js; what the rest of the process shares stays tsc\'s file', () => {
    const files = folded();
    for (const f of ['model/control-room.js', 'engine/simulator.js', 'scenario/schema.js', 'experiment/replication-pool.js']) expect(files).toContain(join(DIST, f));
    // The registry, the error classes and the --plugin loader are shared with the parser and plugins: never copied.
    for (const f of ['policies/registry.js', 'policies/policy-error.js', 'scenario/errors.js', 'experiment/policy-modules.js', 'cli/errors.js']) expect(files).not.toContain(join(DIST, f));
    // Packages' vendor files stay one file each, shared by every part of the process.
    expect(files.filter((f) => f.includes('/vendor/'))).toEqual([]);
    // The worker thread's entry is folded the same way; it loads policy modules through the shared loader.
    const worker = readFileSync(join(DIST, 'experiment', 'worker.js'), 'utf8');
    expect(worker).toMatch(/^\/\/ dist\/src\/model\/control-room\.js$/m);
    expect(worker).toMatch(/from "\.\/policy-modules\.js"/);
    expect(worker).not.toMatch(/^\/\/ dist\/src\/policies\/registry\.js$/m);
  });

  it('a run with a plugin and the HTML report loads no file whose code the bundle also holds (each module once in the process)', () => {
    const dir = tempDir();
    try {
      const hook = `data:text/javascript,${encodeURIComponent(
        "import { register } from 'node:module'; register('data:text/javascript,' + encodeURIComponent(\"export async function load(url, context, next) { process.stderr.write('LOADED ' + url + '\\\\n'); return next(url, context); }\"));",
      )}`;
      const args = ['--import', hook, MAIN, 'run', TINY, '--plugin', 'examples/policies/furthest-behind-target.js', '--reps', '2', '--threads', '1', '--format', 'json', '--quiet', '--html', join(dir, 'report.html'), '--out', join(dir, 'results.json')];
      // One thread: a worker thread is an isolate of its own (its modules are its own whatever the files).
      const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      const loaded = r.stderr.split('\n').filter((l) => l.startsWith('LOADED file:')).map((l) => new URL(l.slice('LOADED '.length)).pathname);
      expect(loaded).toContain(RUN_ACTION);
      expect(loaded.some((f) => f.endsWith('/dist/src/policies/registry.js'))).toBe(true);
      const inBundle = new Set(folded());
      expect(inBundle.size).toBeGreaterThan(50);
      expect(loaded.filter((f) => inBundle.has(f))).toEqual([]);
      expect(existsSync(join(dir, 'report.html'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
