/** The work of `callsim sensitivity` (loaded when the command runs, so --help and other commands do not pay for it). */
import type { ArgumentsCamelCase } from 'yargs';
import { runSensitivity } from '../../experiment/sensitivity.js';
import { ReplicationPool } from '../../experiment/replication-pool.js';
import { loadTargets } from '../../experiment/targets.js';
import { writeFileAtomic } from '../../report/atomic-write.js';
import { sensitivityJson, sensitivityTable } from '../../report/sensitivity.js';
import { UsageError } from '../errors.js';
import { listFrom, seedFrom, threadsFrom, wholeNumber } from '../options.js';
import { emit } from '../output.js';
import { makeProgress } from '../progress.js';
import type { SensitivityArgs } from './sensitivity.js';

export async function sensitivityAction(argv: ArgumentsCamelCase<SensitivityArgs>): Promise<void> {
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

