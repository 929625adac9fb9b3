/** A field path as segments: map keys (strings) and list indices (numbers). */
export type PathSegments = readonly (string | number)[];

const PLAIN_KEY = /^[A-Za-z0-9_$-]+$/;

/** `queues.primary.cv`, `handlers.pools[0].staff`, `channels.999.perHour`, `routes."a b"`. */
export function formatPath(path: PathSegments): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += (out ? '.' : '') + (PLAIN_KEY.test(seg) ? seg : JSON.stringify(seg));
  }
  return out;
}

/**
 * Parse a `--set` path: dot-separated keys, optionally double-quoted (`queues."999".targetSeconds`),
 * and `[n]` list indices. Returns null when the text is not a path.
 */
export function parsePath(text: string): (string | number)[] | null {
  const out: (string | number)[] = [];
  let i = 0;
  const expectKey = (): boolean => {
    if (text[i] === '"') {
      const end = text.indexOf('"', i + 1);
      if (end < 0) return false;
      out.push(text.slice(i + 1, end));
      i = end + 1;
      return true;
    }
    const m = /^[^.[\]"]+/.exec(text.slice(i));
    if (m === null) return false;
    out.push(m[0]);
    i += m[0].length;
    return true;
  };
  if (!expectKey()) return null;
  while (i < text.length) {
    if (text[i] === '.') {
      i++;
      if (!expectKey()) return null;
    } else if (text[i] === '[') {
      const m = /^\[(\d+)\]/.exec(text.slice(i));
      if (m === null) return null;
      out.push(Number(m[1]));
      i += m[0].length;
    } else return null;
  }
  return out;
}

/** The value at `path` inside plain data, or undefined. */
export function valueAt(root: unknown, path: PathSegments): unknown {
  let node = root;
  for (const seg of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[seg];
  }
  return node;
}
