import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioReference } from '../../src/report/scenario-reference.js';
import { scenarioJsonSchema } from '../../src/scenario/json-schema.js';
import { ROOT } from './cli.js';

describe('README scenario reference', () => {
  it('is the table rendered from the published JSON Schema (regenerate: callsim schema --markdown)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const match = /<!-- scenario-reference:start -->\n([\s\S]*?)<!-- scenario-reference:end -->/.exec(readme);
    expect(match).not.toBeNull();
    expect(match![1]).toBe(scenarioReference(scenarioJsonSchema()));
  });

  it('the rendered reference names every top-level field of the schema', () => {
    const schema = scenarioJsonSchema() as { properties: Record<string, unknown> };
    const table = scenarioReference(schema);
    for (const field of Object.keys(schema.properties)) expect(table).toContain(`| \`${field}\` |`);
  });
});
