import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

// DESIGN.md section 3: each layer imports only from layers before it. The public API (index.ts)
// and the testing kit (testing/) sit over the library; the command line imports neither.
const LAYERS = ['engine', 'model', 'policies', 'scenario', 'metrics', 'experiment', 'report', 'web', 'index.ts', 'testing', 'cli'];
const SRC = resolve(__dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function layerOf(file: string): number {
  return LAYERS.indexOf(relative(SRC, file).split(/[\\/]/)[0]);
}

/**
 * Loops over replications or grid points in a file's code (comments and strings aside): a `for`
 * or `while` whose header, or an array method whose callback, names replications, reps, indices,
 * a grid or points. src/cli/ must hold none: the experiment layer owns them.
 */
export function experimentLoops(text: string): string[] {
  const code = text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/`(?:\\.|[^`\\])*`|'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"/g, '""')
    // A method chain continued on the next line is one expression.
    .replace(/\n\s*\./g, '.');
  const words = '(replication|reps?\\b|indices|grid|points?\\b|sweepGrid|done\\b)';
  const patterns = [
    new RegExp(`\\b(for|while)\\s*\\([^)]*${words}`, 'i'),
    new RegExp(`${words}\\w*(\\([^)]*\\))?\\s*\\)?\\s*\\.(map|forEach|flatMap|reduce|filter)\\(`, 'i'),
    new RegExp(`Array\\.from\\(\\s*\\{\\s*length:[^}]*${words}`, 'i'),
  ];
  return code.split('\n').filter((line) => patterns.some((p) => p.test(line))).map((line) => line.trim());
}

describe('architecture', () => {
  const files = sourceFiles(SRC);

  it('every source file sits in a known layer', () => {
    for (const file of files) expect(layerOf(file), relative(SRC, file)).toBeGreaterThanOrEqual(0);
  });

  it('no import points up the layers', () => {
    const upward: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/from\s+['"](\.{1,2}\/[^'"]+)['"]/g)) {
        const target = resolve(dirname(file), match[1]);
        if (!target.startsWith(SRC)) continue;
        if (layerOf(target) > layerOf(file)) upward.push(`${relative(SRC, file)} -> ${relative(SRC, target)}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('engine, model, policies, scenario and metrics import no Node API (they run in the browser too)', () => {
    // Node's built-in modules, with or without the node: prefix; files and threads belong in experiment/ and cli/.
    const builtins = /^(node:.*|fs|fs\/promises|path|os|crypto|worker_threads|child_process|cluster|url|util|stream|events|buffer|process|module|v8|vm|perf_hooks|readline|net|http|https|zlib|tty|assert)$/;
    const offending = files
      .filter((f) => layerOf(f) >= 0 && layerOf(f) <= LAYERS.indexOf('metrics'))
      .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => [f, m[1]] as const))
      .filter(([, target]) => builtins.test(target))
      .map(([f, target]) => `${relative(SRC, f)} imports ${target}`);
    expect(offending).toEqual([]);
  });

  it('the engine has no word of policing', () => {
    const words = /\b(999|101|police|policing|IVR|switchboard|handler|incident|grade|THRIVE)\b/i;
    const offending = files
      .filter((f) => layerOf(f) === 0)
      .flatMap((f) => readFileSync(f, 'utf8').split('\n').map((line, i) => [f, i + 1, line] as const))
      .filter(([, , line]) => words.test(line))
      .map(([f, n, line]) => `${relative(SRC, f)}:${n}: ${line.trim()}`);
    expect(offending).toEqual([]);
  });

  it('src/cli/ holds no loop over replications or grid points (the experiment layer runs them)', () => {
    const loops = files
      .filter((f) => relative(SRC, f).startsWith('cli'))
      .flatMap((f) => experimentLoops(readFileSync(f, 'utf8')).map((line) => `${relative(SRC, f)}: ${line}`));
    expect(loops).toEqual([]);
  });

  it('the loop detector finds the loops the CLI once held', () => {
    // The sweep's loop as it stood in src/cli/commands/sweep.ts, and the shapes of replication loops.
    expect(experimentLoops('    for (const { point, input } of todo) {')).toHaveLength(1);
    expect(experimentLoops('  const todo = sweepGrid(axes)\n    .filter((p) => !done.has(pointKey(p.values)))')).toHaveLength(1);
    expect(experimentLoops('for (let i = 0; i < replications; i++) run(i);')).toHaveLength(1);
    expect(experimentLoops('const results = indices.map((i) => runReplication(scenario, i));')).toHaveLength(1);
    expect(experimentLoops('Array.from({ length: reps }, (_, i) => i)')).toHaveLength(1);
    expect(experimentLoops('for (const point of points) await run(point);')).toHaveLength(1);
    expect(experimentLoops('// for (const point of points) in a comment')).toEqual([]);
    expect(experimentLoops('      for (let i = 0; i < done.length; i++) progress.tick();')).toHaveLength(1);
  });

  it('no file in src/model/ exceeds 250 lines (one stage of the call journey per file)', () => {
    const model = join(SRC, 'model');
    const long = files
      .filter((f) => f.startsWith(model + sep))
      .map((f) => [relative(SRC, f), readFileSync(f, 'utf8').split('\n').length - 1] as const)
      .filter(([, lines]) => lines > 250)
      .map(([file, lines]) => `${file}: ${lines} lines`);
    expect(long).toEqual([]);
  });

  it('no Math.random and no any in src', () => {
    const bad = files.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => [f, i + 1, line] as const)
        // Code only: a comment may say "any" in plain English.
        .filter(([, , line]) => !/^\s*(\/\/|\/\*|\*)/.test(line))
        .filter(([, , line]) => /Math\.random|:\s*any\b|as any\b|<any>/.test(line))
        .map(([file, n, line]) => `${relative(SRC, file)}:${n}: ${line.trim()}`),
    );
    expect(bad).toEqual([]);
  });
});
