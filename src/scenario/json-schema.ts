import { z } from 'zod';
import { writtenScenarioSchema } from './schema.js';

/** The written scenario form as JSON Schema (draft 2020-12), for editors; `callsim schema` prints it. */
export function scenarioJsonSchema(): object {
  const schema = z.toJSONSchema(writtenScenarioSchema, { unrepresentable: 'any', io: 'input' }) as Record<string, unknown>;
  return { ...schema, $id: 'https://callsim.dev/schema/callsim.schema.json', title: 'callsim scenario' };
}
