/**
 * `callsim sensitivity FILE --targets T`: vary each tagged assumption of the scenario (its
 * `assumptions:` list) to its low and high value under common random numbers, and print per
 * target a tornado of paired changes (src/experiment/sensitivity.ts does the work).
 */
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { runSensitivity } from '../../experiment/sensitivity.js';
import { ReplicationPool } from '../../experiment/replication-pool.js';
import { loadTargets } from '../../experiment/targets.js';
import { writeFileAtomic } from '../../report/atomic-write.js';
import { sensitivityJson, sensitivityTable } from '../../report/sensitivity.js';
import { UsageError } from '../errors.js';
import { allowLargeOption, listFrom, outOption, quietOption, repsOption, seedFrom, seedOption, setOption, threadsFrom, threadsOption, wholeNumber } from '../options.js';
import { emit } from '../output.js';
import { makeProgress } from '../progress.js';

interface SensitivityArgs {
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

async function handler(argv: ArgumentsCamelCase<SensitivityArgs>): Promise<void> {
  let targets;
  try {
    targets = loadTargets(argv.targets);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const threads = threadsFrom(argv.threads);
  const sets = listFrom(argv.set);
  const options = { sets, replications: wholeNumber(argv.reps, 'reps', 1), seed: seedFrom(argv.seed), threads, allowLarge: argv.allowLarge };
  const pool = new ReplicationPool(threads);
  let text: string;
  let progress: ReturnType<typeof makeProgress> | undefined;
  const onPlan = (runs: number): void => {
    progress = makeProgress(runs, { quiet: argv.quiet });
  };
  try {
    const results = await runSensitivity(pool, argv.file, targets, { ...options, onPlan }, () => progress?.tick());
    text = argv.format === 'json' ? sensitivityJson(results) : sensitivityTable(results);
    if (argv.html !== undefined) {
      // Loaded only here: vega and vega-lite stay out of the command line's start-up.
      const { tornadoHtml } = await import('../../report/html/tornado.js');
      writeFileAtomic(argv.html, await tornadoHtml(results));
      if (!argv.quiet) process.stderr.write(`wrote ${argv.html}\n`);
    }
  } finally {
    progress?.stop();
    await pool.close();
  }
  emit(text, argv.out, argv.quiet);
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
  handler,
};
