/**
 * Hostile scenario files (issue 18): deep nesting, huge numbers, long strings, many keys and
 * binary bytes, written to disk and loaded as `run` loads them (read, size and nesting checks,
 * parse, resolve, work estimate). Whatever the file, loading either succeeds with a finite work
 * estimate inside the limits, or throws a ScenarioError whose message is short: no other error,
 * no stack overflow, no echo of the hostile text in full.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadInput } from '../../src/experiment/scenario-input.js';
import { MAX_EVENTS, MAX_HEADCOUNT, MAX_MEMORY_BYTES } from '../../src/experiment/work-estimate.js';
import { MAX_LISTED_PROBLEMS, ScenarioError } from '../../src/scenario/errors.js';
import { VALID } from './fixtures.js';

type Path = (string | number)[];

function allPaths(node: unknown, path: Path = [], out: Path[] = []): Path[] {
  if (Array.isArray(node)) node.forEach((v, i) => (out.push([...path, i]), allPaths(v, [...path, i], out)));
  else if (node !== null && typeof node === 'object') for (const [k, v] of Object.entries(node)) (out.push([...path, k]), allPaths(v, [...path, k], out));
  return out;
}

function setAt(data: unknown, path: Path, value: unknown): void {
  const parent = path.slice(0, -1).reduce<unknown>((n, s) => (n as Record<string | number, unknown>)[s], data) as Record<string | number, unknown>;
  parent[path[path.length - 1]] = value;
}

/** A hostile change: to the data (then written as YAML or JSON), or to the text itself. */
type Hostile =
  | { kind: 'deep'; pick: number; depth: number; open: '[' | '{' }
  | { kind: 'huge'; pick: number; value: number }
  | { kind: 'long'; pick: number; text: string; repeat: number }
  | { kind: 'manyKeys'; pick: number; keys: number }
  | { kind: 'bytes'; at: number; bytes: Uint8Array }
  | { kind: 'garbage'; bytes: Uint8Array };

const hostile: fc.Arbitrary<Hostile> = fc.oneof(
  fc.record({ kind: fc.constant('deep' as const), pick: fc.nat(), depth: fc.oneof(fc.integer({ min: 1, max: 80 }), fc.integer({ min: 80, max: 1500 })), open: fc.constantFrom('[' as const, '{' as const) }),
  fc.record({ kind: fc.constant('huge' as const), pick: fc.nat(), value: fc.constantFrom(1e9, 1e12, 1e15, 1e308, -1e308, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER, 5e-324, 123456789) }),
  fc.record({ kind: fc.constant('long' as const), pick: fc.nat(), text: fc.string({ minLength: 1, maxLength: 8 }), repeat: fc.integer({ min: 1, max: 5_000 }) }),
  fc.record({ kind: fc.constant('manyKeys' as const), pick: fc.nat(), keys: fc.integer({ min: 10, max: 800 }) }),
  fc.record({ kind: fc.constant('bytes' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
  fc.record({ kind: fc.constant('garbage' as const), bytes: fc.uint8Array({ minLength: 0, maxLength: 2048 }) }),
);

const DEEP_MARK = '"@@deep@@"';

/** The file's bytes after the hostile change. */
function hostileFile(base: unknown, h: Hostile, json: boolean): Buffer {
  if (h.kind === 'garbage') return Buffer.from(h.bytes);
  const data = structuredClone(base);
  const paths = allPaths(data);
  const write = (d: unknown): string => (json ? JSON.stringify(d) : stringify(d));
  switch (h.kind) {
    case 'deep': {
      setAt(data, paths[h.pick % paths.length], '@@deep@@');
      const nest = h.open === '[' ? `${'['.repeat(h.depth)}1${']'.repeat(h.depth)}` : `${'{"a": '.repeat(h.depth)}1${'}'.repeat(h.depth)}`;
      return Buffer.from(write(data).replace(json ? DEEP_MARK : /"?@@deep@@"?/, nest));
    }
    case 'huge': {
      const numeric = paths.filter((p) => typeof p.reduce<unknown>((n, s) => (n as Record<string | number, unknown>)[s], data) === 'number');
      setAt(data, numeric[h.pick % numeric.length], h.value);
      return Buffer.from(write(data));
    }
    case 'long':
      setAt(data, paths[h.pick % paths.length], h.text.repeat(h.repeat));
      return Buffer.from(write(data));
    case 'manyKeys': {
      const maps = [[] as Path, ...paths.filter((p) => {
        const v = p.reduce<unknown>((n, s) => (n as Record<string | number, unknown>)[s], data);
        return v !== null && typeof v === 'object' && !Array.isArray(v);
      })];
      const target = maps[h.pick % maps.length].reduce<unknown>((n, s) => (n as Record<string | number, unknown>)[s], data) as Record<string, unknown>;
      for (let i = 0; i < h.keys; i++) target[`key${i}`] = i;
      return Buffer.from(write(data));
    }
    case 'bytes': {
      const text = Buffer.from(write(data));
      const at = h.at % (text.length + 1);
      return Buffer.concat([text.subarray(0, at), Buffer.from(h.bytes), text.subarray(at)]);
    }
  }
}

describe('hostile scenario files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'callsim-hostile-'));
  const bases = [parse(VALID) as unknown];

  it('deep nesting, huge numbers, long strings, many keys or binary bytes: a finite estimate within the limits, or a short ScenarioError', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(0), fc.boolean(), hostile, async (which, json, h) => {
        const file = join(dir, `case-${n++}.${json ? 'json' : 'yaml'}`);
        writeFileSync(file, hostileFile(bases[which], h, json));
        try {
          const input = await loadInput(file, { threads: 2 });
          const w = input.work;
          for (const x of [w.callsPerReplication, w.events, w.peakMemoryBytes]) expect(Number.isFinite(x) && x >= 0).toBe(true);
          expect(w.events).toBeLessThanOrEqual(MAX_EVENTS);
          expect(w.peakMemoryBytes).toBeLessThanOrEqual(MAX_MEMORY_BYTES);
          for (const c of w.headcounts) expect(c.peak).toBeLessThanOrEqual(MAX_HEADCOUNT);
        } catch (error) {
          if (!(error instanceof ScenarioError)) throw error;
          expect(error.problems.length).toBeGreaterThan(0);
          const lines = error.message.split('\n');
          expect(lines.length).toBeLessThanOrEqual(MAX_LISTED_PROBLEMS + 1);
          // An echo is cut at 200 characters; the rest of a line is our own words and the path.
          for (const line of lines) expect(line.length).toBeLessThan(1200);
        }
      }),
      { numRuns: 1000, seed: 18 },
    );
  });
});
