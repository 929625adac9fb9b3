import { parseDocument } from 'yaml';
import type { PathSegments } from '../scenario/paths.js';

const getIn = (data: unknown, path: PathSegments): unknown =>
  path.reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined), data);

/**
 * The scenario file's text with one field set (or removed when `value` is undefined), comments and
 * layout kept. `merged` is the scenario with its `extends` chain applied: a list the file does not
 * restate is copied into it whole first, since a list in an extending file replaces the base's list.
 */
export function editField(text: string, merged: unknown, path: PathSegments, value: unknown): string {
  const doc = parseDocument(text);
  for (let k = 1; k < path.length; k++) {
    if (typeof path[k] !== 'number') continue;
    const list = path.slice(0, k);
    if (!doc.hasIn(list)) doc.setIn(list, doc.createNode(getIn(merged, list)));
  }
  if (value === undefined) doc.deleteIn(path);
  else doc.setIn(path, doc.createNode(value));
  return String(doc);
}
