/**
 * Build step after tsc (issue 12, start-up): zod (about 95 ESM files) and yaml (about 70 CommonJS
 * files) each become one file, dist/src/vendor/NAME.js, and every import of them in dist/src is
 * pointed there. Node pays its loader's cost per file: measured alone, importing zod falls from
 * about 63 to 26 ms of CPU and yaml from 36 to 9 ms. Every callsim module (the CLI, workers, the
 * library entry, the web page's bundle) imports the same vendor file, so each library still exists
 * once in callsim's code; a plugin that imports 'zod' itself gets the package, as before (callsim
 * reads a plugin's schema through its methods, never by instanceof).
 *
 * The vendor files are platform-neutral (no createRequire): `callsim web` bundles them into the
 * browser page too. yaml's Node build asks for 'process' and 'buffer'; they are served from the
 * globals, with the browser build's fallbacks where the globals are missing.
 */
import { build } from 'esbuild';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Imports (as written in src/) folded into one file each; stdlib's math functions are CommonJS trees of some ten files each. */
export const VENDORED = ['zod', 'yaml', '@stdlib/math-base-special-exp', '@stdlib/math-base-special-ln', '@stdlib/math-base-special-log1p', '@stdlib/math-base-special-sin', '@stdlib/math-base-special-cos', '@noble/hashes/sha2.js', '@noble/hashes/utils.js', 'seedrandom', 'simple-statistics'];

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * The names callsim's modules (tsc's output, `texts`) import from package `name`, or undefined when
 * one of them takes the whole module (a namespace import, `export *`, import()). A vendor file
 * exports only these, so esbuild leaves out the rest of an ESM package (simple-statistics is one
 * 167 KB file of which callsim calls two functions); a name no module imports cannot be reached.
 */
export function importedNames(texts, name) {
  const quoted = `['"]${escape(name)}['"]`;
  const from = `\\s*from\\s*${quoted}`;
  const names = new Set();
  for (const text of texts) {
    if (new RegExp(`\\bimport\\s*\\(\\s*${quoted}|\\bimport\\s+(?:[\\w$]+\\s*,\\s*)?\\*\\s*as\\s+[\\w$]+${from}|\\bexport\\s*\\*(?:\\s*as\\s+[\\w$]+)?${from}`).test(text)) return undefined;
    for (const m of text.matchAll(new RegExp(`\\b(import|export)\\s+(?!type\\b)([\\w$]+\\s*,?\\s*)?(?:\\{([^}]*)\\})?${from}`, 'g'))) {
      if (m[1] === 'import' && m[2] !== undefined) names.add('default');
      for (const part of (m[3] ?? '').split(',')) {
        const imported = part.trim().split(/\s+as\s+/)[0];
        if (imported !== '' && !part.trim().startsWith('type ')) names.add(imported);
      }
    }
  }
  return [...names].sort();
}
/** The vendor file of an import: `@stdlib/math-base-special-exp` -> stdlib-math-base-special-exp.js. */
export const vendorFile = (name) => `${name.replace(/^@/, '').replace(/\.js$/, '').replace(/\//g, '-')}.js`;
const DIST = 'dist/src';
const VENDOR = join(DIST, 'vendor');

const nodeGlobals = {
  name: 'node-globals',
  setup(b) {
    b.onResolve({ filter: /^(node:)?(process|buffer)$/ }, (args) => ({ path: args.path.replace(/^node:/, ''), namespace: 'node-global' }));
    b.onLoad({ filter: /.*/, namespace: 'node-global' }, (args) => ({
      contents: args.path === 'process' ? "module.exports = typeof process === 'object' && process !== null ? process : { env: {} };" : 'module.exports = { Buffer: globalThis.Buffer };',
      loader: 'js',
    }));
  },
};

/** Every .js file under `dir`. */
function jsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? jsFiles(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : []));
}

/** Writes the vendor files and points dist/src's imports at them. */
async function vendor() {
  const texts = jsFiles(DIST).filter((f) => !f.startsWith(VENDOR)).map((f) => readFileSync(f, 'utf8'));
  for (const name of VENDORED) {
    // What callsim's modules import from the package; the whole export list when one takes it all.
    const names = importedNames(texts, name) ?? Object.keys(await import(name)).filter((n) => n !== 'module.exports');
    if (names.length === 0) continue;
    await build({
      stdin: { contents: `export { ${names.join(', ')} } from '${name}';`, resolveDir: process.cwd(), sourcefile: `vendor-${vendorFile(name)}` },
      outfile: join(VENDOR, vendorFile(name)),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      plugins: [nodeGlobals],
      legalComments: 'inline',
      logLevel: 'warning',
    });
  }

  // Static and dynamic imports of a vendored package, in tsc's output (quotes as written in src/).
  const SPECIFIER = new RegExp(`((?:\\bfrom|\\bimport\\(?)\\s*)(['"])(${VENDORED.map(escape).join('|')})\\2`, 'g');
  let rewritten = 0;
  for (const file of jsFiles(DIST)) {
    if (file.startsWith(VENDOR)) continue;
    const text = readFileSync(file, 'utf8');
    const next = text.replace(SPECIFIER, (_, lead, quote, name) => {
      const path = relative(dirname(file), join(VENDOR, vendorFile(name))).split('\\').join('/');
      return `${lead}${quote}${path.startsWith('.') ? path : `./${path}`}${quote}`;
    });
    if (next !== text) {
      writeFileSync(file, next);
      rewritten++;
    }
  }
  console.log(`vendored ${VENDORED.join(', ')} into ${VENDOR}; ${rewritten} files point there`);
}

// Run by the build; a test imports the list above without building.
if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? '')).href) await vendor();
