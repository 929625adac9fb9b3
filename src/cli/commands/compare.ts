/**
 * `callsim compare A B [C ...]` or `callsim compare A --variant 'k=v,k=v' ...`: scenarios under
 * common random numbers (the same seed and replication indices for all); per metric each mean ±
 * half-width and the paired difference against the first scenario with its 95% interval.
 */
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import type { BreakdownAxis } from '../../report/breakdown.js';
import { allowLargeOption, type Format, byOption, formatOption, metricsOption, htmlOption, outOption, quietOption, repsOption, seedOption, setOption, threadsOption, shardOption } from '../options.js';

export interface CompareArgs {
  files: string[];
  variant?: string[];
  reps?: number;
  seed?: number;
  set?: string[];
  format: Format;
  out?: string;
  threads?: number;
  quiet: boolean;
  html?: string;
  shard?: string;
  by?: BreakdownAxis;
  metrics?: string[];
  allowLarge: boolean;
}

export const compareCommand: CommandModule<object, CompareArgs> = {
  command: 'compare <files..>',
  describe: 'Compare scenarios under common random numbers (paired differences against the first)',
  builder: (yargs: Argv) =>
    yargs
      .positional('files', { type: 'string', array: true, demandOption: true, describe: 'scenario files; the first is the baseline' })
      .option('variant', { type: 'string', array: true, describe: "a variant of the one file: 'LABEL:path=value,path+=n' (the label is optional; repeatable)" })
      .option('reps', repsOption)
      .option('seed', seedOption)
      .option('set', setOption)
      .option('format', formatOption)
      .option('out', outOption)
      .option('threads', threadsOption)
      .option('quiet', quietOption)
      .option('html', htmlOption)
      .option('shard', shardOption)
      .option('by', byOption)
      .option('metrics', metricsOption)
      .option('allow-large', allowLargeOption) as unknown as Argv<CompareArgs>,
  handler: async (argv: ArgumentsCamelCase<CompareArgs>) => (await import('./compare-action.js')).compareAction(argv),
};
