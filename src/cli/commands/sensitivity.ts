/**
 * `callsim sensitivity FILE --targets T`: vary each tagged assumption of the scenario (its
 * `assumptions:` list) to its low and high value under common random numbers, and print per
 * target a tornado of paired changes (src/experiment/sensitivity.ts does the work).
 */
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { allowLargeOption, outOption, quietOption, repsOption, seedOption, setOption, threadsOption } from '../options.js';

export interface SensitivityArgs {
  file: string;
  targets: string;
  reps?: number;
  seed?: number;
  set?: string[];
  format: 'table' | 'json';
  out?: string;
  threads?: number;
  quiet: boolean;
  allowLarge: boolean;
  html?: string;
}

export const sensitivityCommand: CommandModule<object, SensitivityArgs> = {
  command: 'sensitivity <file>',
  describe: "Vary each tagged assumption (the scenario's `assumptions:`) by +-20% or its range, under common random numbers; a tornado per target",
  builder: (yargs: Argv) =>
    yargs
      .positional('file', { type: 'string', demandOption: true, describe: 'scenario file with an assumptions list' })
      .option('targets', { alias: 't', type: 'string', demandOption: true, describe: 'targets file (its metric targets are the outputs watched)' })
      .option('reps', repsOption)
      .option('seed', seedOption)
      .option('set', setOption)
      .option('format', { choices: ['table', 'json'] as const, default: 'table' as const, describe: 'output format' })
      .option('out', outOption)
      .option('threads', threadsOption)
      .option('quiet', quietOption)
      .option('allow-large', allowLargeOption)
      .option('html', { type: 'string', describe: 'also write the tornado chart (a self-contained HTML page, SVG) to this file' }) as unknown as Argv<SensitivityArgs>,
  handler: async (argv: ArgumentsCamelCase<SensitivityArgs>) => (await import('./sensitivity-action.js')).sensitivityAction(argv),
};
