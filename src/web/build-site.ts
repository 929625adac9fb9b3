/**
 * `callsim web`'s builder (runs in Node): bundles the page and its worker with esbuild from the
 * compiled modules next to this file, gathers the scenario files (and every base and trace they
 * read), and writes index.html, app.js and worker.js into one directory that opens from file://
 * or any static host, with nothing fetched from the network.
 */
import { build, type Plugin } from 'esbuild';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeFiles } from '../experiment/node-files.js';
import { callsimVersion } from '../experiment/version.js';
import { writeFileAtomic } from '../report/atomic-write.js';
import type { ScenarioFiles } from '../scenario/files.js';
import { loadScenarioFrom } from '../scenario/load.js';
import { SITE_DATA_ID, WORKER_SOURCE_GLOBAL, type SiteData } from './files-bundle.js';
import { pageHtml } from './page-html.js';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * The report's Node-only chart renderer (DejaVu text widths loaded through node:module) sits in
 * modules the page imports for the tables; the page draws charts with Vega in the browser and never
 * calls it, so its Node imports resolve to stubs that fail loudly if ever reached.
 */
const nodeStubs: Plugin = {
  name: 'node-stubs',
  setup(b) {
    b.onResolve({ filter: /^node:/ }, (args) => ({ path: args.path, namespace: 'node-stub' }));
    b.onLoad({ filter: /.*/, namespace: 'node-stub' }, (args) => ({
      contents: `const no = () => { throw new Error(${JSON.stringify(`${args.path} is not available in the browser`)}); };\nexport const createRequire = no;\nexport const pathToFileURL = no;\nexport default {};`,
      loader: 'js',
    }));
  },
};

async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [join(here, entry)],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome110', 'firefox110', 'safari16'],
    minify: true,
    write: false,
    legalComments: 'eof',
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [nodeStubs],
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/**
 * A file's name in the page: relative to `root` when under it (as the command line names it from
 * there), else its absolute path.
 */
export function siteName(root: string, file: string): string {
  const absolute = resolve(root, file);
  const name = relative(root, absolute).split('\\').join('/');
  return name.startsWith('..') || isAbsolute(name) ? absolute : name;
}

/** Reads through the disk from `root`, recording each file read under its name in the page. */
function recordingFiles(root: string, seen: Map<string, string>): ScenarioFiles {
  return {
    ...nodeFiles,
    resolve: (...paths) => resolve(root, ...paths),
    cwd: () => root,
    size: (file) => statSync(resolve(root, file)).size,
    read(file) {
      const bytes = readFileSync(resolve(root, file));
      seen.set(siteName(root, file), bytes.toString('utf8'));
      return bytes;
    },
  };
}

/** The Avon and Somerset baseline and its what-ifs, named relative to the package (its root holds scenarios/). */
export function defaultScenarios(): { root: string; names: string[] } {
  // dist/src/web -> the package root.
  const packageRoot = resolve(here, '..', '..', '..');
  const whatIf = ['ageing-secondary', 'blended-call-takers', 'deflect-online-plus-10', 'late-shift-plus-two', 'secondary-callback', 'summer-without-hibiscus', 'thrive-recognition-100'];
  return { root: packageRoot, names: ['scenarios/avon-somerset-2022.yaml', ...whatIf.map((n) => `scenarios/what-if/${n}.yaml`)] };
}

export interface SiteFiles {
  index: string;
  app: string;
  worker: string;
}

/** Loads (and so validates) every scenario, bundles, writes the site; returns the paths written and their sizes in bytes. */
export async function buildSite(out: string, names: string[], root: string): Promise<{ files: SiteFiles; bytes: Record<keyof SiteFiles, number> }> {
  const seen = new Map<string, string>();
  const reader = recordingFiles(root, seen);
  for (const name of names) loadScenarioFrom(reader, name);
  const data: SiteData = { callsim: callsimVersion(), scenarios: names, files: Object.fromEntries([...seen].sort(([a], [b]) => a.localeCompare(b))) };
  const [app, worker] = await Promise.all([bundle('page.js'), bundle('worker.js')]);
  const workerScript = `var ${WORKER_SOURCE_GLOBAL} = ${JSON.stringify(worker)};\n`;
  // A JSON block inside HTML: "<" escaped so no file text can close the script element.
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  const html = pageHtml(`<script id="${SITE_DATA_ID}" type="application/json">${json}</script>`);
  mkdirSync(out, { recursive: true });
  const files: SiteFiles = { index: join(out, 'index.html'), app: join(out, 'app.js'), worker: join(out, 'worker.js') };
  writeFileAtomic(files.app, app);
  writeFileAtomic(files.worker, workerScript);
  writeFileAtomic(files.index, html);
  return { files, bytes: { index: Buffer.byteLength(html), app: Buffer.byteLength(app), worker: Buffer.byteLength(workerScript) } };
}
