import { z } from 'zod';
import { scenarioSchema } from './schema.js';

/**
 * The written scenario form as JSON Schema (draft 2020-12), for editors; `callsim schema` prints it.
 * Policies come from the registry: the built-ins, and any registered in this process.
 */
export function scenarioJsonSchema(): object {
  const schema = z.toJSONSchema(scenarioSchema(), { unrepresentable: 'any', io: 'input' }) as Record<string, unknown>;
  return { ...schema, $id: 'https://callsim.dev/schema/callsim.schema.json', title: 'callsim scenario' };
}
