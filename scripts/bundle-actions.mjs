/**
 * Build step after bundle-cli.mjs (issue 12, whole-process speed): folds the work of `callsim run`
 * (dist/src/cli/commands/run-action.js, loaded by import() when the command runs) and the callsim
 * modules it reaches statically into that one file. Node's ESM loader costs about half a millisecond
 * of CPU per file plus its resolution; `callsim run` loaded some 160 files, and importing its work
 * fell from about 0.165 to 0.095 s of CPU when they became one file (benches/README.md, Start-up).
 *
 * Each module must still exist once in the process (one registry, one copy of each class), so a
 * module stays a reference to tsc's own file when anything else that can load in a `callsim run`
 * process reaches it: the parser's own references (cli.js), the `--plugin` loader
 * (experiment/policy-modules.js, imported by the parser's middleware) and whatever the run's work
 * loads with import() (the HTML report). Those modules and their imports are shared with the rest of
 * the process; everything else (the scenario stack, the model, the engine, the metrics) only ever
 * loads through this file. Packages and the vendor files stay their own files, as everywhere.
 *
 * A folded module that finds files beside itself (`import.meta.url`: the worker thread's script, the
 * package's version) reads its own tsc path: `import.meta.url` is rewritten to that path, taken
 * relative to the bundle.
 */
import { build, transform } from 'esbuild';
import { readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const DIST = resolve('dist/src');
/**
 * Files folded into one file each: the work of `callsim run`, and the worker thread's entry (each
 * worker of a run loads the model again, in its own isolate).
 */
export const ACTIONS = ['dist/src/cli/commands/run-action.js', 'dist/src/experiment/worker.js'];
/**
 * Modules every command's process may load besides the parser's references: the --plugin loader,
 * and the sink through which `callsim slurm` plans a run (slurm's shard.js and the copy folded here
 * must share it).
 */
export const PROCESS_WIDE = ['dist/src/experiment/policy-modules.js', 'dist/src/cli/plan-sink.js'];
const PARSER = 'dist/src/cli/cli.js';

const isVendor = (file) => file.startsWith(resolve(DIST, 'vendor') + '/');

/** The specifier of `file` as seen from a module at `from`. */
const specifier = (from, file) => {
  const path = relative(dirname(from), file).split('\\').join('/');
  return path.startsWith('.') ? path : `./${path}`;
};

/** callsim's files reached from `entry` by static imports, and the files it imports with import(). */
async function graph(entry) {
  const dynamic = new Set();
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outdir: resolve(DIST, '.graph'),
    logLevel: 'silent',
    plugins: [
      {
        name: 'static-graph',
        setup(b) {
          b.onResolve({ filter: /^\.\.?\// }, (args) => {
            const file = resolve(args.resolveDir, args.path);
            if (args.kind === 'dynamic-import') {
              if (file.startsWith(DIST + '/')) dynamic.add(file);
              return { path: file, external: true };
            }
            return isVendor(file) ? { path: file, external: true } : undefined;
          });
        },
      },
    ],
  });
  const files = Object.keys(result.metafile.inputs).map((p) => resolve(p)).filter((f) => f.startsWith(DIST + '/'));
  return { files, dynamic: [...dynamic] };
}

/** The parser's static references to tsc's files (what bundle-cli.mjs left unfolded). */
function parserReferences() {
  const text = readFileSync(PARSER, 'utf8');
  return [...text.matchAll(/^(?:import|export)\s[^;]*?from\s*["'](\.{1,2}\/[^"']+)["']/gm)].map((m) => resolve(dirname(PARSER), m[1]));
}

/** Every callsim file another part of the process can load by its own path while `entry` runs. */
export async function sharedWith(entry) {
  const own = await graph(entry);
  const roots = [...parserReferences(), ...PROCESS_WIDE.map((f) => resolve(f)), ...own.dynamic];
  const shared = new Set();
  const seen = new Set();
  while (roots.length > 0) {
    const root = roots.pop();
    if (seen.has(root)) continue;
    seen.add(root);
    shared.add(root);
    const g = await graph(root);
    for (const f of g.files) shared.add(f);
    roots.push(...g.dynamic);
  }
  return { own: own.files, shared };
}

/** Folds `entry` (a tsc file) and its unshared callsim modules into one file written over it. */
async function bundle(entry) {
  const target = resolve(entry);
  const { own, shared } = await sharedWith(entry);
  const folded = own.filter((f) => f !== target && !shared.has(f) && !isVendor(f));
  const out = `${target}.bundle.tmp.js`;
  await build({
    entryPoints: [target],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
    legalComments: 'inline',
    plugins: [
      {
        name: 'fold-unshared-modules',
        setup(b) {
          b.onResolve({ filter: /^\.\.?\// }, (args) => {
            const file = resolve(args.resolveDir, args.path);
            if (!file.startsWith(DIST + '/')) return undefined;
            if (args.kind === 'dynamic-import' || shared.has(file) || isVendor(file)) return { path: specifier(target, file), external: true };
            return undefined;
          });
          b.onLoad({ filter: /\.js$/ }, async (args) => {
            if (!args.path.startsWith(DIST + '/')) return undefined;
            const text = readFileSync(args.path, 'utf8');
            if (!text.includes('import.meta.url')) return undefined;
            // esbuild's define replaces the expression only where it is code (never inside a string).
            const { code } = await transform(text, { define: { 'import.meta.url': '__callsimModuleUrl' }, format: 'esm', loader: 'js', target: 'node20' });
            const own = JSON.stringify(specifier(target, args.path));
            return { contents: `const __callsimModuleUrl = new URL(${own}, import.meta.url).href;\n${code}`, loader: 'js', resolveDir: dirname(args.path) };
          });
        },
      },
    ],
  });
  rmSync(`${target}.map`, { force: true });
  renameSync(out, target);
  return folded.length;
}

/** Folds every action of ACTIONS (bundle-cli.mjs runs this after writing the parser). */
export async function bundleActions() {
  for (const entry of ACTIONS) console.log(`folded ${await bundle(entry)} modules into ${entry}`);
}

// Run alone (node scripts/bundle-actions.mjs) after bundle-cli.mjs; a test imports sharedWith without building.
if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? '')).href) await bundleActions();
