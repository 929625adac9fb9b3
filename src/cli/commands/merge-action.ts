/** The work of `callsim merge` (loaded when the command runs, so --help and other commands do not pay for it). */
import { resolve } from 'node:path';
import type { ArgumentsCamelCase } from 'yargs';
import { assemble, type MergedOutput } from '../../experiment/shard/assemble.js';
import { mergeParts } from '../../experiment/shard/merge.js';
import { ShardInputError } from '../../experiment/shard/shard-spec.js';
import { sweepCsv } from '../../report/sweep-csv.js';
import type { Format } from '../options.js';
import { emit } from '../output.js';
import { formatComparison } from './compare-action.js';
import { formatResults } from '../format-results.js';
import type { MergeArgs } from './merge.js';

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

export async function mergeAction(argv: ArgumentsCamelCase<MergeArgs>): Promise<void> {
  const merged = mergeParts(argv.parts);
  if (argv.out !== undefined && merged.files.some((f) => resolve(f) === resolve(argv.out!))) {
    throw new ShardInputError(`merge: --out ${argv.out} is one of the part files; write the merged result elsewhere`);
  }
  emit(mergedText(assemble(merged)), argv.out, argv.quiet);
}

