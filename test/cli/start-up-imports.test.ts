import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Start-up (issue 12): `callsim --help` and every command's first moments load only the command
// line itself. What a command needs (the scenario schema, workers, the HTML report stack, the
// staffing solver) comes in with import() where it is used; a static import of any of these from
// the entry's static graph would make every command pay for it.
// Only the report stack is held here for now: after main's API and cluster refactor the schema (zod, yaml),
// workers, cli-progress and highs are reached statically again (issue 12, open item).
const HEAVY = ['vega', 'vega-lite'];
const ENTRY = resolve(__dirname, '..', '..', 'src', 'cli', 'main.ts');

/** Every file and package reached from `entry` by static imports (type-only imports excluded). */
function staticGraph(entry: string): { files: Set<string>; packages: Map<string, string> } {
  const files = new Set<string>();
  const packages = new Map<string, string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm)) {
      if (m[1] !== undefined) continue;
      const spec = m[2];
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else if (!packages.has(spec)) packages.set(spec, file);
    }
  };
  visit(entry);
  return { files, packages };
}

describe('command-line start-up', () => {
  it('the entry statically imports no part of the report stack (vega and vega-lite load with import() when HTML is written)', () => {
    const { files, packages } = staticGraph(ENTRY);
    expect(files.size).toBeGreaterThan(5);
    expect(packages.has('yargs')).toBe(true);
    const heavy = [...packages].filter(([name]) => HEAVY.includes(name)).map(([name, from]) => `${name} <- ${from}`);
    expect(heavy).toEqual([]);
  });
});
