/**
 * `callsim run FILE`: replications of a scenario on worker threads, summarised as a table, the
 * section-6 JSON or CSV. `--trace-out` writes every call of replication 0 (run apart from the pool,
 * so the file is the same whatever --threads); `--precision` adds replications until intervals are
 * narrow enough.
 */
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { DEFAULT_MAX_REPLICATIONS } from '../../experiment/replication-defaults.js';
import type { BreakdownAxis } from '../../report/breakdown.js';
import { allowLargeOption, digestsOption, shardOption, type Format, byOption, formatOption, metricsOption, htmlOption, outOption, quietOption, repsOption, seedOption, setOption, threadsOption } from '../options.js';

export interface RunArgs {
  file: string;
  reps?: number;
  seed?: number;
  set?: string[];
  format: Format;
  out?: string;
  trace?: string;
  traceOut?: string;
  threads?: number;
  precision?: string[];
  maxReps?: number;
  quiet: boolean;
  html?: string;
  shard?: string;
  digests?: boolean;
  by?: BreakdownAxis;
  metrics?: string[];
  allowLarge: boolean;
}

export const runCommand: CommandModule<object, RunArgs> = {
  command: 'run <file>',
  describe: 'Run replications of a scenario and summarise them',
  builder: (yargs: Argv) =>
    yargs
      .positional('file', { type: 'string', demandOption: true, describe: 'scenario file (YAML or JSON)' })
      .option('reps', repsOption)
      .option('seed', seedOption)
      .option('set', setOption)
      .option('format', formatOption)
      .option('out', outOption)
      .option('trace', { type: 'string', describe: 'replay this call log (CSV) instead of the arrival profiles' })
      .option('trace-out', { type: 'string', describe: 'write one CSV row per call of replication 0' })
      .option('threads', threadsOption)
      .option('precision', { type: 'string', array: true, describe: 'metric=halfwidth: add replications until the 95% half-width is at most this (repeatable)' })
      .option('max-reps', { type: 'number', describe: `cap on replications with --precision (default ${DEFAULT_MAX_REPLICATIONS})` })
      .option('quiet', quietOption)
      .option('html', htmlOption)
      .option('shard', shardOption)
      .option('digests', digestsOption)
      .option('by', byOption)
      .option('metrics', metricsOption)
      .option('allow-large', allowLargeOption) as unknown as Argv<RunArgs>,
  handler: async (argv: ArgumentsCamelCase<RunArgs>) => (await import('./run-action.js')).runAction(argv),
};
