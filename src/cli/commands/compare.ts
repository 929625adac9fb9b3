/**
 * `callsim compare A B [C ...]` or `callsim compare A --variant 'k=v,k=v' ...`: scenarios under
 * common random numbers (the same seed and replication indices for all); per metric each mean ±
 * half-width and the paired difference against the first scenario with its 95% interval.
 */
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { compareScenarios, type ComparedScenario } from '../../experiment/compare.js';
import { parseVariant } from '../../experiment/overrides.js';
import type { ComparisonResults } from '../../metrics/results.js';
import { comparisonCsv } from '../../report/csv.js';
import { comparisonJson } from '../../report/json.js';
import { comparisonTable } from '../../report/table.js';
import { UsageError } from '../errors.js';
import {
  allowLargeOption, type Format, formatOption, htmlOption, listFrom, outOption, quietOption, repsOption, seedFrom, seedOption, setOption, threadsFrom, threadsOption, wholeNumber,
} from '../options.js';
import { checkOutPaths, emit } from '../output.js';

interface CompareArgs {
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
  allowLarge: boolean;
}

/** A comparison in the chosen format. */
export function formatComparison(c: ComparisonResults, format: Format): string {
  return format === 'json' ? comparisonJson(c) : format === 'csv' ? comparisonCsv(c) : comparisonTable(c);
}

/** The scenarios to compare: several files, or one file and its variants (the file itself first). */
async function loadScenarios(argv: ArgumentsCamelCase<CompareArgs>, threads: number): Promise<{ scenarios: ComparedScenario[]; inputs: string[] }> {
  const files = listFrom(argv.files);
  const variants = listFrom(argv.variant);
  const sets = listFrom(argv.set);
  const seed = seedFrom(argv.seed);
  if (variants.length > 0 && files.length !== 1) throw new UsageError('compare: give one scenario file with --variant, or several files without it');
  if (variants.length === 0 && files.length < 2) throw new UsageError('compare: give at least two scenario files, or one file and --variant');
  const inputs = variants.length === 0
    ? files.map((f) => ({ file: f, sets, name: undefined as string | undefined }))
    : [{ file: files[0], sets, name: undefined as string | undefined }, ...variants.map((v) => ({ file: files[0], sets: [...sets, ...parseVariant(v)], name: v }))];
  // The schema (zod, yaml) loads only once a scenario is read.
  const { loadInput } = await import('../../experiment/scenario-input.js');
  const read: string[] = [];
  const scenarios = inputs.map((i) => {
    const loaded = loadInput(i.file, { sets: i.sets, seed, threads, allowLarge: argv.allowLarge, replications: wholeNumber(argv.reps, 'reps', 1) });
    read.push(...loaded.inputs);
    // A variant keeps its file's name; say which overrides made it.
    const scenario = i.name === undefined ? loaded.scenario : { ...loaded.scenario, name: `${loaded.scenario.name} [${i.name}]` };
    return { scenario, file: loaded.file, sha256: loaded.sha256 };
  });
  return { scenarios, inputs: read };
}

async function handler(argv: ArgumentsCamelCase<CompareArgs>): Promise<void> {
  const reps = wholeNumber(argv.reps, 'reps', 1);
  const threads = threadsFrom(argv.threads);
  const { scenarios, inputs } = await loadScenarios(argv, threads);
  checkOutPaths([['--out', argv.out], ['--html', argv.html]], inputs);
  const count = reps ?? scenarios[0].scenario.replications;
  const [{ makeProgress }, { ReplicationPool }] = await Promise.all([import('../progress.js'), import('../../experiment/replication-pool.js')]);
  const progress = makeProgress(count * scenarios.length, { quiet: argv.quiet });
  const pool = new ReplicationPool(threads);
  let comparison: ComparisonResults;
  try {
    comparison = await compareScenarios(pool, scenarios, { replications: count, seed: seedFrom(argv.seed) }, () => progress.tick());
  } finally {
    progress.stop();
    await pool.close();
  }
  emit(formatComparison(comparison, argv.format), argv.out, argv.quiet);
  // The report stack (vega, vega-lite) loads only when HTML is asked for.
  if (argv.html !== undefined) await (await import('../html-output.js')).writeHtml(comparison, argv.html, argv.quiet);
}

export const compareCommand: CommandModule<object, CompareArgs> = {
  command: 'compare <files..>',
  describe: 'Compare scenarios under common random numbers (paired differences against the first)',
  builder: (yargs: Argv) =>
    yargs
      .positional('files', { type: 'string', array: true, demandOption: true, describe: 'scenario files; the first is the baseline' })
      .option('variant', { type: 'string', array: true, describe: "a variant of the one file: 'path=value,path=value' (repeatable)" })
      .option('reps', repsOption)
      .option('seed', seedOption)
      .option('set', setOption)
      .option('format', formatOption)
      .option('out', outOption)
      .option('threads', threadsOption)
      .option('quiet', quietOption)
      .option('html', htmlOption)
      .option('allow-large', allowLargeOption) as unknown as Argv<CompareArgs>,
  handler,
};
