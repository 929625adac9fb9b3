/**
 * Loading policy modules (`--plugin FILE`, `plugin:` in a scenario) into the registry of this
 * thread. Worker threads load the same modules by URL before they run a replication.
 */
import { resolve } from 'node:path';
import { PolicyError } from '../policies/policy-error.js';
import { registerPolicyModule } from '../policies/registry.js';
import { ScenarioError } from '../scenario/errors.js';
import { formatPath } from '../scenario/paths.js';
import { pluginUrl } from '../scenario/resolve-policy.js';

const loaded = new Map<string, { kind: 'queueSelection' | 'dispatch'; name: string }>();

/**
 * Import a policy module (a path, relative to the working directory, or a URL) and register what it
 * exports; returns its kind and name. Loading the same module again is free.
 */
export async function loadPolicyModule(fileOrUrl: string): Promise<{ kind: 'queueSelection' | 'dispatch'; name: string }> {
  const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(fileOrUrl) ? fileOrUrl : pluginUrl(resolve(fileOrUrl));
  const done = loaded.get(url);
  if (done !== undefined) return done;
  let exports: Record<string, unknown>;
  try {
    exports = (await import(url)) as Record<string, unknown>;
  } catch (error) {
    throw new PolicyError(fileOrUrl, `cannot load the module: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  const registered = registerPolicyModule(exports, url);
  loaded.set(url, registered);
  return registered;
}

/** Load the modules a scenario names; a module that fails is a scenario problem at the field that names it. */
export async function loadScenarioPlugins(scenarioFile: string, plugins: readonly { path: (string | number)[]; file: string }[]): Promise<void> {
  const problems = [];
  for (const p of plugins) {
    try {
      await loadPolicyModule(p.file);
    } catch (error) {
      if (!(error instanceof PolicyError)) throw error;
      problems.push({ file: scenarioFile, path: formatPath(p.path), expected: 'a policy module exporting name, description, params and create', found: `${p.file}: ${error.message}` });
    }
  }
  if (problems.length > 0) throw new ScenarioError(problems);
}
