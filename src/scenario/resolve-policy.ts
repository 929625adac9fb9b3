/**
 * A written policy (a registered name with its parameters, or `{ plugin, params }`) to its resolved
 * `{ kind, ...parameters }` form. The parameters are checked by the policy's own schema, and the
 * queue names they mention against the scenario's queues; problems carry paths like any other.
 */
import { dispatchPolicy, dispatchPolicyNames, policyOfModule, queuePolicy, queuePolicyNames } from '../policies/registry.js';
import type { Problems } from './problems.js';
import { zodProblems } from './zod-issues.js';

export type PolicyKind = 'queueSelection' | 'dispatch';

type Path = (string | number)[];
const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The module URL a `plugin` path names (absolute paths by the time they are resolved; URLs kept). */
// Built by hand, not with node:url, so the scenario layer runs in the browser too; the loader uses the same URL.
export const pluginUrl = (plugin: string): string =>
  /^[a-z][a-z0-9+.-]*:\/\//i.test(plugin) ? plugin : `file://${plugin.split('/').map(encodeURIComponent).join('/')}`;

export function resolvePolicy(
  written: unknown,
  at: Path,
  problems: Problems,
  kind: PolicyKind,
  checkQueue: (path: Path, name: string) => void = () => {},
): { kind: string; [param: string]: unknown } | undefined {
  const names = kind === 'queueSelection' ? queuePolicyNames() : dispatchPolicyNames();
  const map = typeof written === 'string' ? { [written]: {} } : written;
  if (!isMap(map)) {
    problems.add(at, `one of ${names.join(', ')}, or { plugin, params }`, written);
    return undefined;
  }
  const keys = Object.keys(map).filter((k) => map[k] !== undefined);
  let name: string;
  let value: unknown;
  let paramsAt: Path;
  if (keys.includes('plugin')) {
    const extra = keys.filter((k) => k !== 'plugin' && k !== 'params');
    if (extra.length > 0) problems.add([...at, extra[0]], 'only params beside plugin', extra.join(', '), true);
    const plugin = String(map.plugin);
    const found = policyOfModule(pluginUrl(plugin));
    if (found === undefined || found.kind !== kind) {
      const what = kind === 'dispatch' ? 'a dispatch policy module (exporting kind: "dispatch")' : 'a queue-selection policy module';
      problems.add([...at, 'plugin'], `${what} loaded before resolution (loadScenario and the command line load the modules a file names)`, plugin);
      return undefined;
    }
    name = found.name;
    value = map.params ?? {};
    paramsAt = [...at, 'params'];
  } else {
    if (keys.length !== 1) {
      problems.add(at, `exactly one of ${names.join(', ')}, or { plugin, params }`, keys.length ? keys.join(', ') : 'none', true);
      return undefined;
    }
    name = keys[0];
    value = map[name];
    paramsAt = [...at, name];
  }
  const entry = kind === 'queueSelection' ? queuePolicy(name) : dispatchPolicy(name);
  if (entry === undefined) {
    problems.add(at, `one of ${names.join(', ')}, or { plugin, params }`, name);
    return undefined;
  }
  const definition = entry.definition as unknown as {
    params: { safeParse(v: unknown): { success: true; data: unknown } | { success: false; error: { issues: Parameters<typeof zodProblems>[0] } } };
    toSpec?: (w: unknown) => unknown;
    queueRefs?: (w: unknown) => readonly { path: Path; name: string }[];
  };
  const parsed = definition.params.safeParse(value);
  if (!parsed.success) {
    for (const p of zodProblems(parsed.error.issues, value)) problems.list.push({ ...p, path: [...paramsAt, ...p.path] });
    return undefined;
  }
  for (const ref of definition.queueRefs?.(parsed.data) ?? []) checkQueue([...paramsAt, ...ref.path], ref.name);
  const spec = definition.toSpec ? definition.toSpec(parsed.data) : parsed.data;
  if (!isMap(spec) || 'kind' in spec) {
    problems.add(paramsAt, `parameters of ${name} as a map of named values (without a field "kind")`, spec);
    return undefined;
  }
  return { kind: name, ...spec };
}

/** Where a written scenario names policies (plugin paths are looked for there). */
export function policyPaths(data: Record<string, unknown>): Path[] {
  const out: Path[] = [['policy', 'queueSelection'], ['dispatch', 'policy']];
  const handlers = data.handlers as { pools?: unknown } | undefined;
  if (isMap(handlers) && Array.isArray(handlers.pools)) handlers.pools.forEach((_, i) => out.push(['handlers', 'pools', i, 'queueSelection']));
  return out;
}

/** The policy map at `path`, if there is one. */
export function policyAt(data: unknown, path: Path): Record<string, unknown> | undefined {
  let node = data;
  for (const seg of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[seg];
  }
  return isMap(node) ? node : undefined;
}
