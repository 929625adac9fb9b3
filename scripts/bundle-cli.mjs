/**
 * Bundles the command line and the worker entry (after tsc has type-checked and emitted dist/):
 * one file to read instead of a hundred small modules at every start. Commands load what they
 * use with import(); esbuild splits those into chunks under dist/src/cli/chunks/, so `--help`
 * loads neither the schema (zod, yaml) nor the report stack. vega, vega-lite and highs stay in
 * node_modules: they load only when a command writes HTML or searches for staffing. The bundles
 * replace tsc's copies of dist/src/cli/main.js and dist/src/experiment/worker.js; every other file
 * of dist/ is tsc's (the staffing worker too). Worker entries are found from the chunks' folder.
 */
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist/src/cli/chunks', { recursive: true, force: true });
await build({
  entryPoints: { 'cli/main': 'src/cli/main.ts', 'experiment/worker': 'src/experiment/worker.ts' },
  outdir: 'dist/src',
  chunkNames: 'cli/chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Loaded only by the commands that use them; highs also finds its WebAssembly beside its own module.
  external: ['vega', 'vega-lite', 'highs'],
  // CommonJS packages (seedrandom, fastpriorityqueue, cli-progress) call require() for Node's own modules.
  banner: { js: "import { createRequire as __callsimCreateRequire } from 'node:module'; const require = __callsimCreateRequire(import.meta.url);" },
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
});
