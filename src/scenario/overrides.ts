import { parseDocument } from 'yaml';
import { ScenarioError, type ScenarioProblem } from './errors.js';
import { parsePath } from './paths.js';

/** One applied `--set`: its path and the text as given. */
export interface AppliedSet {
  path: (string | number)[];
  text: string;
}

/**
 * Apply `path=value` overrides in order (the value is parsed as YAML: `12`, `"999"`,
 * `{exponential: {mean: 600}}`). Missing maps on the way are created; a list index may name an
 * existing element or the next one; `null` removes a field (`channels.999.perHour=null` before
 * setting perDay). All malformed overrides are reported together.
 */
export function applySets(data: Record<string, unknown>, sets: readonly string[]): AppliedSet[] {
  const problems: ScenarioProblem[] = [];
  const applied: AppliedSet[] = [];
  for (const text of sets) {
    const file = `--set ${text}`;
    const eq = text.indexOf('=');
    const path = eq > 0 ? parsePath(text.slice(0, eq).trim()) : null;
    if (path === null) {
      problems.push({ file, path: '', expected: 'path=value, such as handlers.pools[0].staff=12 or queues."999".targetSeconds=10', found: JSON.stringify(text) });
      continue;
    }
    const doc = parseDocument(text.slice(eq + 1));
    const trouble = [...doc.errors, ...doc.warnings][0];
    if (trouble !== undefined) {
      problems.push({ file, path: text.slice(0, eq), expected: 'a value written as YAML', found: trouble.message.split('\n')[0] });
      continue;
    }
    let value: unknown;
    try {
      value = doc.toJS();
    } catch (error) {
      problems.push({ file, path: text.slice(0, eq), expected: 'a value written as YAML', found: (error as Error).message.split('\n')[0] });
      continue;
    }
    let node: unknown = data;
    let ok = true;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      const last = i === path.length - 1;
      const container = node as Record<string | number, unknown>;
      if (typeof seg === 'number') {
        if (!Array.isArray(node) || seg > node.length) {
          problems.push({ file, path: text.slice(0, eq), expected: `a list with an element ${seg} (or ${seg} as the next element)`, found: Array.isArray(node) ? `a list of ${node.length}` : 'no list there' });
          ok = false;
          break;
        }
      } else if (node === null || typeof node !== 'object' || Array.isArray(node)) {
        problems.push({ file, path: text.slice(0, eq), expected: `a map of fields holding ${JSON.stringify(seg)}`, found: Array.isArray(node) ? 'a list' : 'a plain value' });
        ok = false;
        break;
      }
      if (last && value === null && !Array.isArray(container)) delete container[seg];
      else if (last) container[seg] = value;
      else {
        if (container[seg] === undefined || container[seg] === null) container[seg] = typeof path[i + 1] === 'number' ? [] : {};
        node = container[seg];
      }
    }
    if (ok) applied.push({ path, text });
  }
  if (problems.length > 0) throw new ScenarioError(problems);
  return applied;
}
