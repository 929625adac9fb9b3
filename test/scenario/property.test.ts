import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resolveScenario, ScenarioError } from '../../src/scenario/index.js';
import { VALID } from './fixtures.js';

type Path = (string | number)[];

/** More runs for a deeper search: PROPERTY_RUNS=5000 npx vitest run test/scenario/property.test.ts */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 400);

/** Every path to a value inside plain data (the root excluded). */
function allPaths(node: unknown, path: Path = [], out: Path[] = []): Path[] {
  if (Array.isArray(node)) node.forEach((v, i) => (out.push([...path, i]), allPaths(v, [...path, i], out)));
  else if (node !== null && typeof node === 'object') for (const [k, v] of Object.entries(node)) (out.push([...path, k]), allPaths(v, [...path, k], out));
  return out;
}

type Mutation = { kind: 'delete' | 'retype' | 'negate' | 'unknownKey'; pick: number; replacement: unknown };

function mutate(data: unknown, m: Mutation): void {
  const paths = allPaths(data);
  const path = paths[m.pick % paths.length];
  const parent = path.slice(0, -1).reduce<unknown>((n, s) => (n as Record<string | number, unknown>)[s], data) as Record<string | number, unknown>;
  const key = path[path.length - 1];
  switch (m.kind) {
    case 'delete':
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
      break;
    case 'retype':
      parent[key] = m.replacement;
      break;
    case 'negate':
      if (typeof parent[key] === 'number') parent[key] = -(parent[key] as number) - 1;
      else parent[key] = -1;
      break;
    case 'unknownKey': {
      const target = parent[key];
      if (target !== null && typeof target === 'object' && !Array.isArray(target)) (target as Record<string, unknown>).surplusField = m.replacement;
      else parent.surplusField = m.replacement;
      break;
    }
  }
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('delete', 'retype', 'negate', 'unknownKey'),
  pick: fc.nat(),
  replacement: fc.oneof(fc.string(), fc.constant(null), fc.boolean(), fc.double(), fc.array(fc.integer(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 }), fc.constantFrom(Number.NaN, Infinity, 1e300, -0, 0.5, 1, 2)),
}) as fc.Arbitrary<Mutation>;

describe('broken scenarios', () => {
  // the catalogue fixture and the Avon and Somerset baseline (grading, dispatch, shifts, mixtures)
  const bases = [parse(VALID) as unknown, parse(readFileSync('scenarios/avon-somerset-2022.yaml', 'utf8')) as unknown];
  it('any mutation of a valid scenario (delete, retype, negate, unknown key) either resolves or throws only ScenarioError with located problems', () => {
    fc.assert(
      fc.property(fc.constantFrom(0, 1), fc.array(mutation, { minLength: 1, maxLength: 3 }), (which, mutations) => {
        const data = structuredClone(bases[which]);
        for (const m of mutations) mutate(data, m);
        try {
          const resolved = resolveScenario(data, { file: 'mutated.yaml' });
          expect(Object.isFrozen(resolved)).toBe(true);
        } catch (error) {
          if (!(error instanceof ScenarioError)) throw error;
          expect(error.problems.length).toBeGreaterThan(0);
          for (const p of error.problems) {
            expect(p.file).toBe('mutated.yaml');
            expect(typeof p.expected).toBe('string');
            expect(typeof p.found).toBe('string');
          }
          expect(error.message.split('\n')).toHaveLength(error.problems.length);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('a single mutation that breaks the form is always caught (negating a required positive number is an error)', () => {
    const data = parse(VALID) as { queues: Record<string, { targetSeconds: number }> };
    data.queues.primary.targetSeconds = -5;
    expect(() => resolveScenario(data)).toThrow(/queues\.primary\.targetSeconds: expected a number >= 0, found -5/);
  });
});

describe('broken --set overrides', () => {
  const base = parse(VALID) as unknown;
  const paths = allPaths(base).map((p) => p.map((s, i) => (typeof s === 'number' ? `[${s}]` : `${i === 0 ? '' : '.'}"${s}"`)).join(''));
  it('any --set of a field to any YAML value resolves or throws only ScenarioError', async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { loadScenario } = await import('../../src/experiment/load-scenario.js');
    const file = join(mkdtempSync(join(tmpdir(), 'callsim-set-')), 'valid.yaml');
    writeFileSync(file, VALID);
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.oneof(fc.string(), fc.constantFrom('-1', '{}', '[]', 'null', '{a: 1}', '0.5', 'x: [', '"999"')), (path, value) => {
        try {
          loadScenario(file, { sets: [`${path}=${value}`] });
        } catch (error) {
          if (!(error instanceof ScenarioError)) throw error;
          expect(error.problems.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });
});
