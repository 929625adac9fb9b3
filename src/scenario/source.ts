import { DISTRIBUTION_KINDS } from '../engine/distributions.js';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { dispatchPolicyNames, queuePolicyNames } from '../policies/registry.js';
import { policyAt, policyPaths } from './resolve-policy.js';
import { describeValue, fileProblemWords, ScenarioError, type ScenarioProblem } from './errors.js';
import { MAX_TEXT_BYTES, readErrorCode, utf8Text, type ScenarioFiles } from './files.js';
import { findDeepNesting, MAX_NESTING } from './nesting.js';
import type { PathSegments } from './paths.js';

/** One parsed scenario file with what is needed to find a field's line. */
export interface SourceFile {
  file: string;
  bytes: Uint8Array;
  data: unknown;
  doc: Document.Parsed;
  lines: LineCounter;
}

/** Largest scenario file read without `--allow-large` (real scenarios are a few kB; traces are separate). */
export const MAX_SCENARIO_BYTES = 4 * 1024 * 1024;

const megabytes = (bytes: number): string => `${bytes / 1024 / 1024} MB`;

export interface ReadOptions {
  /** Lift the size limit (`--allow-large`). */
  allowLarge?: boolean;
}

/**
 * Read and parse one YAML or JSON file (JSON by its `.json` extension); syntax errors carry lines.
 * Its size and nesting are checked before any parser runs, so a hostile file fails fast.
 */
export function readSource(files: ScenarioFiles, file: string, from?: { file: string; line?: number }, options: ReadOptions = {}): SourceFile {
  let bytes: Uint8Array;
  const unreadable = (error: unknown): ScenarioError => {
    const words = fileProblemWords(readErrorCode(error));
    return new ScenarioError([{ file: from?.file ?? file, line: from?.line, path: from ? 'extends' : '', expected: 'a readable scenario file (YAML or JSON)', found: `${file}: ${words}` }]);
  };
  const limit = options.allowLarge === true ? MAX_TEXT_BYTES : MAX_SCENARIO_BYTES;
  const tooLarge = (found: string): ScenarioError => new ScenarioError([{
    file, path: '', found,
    expected: limit === MAX_SCENARIO_BYTES ? `a scenario file of at most ${megabytes(limit)} (--allow-large lifts the limit)` : `a scenario file of at most ${megabytes(limit)}`,
  }]);
  try {
    const size = files.size(file);
    if (size > limit) throw tooLarge(`${(size / 1024 / 1024).toFixed(1)} MB`);
    // A device or a pipe has no size: the read itself stops past the limit.
    bytes = files.read(file, limit);
  } catch (error) {
    if (error instanceof ScenarioError) throw error;
    if (readErrorCode(error) === 'EFBIG') throw tooLarge(`more than ${megabytes(limit)} (a device or a pipe without end?)`);
    throw unreadable(error);
  }
  const text = utf8Text(bytes);
  const deep = findDeepNesting(text);
  if (deep !== null) throw new ScenarioError([{ file, line: deep.line, path: deep.path, expected: `nesting at most ${MAX_NESTING} levels deep`, found: `more than ${MAX_NESTING} levels of lists or maps in it` }]);
  const lines = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  } catch (error) {
    // The scan above bounds bracket nesting; this catches other forms (block lists) that still recurse too deep.
    if (error instanceof RangeError) throw new ScenarioError([{ file, path: '', expected: `nesting at most ${MAX_NESTING} levels deep`, found: 'nesting too deep to read' }]);
    throw error;
  }
  let data: unknown;
  if (file.toLowerCase().endsWith('.json')) {
    try {
      data = JSON.parse(text);
    } catch (error) {
      const pos = /position (\d+)/.exec((error as Error).message);
      const line = pos ? lines.linePos(Number(pos[1])).line : undefined;
      throw new ScenarioError([{ file, line, path: '', expected: 'valid JSON', found: (error as Error).message }]);
    }
  } else {
    const trouble = [...doc.errors, ...doc.warnings];
    if (trouble.length > 0) {
      throw new ScenarioError(trouble.map((e): ScenarioProblem => ({ file, line: lines.linePos(e.pos[0]).line, path: '', expected: 'valid YAML', found: e.message.split('\n')[0] })));
    }
    try {
      data = doc.toJS({ maxAliasCount: 1000 });
    } catch (error) {
      if (error instanceof RangeError) throw new ScenarioError([{ file, path: '', expected: `nesting at most ${MAX_NESTING} levels deep`, found: 'nesting too deep to read' }]);
      throw new ScenarioError([{ file, path: '', expected: 'valid YAML', found: (error as Error).message.split('\n')[0] }]);
    }
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ScenarioError([{ file, line: 1, path: '', expected: 'a map of scenario fields (name, start, horizon, channels, ...)', found: describeValue(data) }]);
  }
  return { file, bytes, data, doc, lines };
}

