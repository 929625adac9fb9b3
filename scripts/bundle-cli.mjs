/**
 * Build step after tsc (issue 12, start-up): folds the command line's third-party front end (yargs
 * and its helpers, some 50 small ESM files) into dist/src/cli/main.js, so every command pays for one
 * file instead of fifty. Only packages are folded in: every relative import (the command
 * definitions, and everything they load with import() when a command runs) stays a reference to
 * tsc's own file beside it, so each of callsim's modules exists once in the process (one policy
 * registry, one ScenarioError class), whether the CLI, a worker thread, the web command or a
 * plugin loads it.
 */
import { build } from 'esbuild';
import { renameSync, rmSync } from 'node:fs';

const entry = 'dist/src/cli/main.js';
const out = 'dist/src/cli/.main.bundle.js';

const keepRelative = {
  name: 'keep-relative-imports',
  setup(b) {
    // tsc's files stay where they are: the bundle is written over main.js, so the paths still hold.
    b.onResolve({ filter: /^\.\.?\// }, (args) => (args.importer.endsWith('/dist/src/cli/main.js') || args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined));
  },
};

await build({
  entryPoints: [entry],
  outfile: out,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  plugins: [keepRelative],
  // yargs reads its own files (locales) relative to itself, and a few of its helpers are CommonJS.
  banner: { js: "import { createRequire as __callsimCreateRequire } from 'node:module'; const require = __callsimCreateRequire(import.meta.url);" },
  logLevel: 'warning',
  legalComments: 'inline',
});
rmSync(`${entry}.map`, { force: true });
renameSync(out, entry);
