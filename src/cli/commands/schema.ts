/** `callsim schema`: the JSON Schema of scenario files (for editors). */
import type { CommandModule } from 'yargs';
import { scenarioJsonSchema } from '../../scenario/json-schema.js';
import { emit } from '../output.js';

export const schemaCommand: CommandModule<object, { out?: string }> = {
  command: 'schema',
  describe: 'Print the JSON Schema of scenario files',
  builder: (yargs) => yargs.option('out', { type: 'string', describe: 'write to this file instead of stdout' }),
  handler: (argv) => emit(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`, argv.out),
};
