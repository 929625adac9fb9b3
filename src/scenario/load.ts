import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { ResolvedScenario } from '../model/resolved.js';
import type { ScenarioFiles } from './files.js';
import { applySets } from './overrides.js';
import type { PathSegments } from './paths.js';
import { resolveWith } from './resolve.js';
import { absolutePlugins, declaredOrder, lineOf, loadChain, pluginFiles } from './source.js';

export interface LoadedScenario {
  resolved: ResolvedScenario;
  /** The file as named by the caller. */
  file: string;
  /** SHA-256 (hex) of the file's bytes. */
  sha256: string;
  /** One line in plain words per `--set` applied, in order. */
  changes: string[];
  /** Every file read: the scenario, its `extends` bases and its trace (absolute paths), so no output overwrites them. */
  inputs: string[];
}

export interface LoadOptions {
  /** `path=value` overrides, applied in order after `extends`. */
  sets?: string[];
  /** A call log replayed instead of the scenario's own `trace` or rates (relative to the working directory). */
  traceFile?: string;
  /** Lift the scenario file size limit (`--allow-large`). */
  allowLarge?: boolean;
}

const startsWith = (path: PathSegments, prefix: PathSegments): boolean => prefix.length <= path.length && prefix.every((s, i) => String(s) === String(path[i]));

/**
 * Read a scenario file (YAML, or JSON by extension) through `files`, apply its `extends` chain and
 * the `--set` overrides, validate, resolve and deep-freeze it. Throws ScenarioError listing every
 * problem, each with its file and line where known. The digest is a pure-JS SHA-256 so the page
 * reports the same `sha256` as the command line.
 */
export function loadScenarioFrom(files: ScenarioFiles, file: string, options: LoadOptions = {}): LoadedScenario {
  const { data, sources } = loadChain(files, file, [], undefined, { allowLarge: options.allowLarge });
  const applied = applySets(data, options.sets ?? []);
  // A plugin path given by --set is relative to the working directory.
  absolutePlugins(data, files.cwd(), files);
  const locate = (path: PathSegments): { file?: string; line?: number } => {
    for (let i = applied.length - 1; i >= 0; i--) if (startsWith(path, applied[i].path)) return { file: `--set ${applied[i].text}` };
    let best: { file?: string; line?: number; depth: number } = { file, depth: -1 };
    for (const source of sources) {
      const found = lineOf(source, path);
      if (found.depth > best.depth) best = { file: source.file, line: found.line, depth: found.depth };
    }
    // A field no file has (an unknown field) was made by the --set whose path runs through it.
    if (best.depth < path.length) {
      for (let i = applied.length - 1; i >= 0; i--) if (startsWith(applied[i].path, path)) return { file: `--set ${applied[i].text}` };
    }
    return { file: best.file, line: best.line };
  };
  const order = { queues: declaredOrder(sources, ['queues']), channels: declaredOrder(sources, ['channels']) };
  const resolved = resolveWith(data, { file, baseDir: files.dirname(files.resolve(file)), locate, traceFile: options.traceFile, order, files });
  const trace = options.traceFile !== undefined ? files.resolve(options.traceFile) : typeof data.trace === 'string' ? files.resolve(files.dirname(files.resolve(file)), data.trace) : undefined;
  const inputs = [...sources.map((s) => files.resolve(s.file)), ...(trace === undefined ? [] : [trace])];
  return { resolved, file, sha256: bytesToHex(sha256(sources[0].bytes)), inputs, changes: applied.map((a) => a.change) };
}

/**
 * The policy modules a scenario file names (`plugin:` paths, made absolute), after its `extends`
 * chain and overrides: the caller loads them before `loadScenario` resolves the file.
 */
export function scenarioPluginFiles(files: ScenarioFiles, file: string, options: LoadOptions = {}): { path: (string | number)[]; file: string }[] {
  const { data } = loadChain(files, file, [], undefined, { allowLarge: options.allowLarge });
  applySets(data, options.sets ?? []);
  absolutePlugins(data, files.cwd(), files);
  return pluginFiles(data);
}
