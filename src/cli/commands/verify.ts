/**
 * `callsim verify results.json [--sample k]`: reruns the replications of a published run (made
 * with `run --format json --digests`), all or k chosen at random, and says whether each matches
 * its published digest and values. With every replication rerun it also rebuilds the results
 * and compares them with the file byte for byte. Exit 0 all match, 1 a mismatch, 2 bad input.
 */
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { quietOption, threadsOption } from '../options.js';

export interface VerifyArgs {
  results: string;
  sample?: number;
  threads?: number;
  quiet: boolean;
}

export const verifyCommand: CommandModule<object, VerifyArgs> = {
  command: 'verify <results>',
  describe: 'Rerun the replications of results made with run --format json --digests (all, or --sample k) and check them',
  builder: (yargs: Argv) =>
    yargs
      .positional('results', { type: 'string', demandOption: true, describe: 'JSON results of callsim run --format json --digests' })
      .option('sample', { type: 'number', describe: 'rerun k replications chosen at random (default: all, and compare the whole file)' })
      .option('threads', threadsOption)
      .option('quiet', quietOption) as unknown as Argv<VerifyArgs>,
  handler: async (argv: ArgumentsCamelCase<VerifyArgs>) => (await import('./verify-action.js')).verifyAction(argv),
};
