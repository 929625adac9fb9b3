/** `callsim validate FILE`: schema and semantic checks only (nothing is simulated). */
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import type { ResolvedScenario } from '../../model/resolved.js';
import { allowLargeOption, listFrom, pluginsFrom, setOption, threadsFrom, threadsOption } from '../options.js';

interface ValidateArgs {
  file: string;
  set?: string[];
  trace?: string;
  threads?: number;
  allowLarge: boolean;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One line saying what the scenario holds. */
export function scenarioSummary(s: ResolvedScenario): string {
  const hours = s.horizonSeconds / 3600;
  const horizon = hours % 24 === 0 ? plural(hours / 24, 'day') : plural(hours, 'hour');
  const staff = s.handlers.pools.map((p) => p.name).join(', ');
  return [
    `${JSON.stringify(s.name)}: ${horizon} from ${s.start}`,
    plural(s.channels.length, 'channel'),
    plural(s.queues.length, 'queue'),
    `${plural(s.handlers.pools.length, 'handler pool')} (${staff})`,
    ...(s.switchboard === undefined ? [] : ['a switchboard']),
    ...(s.dispatch === undefined ? [] : [plural(s.dispatch.areas.length, 'dispatch area')]),
    ...(s.trace === undefined ? [] : [`${plural(s.trace.length, 'traced call')}`]),
    `${plural(s.replications, 'replication')}, seed ${s.seed}`,
  ].join(', ');
}

export const validateCommand: CommandModule<object, ValidateArgs> = {
  command: 'validate <file>',
  describe: 'Check a scenario file (schema and semantics) without running it',
  builder: (yargs: Argv) =>
    yargs
      .positional('file', { type: 'string', demandOption: true, describe: 'scenario file (YAML or JSON)' })
      .option('set', setOption)
      .option('trace', { type: 'string', describe: 'also check this call log (CSV)' })
      .option('threads', { ...threadsOption, describe: 'threads the run would use, for the memory estimate (default: available cores)' })
      .option('allow-large', allowLargeOption) as unknown as Argv<ValidateArgs>,
  handler: async (argv: ArgumentsCamelCase<ValidateArgs>) => {
    const threads = threadsFrom(argv.threads);
    // The scenario stack (yaml, zod) loads when the command runs, not with --help.
    const [{ loadInput }, { describeWork }] = await Promise.all([import('../../experiment/scenario-input.js'), import('../../experiment/work-estimate.js')]);
    const { scenario, work } = await loadInput(argv.file, { sets: listFrom(argv.set), traceFile: argv.trace, threads, allowLarge: argv.allowLarge, plugins: pluginsFrom(argv) });
    process.stdout.write(`OK ${argv.file}: ${scenarioSummary(scenario)}\n`);
    // Loaded here: --help and other commands never load the engine.
    const { monthWeightLines } = await import('./validate-month-weights.js');
    for (const line of monthWeightLines(scenario)) process.stdout.write(`${line}\n`);
    process.stdout.write(`work: ${describeWork(work, scenario.replications)} with ${threads} thread${threads === 1 ? '' : 's'}\n`);
    if (work.traceRowsAfterHorizon > 0) process.stdout.write(`trace: ${work.traceRowsAfterHorizon} rows arrive at or after the horizon and are not replayed\n`);
  },
};
