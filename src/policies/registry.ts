/**
 * The policy registry: the built-in policies (the lists in `queue-selection/built-in.ts` and
 * `dispatch/built-in.ts`) and any a user registers. The scenario schema, `extends` merging and the
 * reference are derived from it. Registration is per thread: a policy loaded from a module file is
 * remembered by its module URL so worker threads can load it too.
 */
import type { DispatchPolicyDefinition } from './dispatch/dispatch-policy.js';
import * as dispatchBuiltIns from './dispatch/built-in.js';
import { PolicyError } from './policy-error.js';
import type { QueuePolicy } from './queue-policy.js';
import * as queueBuiltIns from './queue-selection/built-in.js';

export type AnyQueuePolicy = QueuePolicy<never, never>;
export type AnyDispatchPolicy = DispatchPolicyDefinition<never, never>;

interface Entry<D> {
  readonly definition: D;
  /** URL of the module that defines it (absent for built-ins and policies registered as objects). */
  readonly module?: string;
  readonly builtIn: boolean;
}

/** Keys a scenario uses beside policy names. */
const RESERVED = new Set(['plugin', 'params', 'kind']);

const queuePolicies = new Map<string, Entry<AnyQueuePolicy>>();
const dispatchPolicies = new Map<string, Entry<AnyDispatchPolicy>>();
let version = 0;

/** Changes whenever a policy is registered (the scenario schema is rebuilt when it does). */
export const registryVersion = (): number => version;

function checkShape(definition: unknown, what: string): asserts definition is { name: string; description?: unknown; params: { safeParse: unknown }; create: unknown } {
  const d = definition as Record<string, unknown> | null;
  const name = typeof d?.name === 'string' ? d.name : '(unnamed)';
  if (d === null || typeof d !== 'object') throw new PolicyError(name, `expected a ${what} module exporting name, description, params and create, found ${typeof definition}`);
  if (typeof d.name !== 'string' || !/^[A-Za-z_$][\w$-]*$/.test(d.name)) throw new PolicyError(name, `expected name: a word such as targetAware, found ${JSON.stringify(d.name)}`);
  if (RESERVED.has(d.name)) throw new PolicyError(name, `expected a name other than ${[...RESERVED].join(', ')}`);
  const params = d.params as { safeParse?: unknown } | undefined;
  if (params === undefined || typeof params.safeParse !== 'function') throw new PolicyError(name, 'expected params: a zod schema of the written parameters');
  if (typeof d.create !== 'function') throw new PolicyError(name, 'expected create: a function (params, ...) returning the policy');
}

function add<D>(map: Map<string, Entry<D>>, definition: D & { name: string }, module: string | undefined, builtIn: boolean, what: string): void {
  const existing = map.get(definition.name);
  if (existing !== undefined) {
    if (existing.definition === definition || (module !== undefined && existing.module === module)) return;
    throw new PolicyError(definition.name, `a ${what} policy of this name is already registered${existing.builtIn ? ' (a built-in)' : existing.module ? ` from ${existing.module}` : ''}`);
  }
  map.set(definition.name, { definition, module, builtIn });
  version++;
}

/**
 * Register a queue-selection policy. `module` is the URL of the module that exports it
 * (`import.meta.url`): with it, worker threads load the policy too; without it, runs that use the
 * policy must stay in one thread.
 */
export function registerQueuePolicy(definition: object, module?: string): void {
  checkShape(definition, 'queue-selection policy');
  add(queuePolicies, definition as unknown as AnyQueuePolicy, module, false, 'queue-selection');
}

/** Register a dispatch policy (see `registerQueuePolicy`). */
export function registerDispatchPolicy(definition: object, module?: string): void {
  checkShape(definition, 'dispatch policy');
  add(dispatchPolicies, definition as unknown as AnyDispatchPolicy, module, false, 'dispatch');
}

// A module namespace lists its names in code-unit order under Node but not under every bundler:
// sort, so the schema and messages list the built-ins the same way everywhere.
const byName = (a: { name: string }, b: { name: string }): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
for (const p of Object.values(queueBuiltIns).sort(byName)) add(queuePolicies, p as unknown as AnyQueuePolicy, undefined, true, 'queue-selection');
for (const p of Object.values(dispatchBuiltIns).sort(byName)) add(dispatchPolicies, p as unknown as AnyDispatchPolicy, undefined, true, 'dispatch');

export const queuePolicy = (name: string): Entry<AnyQueuePolicy> | undefined => queuePolicies.get(name);
export const dispatchPolicy = (name: string): Entry<AnyDispatchPolicy> | undefined => dispatchPolicies.get(name);
export const queuePolicyNames = (): string[] => [...queuePolicies.keys()];
export const dispatchPolicyNames = (): string[] => [...dispatchPolicies.keys()];
export const queuePolicyEntries = (): Entry<AnyQueuePolicy>[] => [...queuePolicies.values()];
export const dispatchPolicyEntries = (): Entry<AnyDispatchPolicy>[] => [...dispatchPolicies.values()];

/** The policy a module URL registered, if any (for `plugin:` paths in scenarios). */
export function policyOfModule(module: string): { kind: 'queueSelection' | 'dispatch'; name: string } | undefined {
  for (const [name, e] of queuePolicies) if (e.module === module) return { kind: 'queueSelection', name };
  for (const [name, e] of dispatchPolicies) if (e.module === module) return { kind: 'dispatch', name };
  return undefined;
}

/** URLs of every registered policy module (worker threads load them before running). */
export function policyModules(): string[] {
  return [...queuePolicies.values(), ...dispatchPolicies.values()].flatMap((e) => (e.module === undefined ? [] : [e.module]));
}

/** Register what a loaded module exports (`export const name ...; export const kind = 'dispatch'` for dispatch). */
export function registerPolicyModule(exports: Record<string, unknown>, module: string): { kind: 'queueSelection' | 'dispatch'; name: string } {
  const definition = (exports.default !== null && typeof exports.default === 'object' ? exports.default : exports) as Record<string, unknown>;
  if (definition.kind === 'dispatch') {
    registerDispatchPolicy(definition, module);
    return { kind: 'dispatch', name: definition.name as string };
  }
  if (definition.kind !== undefined && definition.kind !== 'queueSelection') {
    throw new PolicyError(String(definition.name), `expected kind 'queueSelection' or 'dispatch', found ${JSON.stringify(definition.kind)}`);
  }
  registerQueuePolicy(definition, module);
  return { kind: 'queueSelection', name: definition.name as string };
}
