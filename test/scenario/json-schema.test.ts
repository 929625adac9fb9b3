import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../src/scenario/index.js';

const FILE = 'schema/callsim.schema.json';
const text = (): string => `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;

/** Walk every property schema of the JSON Schema. */
function properties(node: unknown, path: string, out: [string, Record<string, unknown>][]): void {
  if (node === null || typeof node !== 'object') return;
  const n = node as Record<string, unknown>;
  const props = n.properties as Record<string, unknown> | undefined;
  if (props) for (const [k, v] of Object.entries(props)) {
    out.push([`${path}.${k}`, v as Record<string, unknown>]);
    properties(v, `${path}.${k}`, out);
  }
  for (const key of ['additionalProperties', 'items']) if (n[key] && typeof n[key] === 'object') properties(n[key], `${path}[]`, out);
  for (const key of ['anyOf', 'oneOf']) if (Array.isArray(n[key])) (n[key] as unknown[]).forEach((v) => properties(v, path, out));
}

describe('scenario JSON Schema', () => {
  // Regenerate with: UPDATE_SCHEMA=1 npx vitest run test/scenario/json-schema.test.ts
  if (process.env.UPDATE_SCHEMA === '1') writeFileSync(FILE, text());

  it('the committed schema/callsim.schema.json equals scenarioJsonSchema()', () => {
    expect(JSON.parse(readFileSync(FILE, 'utf8'))).toEqual(scenarioJsonSchema());
    expect(readFileSync(FILE, 'utf8')).toBe(text());
  });

  it('every top-level and section field has a description', () => {
    const all: [string, Record<string, unknown>][] = [];
    properties(scenarioJsonSchema(), '', all);
    // Shift and distribution parameter internals are documented by their parent's description.
    const undocumented = all.filter(([p, s]) => typeof s.description !== 'string' && !/\.(fixed|exponential|lognormal|gamma|weibull|uniform|triangular|empirical|mixture|mean|cv|shape|scale|weight|constant|hourOfDay|hourOfWeek|shifts)$/.test(p) && !/(profile|shifts)\[\]/.test(p)).map(([p]) => p);
    expect(undocumented).toEqual([]);
    expect(all.length).toBeGreaterThan(100);
  });

  it('strict objects: unknown fields are refused by the schema', () => {
    const schema = scenarioJsonSchema() as { additionalProperties?: unknown; required?: string[] };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(expect.arrayContaining(['name', 'start', 'horizon', 'channels', 'queues', 'handlers']));
  });
});
