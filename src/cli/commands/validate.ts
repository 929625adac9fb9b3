/** `callsim validate FILE`: schema and semantic checks only (nothing is simulated). */
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import type { ResolvedScenario } from '../../model/resolved.js';
import { monthMultipliers } from '../../engine/rate-profile.js';
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

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (x: number): string => x.toFixed(2);

/**
 * One line per channel with month weights: relative (scaled to mean 1) or absolute multipliers,
 * and the multiplier each month applies to the channel's rate, so nothing is rescaled unseen.
 */
export function monthWeightLines(s: ResolvedScenario): string[] {
  return s.channels.flatMap((c) => {
    const written = c.rate.month;
    const applied = monthMultipliers(c.rate);
    if (written === undefined || applied === null) return [];
    const writtenMean = written.reduce((a, b) => a + b, 0) / written.length;
    const appliedMean = applied.reduce((a, b) => a + b, 0) / applied.length;
    const mode = c.rate.monthWeights === 'absolute'
      ? `absolute multipliers (mean ${two(appliedMean)}; not rescaled)`
      : `relative (mean ${two(appliedMean)}${Math.abs(writtenMean - 1) > 5e-3 ? `; rescaled from mean ${two(writtenMean)} as written` : ''})`;
    const perDay = c.rate.perHour * 24;
    const rate = `${Number.isInteger(perDay) ? perDay : perDay.toFixed(1)} calls a day`;
    return [`${c.name} month weights: ${mode}, applied as ${applied.map((m, i) => `${MONTHS[i]} ${two(m)}`).join(', ')} times ${rate}`];
  });
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
    for (const line of monthWeightLines(scenario)) process.stdout.write(`${line}\n`);
    process.stdout.write(`work: ${describeWork(work, scenario.replications)} with ${threads} thread${threads === 1 ? '' : 's'}\n`);
    if (work.traceRowsAfterHorizon > 0) process.stdout.write(`trace: ${work.traceRowsAfterHorizon} rows arrive at or after the horizon and are not replayed\n`);
  },
};
