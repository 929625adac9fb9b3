/**
 * `callsim merge PART... [--out FILE]`: joins the part files of `run|compare|sweep --shard i/n`
 * (files, or folders of them) into the output the same command prints on one machine, byte for
 * byte. Refuses (exit 2, naming the files) parts of different jobs, duplicated or missing units,
 * and damaged or cut-off parts; it writes nothing unless every check passes.
 */
import { resolve } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { assemble, type MergedOutput } from '../../experiment/shard/assemble.js';
import { mergeParts } from '../../experiment/shard/merge.js';
import { ShardInputError } from '../../experiment/shard/shard-spec.js';
import { sweepCsv } from '../../report/sweep-csv.js';
import type { Format } from '../options.js';
import { quietOption } from '../options.js';
import { emit } from '../output.js';
import { formatComparison } from './compare.js';
import { formatResults } from './run.js';

interface MergeArgs {
  parts: string[];
  out?: string;
  quiet: boolean;
}

const FORMATS: readonly string[] = ['table', 'json', 'csv'];

/** The merged output as text, as the single-machine command writes it. */
export function mergedText(merged: MergedOutput): string {
  if (merged.command === 'sweep') {
    return sweepCsv(merged.axes, merged.points);
  }
  if (!FORMATS.includes(merged.format)) throw new ShardInputError(`the parts ask for format ${JSON.stringify(merged.format)}; expected table, json or csv`);
  const format = merged.format as Format;
  return merged.command === 'run' ? formatResults(merged.results, format) : formatComparison(merged.comparison, format);
}

async function handler(argv: ArgumentsCamelCase<MergeArgs>): Promise<void> {
  const merged = mergeParts(argv.parts);
  if (argv.out !== undefined && merged.files.some((f) => resolve(f) === resolve(argv.out!))) {
    throw new ShardInputError(`merge: --out ${argv.out} is one of the part files; write the merged result elsewhere`);
  }
  emit(mergedText(assemble(merged)), argv.out, argv.quiet);
}

export const mergeCommand: CommandModule<object, MergeArgs> = {
  command: 'merge <parts..>',
  describe: 'Join the part files of run|compare|sweep --shard i/n into the single-machine output',
  builder: (yargs: Argv) =>
    yargs
      .positional('parts', { type: 'string', array: true, demandOption: true, describe: 'part files, or folders of them' })
      .option('out', { type: 'string', describe: 'write the merged output to this file (atomically) instead of stdout' })
      .option('quiet', quietOption) as unknown as Argv<MergeArgs>,
  handler,
};
