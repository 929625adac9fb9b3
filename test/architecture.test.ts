import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

// DESIGN.md section 3: each layer imports only from layers before it.
const LAYERS = ['engine', 'model', 'policies', 'scenario', 'metrics', 'experiment', 'report', 'cli'];
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

  it('the engine has no word of policing', () => {
    const words = /\b(999|101|police|policing|IVR|switchboard|handler|incident|grade|THRIVE)\b/i;
    const offending = files
      .filter((f) => layerOf(f) === 0)
      .flatMap((f) => readFileSync(f, 'utf8').split('\n').map((line, i) => [f, i + 1, line] as const))
      .filter(([, , line]) => words.test(line))
      .map(([f, n, line]) => `${relative(SRC, f)}:${n}: ${line.trim()}`);
    expect(offending).toEqual([]);
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
