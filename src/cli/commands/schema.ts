/** `callsim schema`: the JSON Schema of scenario files (for editors), or `--markdown`: the field reference. */
import type { CommandModule } from 'yargs';
import { emit } from '../output.js';

export const schemaCommand: CommandModule<object, { out?: string; markdown: boolean }> = {
  command: 'schema',
  describe: 'Print the JSON Schema of scenario files (--markdown: a field reference)',
  builder: (yargs) =>
    yargs
      .option('out', { type: 'string', describe: 'write to this file instead of stdout' })
      .option('markdown', { type: 'boolean', default: false, describe: 'a markdown table of every field (the README reference)' }),
  handler: async (argv) => {
    // zod loads only for this command's output.
    const [{ scenarioReference }, { scenarioJsonSchema }] = await Promise.all([import('../../report/scenario-reference.js'), import('../../scenario/json-schema.js')]);
    const schema = scenarioJsonSchema();
    emit(argv.markdown ? scenarioReference(schema) : `${JSON.stringify(schema, null, 2)}\n`, argv.out, true);
  },
};
