/**
 * Nesting depth of a YAML or JSON text, found by a plain scan before any parser sees it: parsers
 * and the code after them recurse once per level, so thousands of `[` would exhaust the stack.
 * The scan follows brackets outside quoted text and comments, and block keys by indentation,
 * enough to name the field where the nesting goes too deep.
 */
import { formatPath } from './paths.js';

/** Deepest nesting a scenario may have; real scenarios stay under 10 levels. */
export const MAX_NESTING = 64;

export interface TooDeep {
  /** 1-based line of the bracket that went past the limit. */
  line: number;
  /** The field holding the deep value (block keys and flow keys or indices above it). */
  path: string;
}

interface Frame {
  open: '[' | '{';
  key: string | null;
  index: number;
}

/**
 * The first place where `text` nests deeper than `limit` levels, or null. Block nesting counts one
 * level per indented key; flow nesting one per `[` or `{`.
 */
export function findDeepNesting(text: string, limit = MAX_NESTING): TooDeep | null {
  const flow: Frame[] = [];
  const block: { indent: number; key: string }[] = [];
  let line = 1;
  let lineStart = 0;
  let token = '';
  let tokenAt = -1;
  const pathHere = (): string => {
    const segments: (string | number)[] = block.map((b) => b.key);
    for (const f of flow) {
      if (f.open === '[') segments.push(f.index);
      else if (f.key !== null) segments.push(f.key);
    }
    // Name the field, not the run of indices or keys that makes it deep.
    const lastKey = segments.reduce<number>((at, s, i) => (typeof s === 'string' && i < 12 ? i : at), -1);
    const shown = segments.slice(0, Math.max(lastKey + 1, Math.min(segments.length, 1)));
    return formatPath(shown.slice(0, 12));
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      line++;
      lineStart = i + 1;
      token = '';
      continue;
    }
    if (c === '"' || c === "'") {
      // A quoted scalar: skip to its closing quote (backslash escapes only in double quotes).
      let j = i + 1;
      let value = '';
      while (j < text.length && text[j] !== c) {
        if (c === '"' && text[j] === '\\') j++;
        else if (text[j] === '\n') line++;
        value += text[j] ?? '';
        j++;
      }
      token = value;
      tokenAt = i - lineStart;
      i = j;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
      continue;
    }
    if (c === '[' || c === '{') {
      flow.push({ open: c, key: null, index: 0 });
      token = '';
      if (flow.length + block.length > limit) return { line, path: pathHere() };
      continue;
    }
    if (c === ']' || c === '}') {
      flow.pop();
      token = '';
      continue;
    }
    if (c === ',') {
      const top = flow[flow.length - 1];
      if (top !== undefined) {
        top.index++;
        top.key = null;
      }
      token = '';
      continue;
    }
    if (c === ':' && (flow.length > 0 || i + 1 >= text.length || /\s/.test(text[i + 1]))) {
      const top = flow[flow.length - 1];
      if (top !== undefined) {
        if (top.open === '{') top.key = token.trim();
      } else if (token.trim() !== '') {
        const indent = tokenAt < 0 ? 0 : tokenAt;
        while (block.length > 0 && block[block.length - 1].indent >= indent) block.pop();
        block.push({ indent, key: token.trim() });
        if (flow.length + block.length > limit) return { line, path: pathHere() };
      }
      token = '';
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      if (token !== '') token += c;
      continue;
    }
    if (c === '-' && token === '' && flow.length === 0) {
      // A block list item: its keys sit one column further in.
      continue;
    }
    if (token === '') tokenAt = i - lineStart;
    token += c;
  }
  return null;
}
