/**
 * `callsim sweep FILE --vary k=v1,v2 [--vary ...] --out results.csv`: every point of the grid
 * (first axis slowest), one CSV row per point: the point's values, then each metric's mean and
 * 95% half-width. Resumable: points already in the output are skipped. The file is replaced whole
 * after each point (temp file and rename), so an interrupted sweep leaves only complete rows; each
 * write locks the file and merges with it, so two sweeps sharing `--out` lose no rows.
 */
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import type { BreakdownAxis } from '../../report/breakdown.js';
import { allowLargeOption, byOption, metricsOption, quietOption, repsOption, seedOption, setOption, threadsOption, shardOption } from '../options.js';

export interface SweepArgs {
  file: string;
  vary: string[];
  out: string;
  reps?: number;
  seed?: number;
  set?: string[];
  threads?: number;
  quiet: boolean;
  shard?: string;
  by?: BreakdownAxis;
  metrics?: string[];
  json?: string;
  allowLarge: boolean;
}

export const sweepCommand: CommandModule<object, SweepArgs> = {
  command: 'sweep <file>',
  describe: 'Run a grid of variants; one CSV row per point (resumable)',
  builder: (yargs: Argv) =>
    yargs
      .positional('file', { type: 'string', demandOption: true, describe: 'scenario file (YAML or JSON)' })
      .option('vary', { type: 'string', array: true, demandOption: true, describe: 'path=v1,v2,... (repeatable; the grid is every combination)' })
      .option('out', { type: 'string', demandOption: true, describe: 'CSV file; points already in it are skipped' })
      .option('reps', repsOption)
      .option('seed', seedOption)
      .option('set', setOption)
      .option('threads', threadsOption)
      .option('quiet', quietOption)
      .option('shard', shardOption)
      .option('by', byOption)
      .option('metrics', metricsOption)
      .option('json', { type: 'string', describe: 'with --by: also write every point\'s breakdown as JSON to this file (series as in run results)' })
      .option('allow-large', allowLargeOption) as unknown as Argv<SweepArgs>,
  handler: async (argv: ArgumentsCamelCase<SweepArgs>) => (await import('./sweep-action.js')).sweepAction(argv),
};