/** The line of the deepest existing prefix of `path` in a source, with its depth. */
export function lineOf(source: SourceFile, path: PathSegments): { depth: number; line?: number } {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? source.doc.contents : source.doc.getIn(path.slice(0, depth), true);
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (node !== undefined && node !== null && range) return { depth, line: source.lines.linePos(range[0]).line };
  }
  return { depth: 0 };
}

const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Keys that choose one form among several (a distribution's kind, a roster's form, a policy): a map
 * holding one of them is replaced whole when the base chose another form, never merged with it.
 */
const FORM_KEYS = [...DISTRIBUTION_KINDS, 'constant', 'hourOfDay', 'hourOfWeek', 'shifts'];

/** The one-of keys now: forms of distributions and rosters, and every registered policy. */
export const variantKeys = (): Set<string> => new Set([...FORM_KEYS, ...queuePolicyNames(), ...dispatchPolicyNames()]);

function variantOf(map: Record<string, unknown>): string | null {
  // A plugin policy is one form, whatever its params.
  if (typeof map.plugin === 'string') return 'plugin';
  const keys = Object.keys(map).filter((k) => k !== 'weight');
  return keys.length === 1 && variantKeys().has(keys[0]) ? keys[0] : null;
}

/** Make the `plugin` paths of the policies in `data` absolute against `dir` (module URLs are kept). */
export function absolutePlugins(data: Record<string, unknown>, dir: string, files: ScenarioFiles): void {
  for (const path of policyPaths(data)) {
    const policy = policyAt(data, path);
    if (typeof policy?.plugin === 'string' && !files.isAbsolute(policy.plugin) && !/^[a-z][a-z0-9+.-]*:\/\//i.test(policy.plugin)) policy.plugin = files.resolve(dir, policy.plugin);
  }
}

/** The plugin modules (absolute paths or URLs) the policies of `data` name, with the field that names each. */
export function pluginFiles(data: Record<string, unknown>): { path: (string | number)[]; file: string }[] {
  return policyPaths(data).flatMap((path) => {
    const file = policyAt(data, path)?.plugin;
    return typeof file === 'string' ? [{ path: [...path, 'plugin'], file }] : [];
  });
}

/**
 * Deep merge: maps merged key by key, everything else (lists included) replaced by the override;
 * a one-of map (`{ exponential: ... }` over `{ lognormal: ... }`) is replaced when the form changes.
 */
export function deepMerge(base: unknown, override: unknown): unknown {
  if (!isMap(base) || !isMap(override)) return override;
  const variant = variantOf(override);
  if (variant !== null && !(variant in base)) return override;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(override)) out[k] = k in base ? deepMerge(base[k], v) : v;
  return out;
}

/**
 * Load a file and its `extends` chain (paths relative to each file), merged base first. Returns the
 * merged data and the sources, the named file first. `trace` paths are made absolute against the
 * file that names them. A cycle is a problem naming the file and line of the `extends` that closes it.
 */
export function loadChain(files: ScenarioFiles, file: string, stack: string[] = [], from?: { file: string; line?: number }, options: ReadOptions = {}): { data: Record<string, unknown>; sources: SourceFile[] } {
  const source = readSource(files, file, from, options);
  const data = { ...(source.data as Record<string, unknown>) };
  if (typeof data.trace === 'string' && !files.isAbsolute(data.trace)) data.trace = files.resolve(files.dirname(file), data.trace);
  absolutePlugins(data, files.dirname(files.resolve(file)), files);
  const ext = data.extends;
  if (ext === undefined) return { data, sources: [source] };
  const line = lineOf(source, ['extends']).line;
  if (typeof ext !== 'string') throw new ScenarioError([{ file, line, path: 'extends', expected: 'a file path (text)', found: describeValue(ext) }]);
  const basePath = files.resolve(files.dirname(file), ext);
  const chain = [...stack, files.resolve(file)];
  if (chain.includes(basePath)) {
    throw new ScenarioError([{ file, line, path: 'extends', expected: 'a base scenario that does not extend this one (no cycle)', found: `a cycle: ${[...chain, basePath].join(' -> ')}` }]);
  }
  const shown = files.relative(files.cwd(), basePath);
  const base = loadChain(files, shown.startsWith('..') ? basePath : shown, chain, { file, line }, options);
  delete data.extends;
  return { data: deepMerge(base.data, data) as Record<string, unknown>, sources: [source, ...base.sources] };
}

/**
 * Keys of the map at `path` in the order the files declare them (bases first, then the keys each
 * extending file adds). Plain objects cannot keep that order for names like "999" (JavaScript lists
 * integer-like keys first), and the default queue-selection order is the declared order.
 */
export function declaredOrder(sources: readonly SourceFile[], path: readonly string[]): string[] {
  const out: string[] = [];
  for (const source of [...sources].reverse()) {
    const node = source.doc.getIn(path, true) as { items?: { key?: unknown }[] } | undefined;
    for (const item of node?.items ?? []) {
      const key = item.key as { value?: unknown } | null | undefined;
      const name = key !== null && typeof key === 'object' && 'value' in key ? String(key.value) : String(key);
      if (!out.includes(name)) out.push(name);
    }
  }
  return out;
}
