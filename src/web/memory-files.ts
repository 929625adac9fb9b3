import type { ScenarioFiles } from '../scenario/files.js';

/** POSIX path segments of `path`, with `.` and `..` applied (`..` above the root stays at the root). */
function normalise(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

/**
 * The scenario files the page carries (paths relative to where `callsim web` ran, as the command
 * line would name them) as a ScenarioFiles: the scenario layer loads, `extends` and traces included,
 * exactly as it does from disk. The working directory is the root.
 */
export function memoryFiles(texts: ReadonlyMap<string, string>): ScenarioFiles {
  const encoder = new TextEncoder();
  const byPath = new Map([...texts].map(([name, text]) => [normalise(name), text]));
  const resolve = (...paths: string[]): string => {
    let joined = '';
    for (const p of paths) joined = p.startsWith('/') ? p : `${joined}/${p}`;
    return normalise(joined);
  };
  const read = (file: string): Uint8Array => {
    const text = byPath.get(resolve(file));
    if (text === undefined) throw Object.assign(new Error(`no such file: ${file}`), { code: 'ENOENT' });
    return encoder.encode(text);
  };
  return {
    read,
    size: (file) => read(file).length,
    resolve,
    dirname: (path) => {
      const cut = path.replace(/\/+$/, '').lastIndexOf('/');
      return cut < 0 ? '.' : cut === 0 ? '/' : path.slice(0, cut);
    },
    isAbsolute: (path) => path.startsWith('/'),
    relative(from, to) {
      const a = normalise(from).split('/').filter(Boolean);
      const b = normalise(to).split('/').filter(Boolean);
      let i = 0;
      while (i < a.length && i < b.length && a[i] === b[i]) i++;
      return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
    },
    cwd: () => '/',
  };
}
