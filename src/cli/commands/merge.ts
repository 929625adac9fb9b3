/**
 * `callsim merge PART... [--out FILE]`: joins the part files of `run|compare|sweep --shard i/n`
 * (files, or folders of them) into the output the same command prints on one machine, byte for
 * byte. Refuses (exit 2, naming the files) parts of different jobs, duplicated or missing units,
 * and damaged or cut-off parts; it writes nothing unless every check passes.
 */
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { quietOption } from '../options.js';

export interface MergeArgs {
  parts: string[];
  out?: string;
  quiet: boolean;
}

export const mergeCommand: CommandModule<object, MergeArgs> = {
  command: 'merge <parts..>',
  describe: 'Join the part files of run|compare|sweep --shard i/n into the single-machine output',
  builder: (yargs: Argv) =>
    yargs
      .positional('parts', { type: 'string', array: true, demandOption: true, describe: 'part files, or folders of them' })
      .option('out', { type: 'string', describe: 'write the merged output to this file (atomically) instead of stdout' })
      .option('quiet', quietOption) as unknown as Argv<MergeArgs>,
  handler: async (argv: ArgumentsCamelCase<MergeArgs>) => (await import('./merge-action.js')).mergeAction(argv),
};
