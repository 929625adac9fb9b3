/**
 * `callsim generate FILE --out calls.csv`: a synthetic call log drawn from the scenario's arrival
 * processes (one replication), in the trace format, so `callsim run FILE --trace calls.csv` replays
 * it. Redials and chasing calls are left out: the model makes those itself when it replays.
 */
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { loadInput } from '../../experiment/scenario-input.js';
import { allowLargeOption, listFrom, pluginsFrom, seedFrom, seedOption, setOption, wholeNumber } from '../options.js';
import { generatedLog } from '../isolated-task.js';
import { checkOutPaths, emit } from '../output.js';

interface GenerateArgs {
  file: string;
  out?: string;
  seed?: number;
  set?: string[];
  replication?: number;
  attributes: boolean;
  quiet: boolean;
  allowLarge: boolean;
}

export const generateCommand: CommandModule<object, GenerateArgs> = {
  command: 'generate <file>',
  describe: 'Write a synthetic call log (trace CSV) from the scenario\'s arrival processes',
  builder: (yargs: Argv) =>
    yargs
      .positional('file', { type: 'string', demandOption: true, describe: 'scenario file (YAML or JSON)' })
      .option('out', { type: 'string', describe: 'CSV file to write (atomically); default stdout' })
      .option('seed', seedOption)
      .option('set', { ...setOption })
      .option('replication', { type: 'number', default: 0, describe: 'which replication\'s streams to draw from' })
      .option('attributes', { type: 'boolean', default: false, describe: 'also write each call\'s sampled handleSeconds, patienceSeconds (and area, need)' })
      .option('quiet', { type: 'boolean', default: false })
      .option('allow-large', allowLargeOption) as unknown as Argv<GenerateArgs>,
  handler: async (argv: ArgumentsCamelCase<GenerateArgs>) => {
    const replication = wholeNumber(argv.replication, 'replication', 0) ?? 0;
    const { scenario, inputs } = await loadInput(argv.file, { sets: listFrom(argv.set), seed: seedFrom(argv.seed), replications: 1, allowLarge: argv.allowLarge, plugins: pluginsFrom(argv) });
    checkOutPaths([['--out', argv.out]], inputs);
    emit(await generatedLog(scenario, replication, argv.attributes), argv.out, argv.quiet);
  },
};
