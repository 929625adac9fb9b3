/**
 * Build step after tsc (issue 12, start-up): folds the command line's start into one file,
 * dist/src/cli/cli.js (run by main.js): yargs and its helpers (some 50 small ESM files) and callsim's stateless
 * modules that the entry reaches statically (the command definitions, option helpers). Node's ESM
 * loader costs about half a millisecond of CPU per file, so every command pays for one file instead
 * of some eighty.
 *
 * A callsim module is folded in only when it declares no class and no module-level `let` or `var`:
 * a second copy of it (an action loaded later imports tsc's file) is then only code, never a second
 * registry, cache or error class. Every other module, and everything loaded with import() when a
 * command runs, stays a reference to tsc's own file, so each class and registry exists once in the
 * process, whether the CLI, a worker thread, the web command or a plugin loads it.
 */
import { build } from 'esbuild';
import { readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const entry = 'dist/src/cli/cli.js';
const out = 'dist/src/cli/.cli.bundle.js';
const outDir = resolve(dirname(entry));

/** True when a module's text holds state or a class (tsc's output: top-level declarations start a line). */
export function isStateful(text) {
  return /^(?:export\s+)?(?:let|var)\s/m.test(text) || /^(?:export\s+)?(?:default\s+)?(?:abstract\s+)?class\s/m.test(text) || /^\s*class\s+\w+/m.test(text);
}

/** The specifier of `file` as seen from the bundle (which is written over cli.js). */
const fromBundle = (file) => {
  const path = relative(outDir, file).split('\\').join('/');
  return path.startsWith('.') ? path : `./${path}`;
};

const foldStateless = {
  name: 'fold-stateless-modules',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      const file = resolve(args.resolveDir, args.path);
      // Packages' own relative imports (yargs' files) are always folded in.
      if (file === resolve(entry) || !file.startsWith(resolve('dist/src') + '/')) return undefined;
      if (args.kind === 'dynamic-import' || isStateful(readFileSync(file, 'utf8'))) return { path: fromBundle(file), external: true };
      return undefined;
    });
  },
};

// string-width (cliui's, wrap-ansi's and yargs' copies), answered directly for printable ASCII
// (scripts/string-width-ascii.mjs). The package itself is evaluated only when a text is not printable
// ASCII: its module builds an Intl.Segmenter (ICU's break data) and Unicode-property regexes when it
// loads, some 10 ms of CPU that every command paid at start-up although callsim's help is ASCII.
// esbuild folds the require() in as a module evaluated on its first call.
const ASCII_FIRST = resolve('scripts/string-width-ascii.mjs');
const asciiWidth = {
  name: 'string-width-ascii-first',
  setup(b) {
    b.onResolve({ filter: /^string-width$/ }, async (args) => {
      if (args.pluginData === 'real') return undefined;
      const real = await b.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, pluginData: 'real' });
      return { path: real.path, namespace: 'string-width-ascii-first' };
    });
    b.onLoad({ filter: /.*/, namespace: 'string-width-ascii-first' }, (args) => ({
      contents: `import { asciiFirst } from ${JSON.stringify(ASCII_FIRST)};\nlet stringWidth;\nexport default asciiFirst((text, options) => (stringWidth ??= require(${JSON.stringify(args.path)}).default)(text, options));\n`,
      resolveDir: dirname(args.path),
      loader: 'js',
    }));
  },
};

// yargs' platform shim imports node:assert for two checks of its own state (strictEqual,
// notStrictEqual), which every parse makes and which hold unless yargs has a bug. Loading
// node:assert cost some 2 ms of CPU at every command's start; the checks are made here with
// Object.is, as node's strict assertions make them, and node:assert is loaded only to throw its
// own error when one fails.
const assertOnFailure = {
  name: 'assert-on-failure',
  setup(b) {
    b.onResolve({ filter: /^(node:)?assert$/ }, (args) => (/[\\/]node_modules[\\/]yargs[\\/]/.test(args.importer) ? { path: 'assert', namespace: 'assert-on-failure' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'assert-on-failure' }, () => ({
      contents:
        "export function strictEqual(actual, expected, message) { if (!Object.is(actual, expected)) require('node:assert').strictEqual(actual, expected, message); }\n" +
        "export function notStrictEqual(actual, expected, message) { if (Object.is(actual, expected)) require('node:assert').notStrictEqual(actual, expected, message); }\n",
      loader: 'js',
    }));
  },
};

async function bundle() {
  await build({
    entryPoints: [entry],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    plugins: [foldStateless, asciiWidth, assertOnFailure],
    // yargs reads its own files (locales) relative to itself, and a few of its helpers are CommonJS.
    banner: { js: "import { createRequire as __callsimCreateRequire } from 'node:module'; const require = __callsimCreateRequire(import.meta.url);" },
    logLevel: 'warning',
    legalComments: 'inline',
  });
  rmSync(`${entry}.map`, { force: true });
  renameSync(out, entry);
}

// Run by the build; a test imports isStateful without building. The commands' work is folded next
// (scripts/bundle-actions.mjs): what it shares with the process depends on what this file left unfolded.
if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? '')).href) {
  await bundle();
  await (await import('./bundle-actions.mjs')).bundleActions();
}
