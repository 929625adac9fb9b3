/**
 * `callsim generate FILE --out calls.csv`: a synthetic call log drawn from the scenario's arrival
 * processes (one replication), in the trace format, so `callsim run FILE --trace calls.csv` replays
 * it. Redials and chasing calls are left out: the model makes those itself when it replays.
 */
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import type { CallView } from '../../model/monitor.js';
import type { ResolvedScenario, TraceCall } from '../../model/resolved.js';
import { formatTrace } from '../../scenario/trace.js';
import { allowLargeOption, listFrom, seedFrom, seedOption, setOption, wholeNumber } from '../options.js';
import { checkOutPaths, emit } from '../output.js';

interface GenerateArgs {
  file: string;
  out?: string;
  seed?: number;
  set?: string[];
  replication?: number;
  attributes: boolean;
  quiet: boolean;
  allowLarge: boolean;
}

/** The trace row of a first call (arrival and channel; sampled attributes when asked). */
function traceCall(call: CallView, attributes: boolean, graded: boolean): TraceCall {
  const row: TraceCall = { arrivalSeconds: call.arrivedAt, channel: call.channel };
  if (!attributes) return row;
  if (Number.isFinite(call.handleSeconds)) row.handleSeconds = call.handleSeconds;
  if (Number.isFinite(call.patienceSeconds)) row.patienceSeconds = call.patienceSeconds;
  if (graded && call.area !== '') row.area = call.area;
  if (graded) row.need = call.needed;
  return row;
}

/** Every first call of replication `replication`, by arrival time (then id). */
export async function generateCalls(scenario: ResolvedScenario, replication: number, attributes: boolean): Promise<TraceCall[]> {
  const { runReplication } = await import('../../experiment/run-replication.js');
  const graded = scenario.dispatch !== undefined || scenario.grading !== undefined;
  // The model may reuse its call records after the sink returns: keep the row, not the view.
  const calls: { id: number; row: TraceCall }[] = [];
  runReplication(scenario, replication, {
    callSink: (call) => {
      if (call.redialOf < 0 && call.chasingIncident < 0) calls.push({ id: call.id, row: traceCall(call, attributes, graded) });
    },
  });
  calls.sort((a, b) => a.row.arrivalSeconds - b.row.arrivalSeconds || a.id - b.id);
  return calls.map((c) => c.row);
}

export const generateCommand: CommandModule<object, GenerateArgs> = {
  command: 'generate <file>',
  describe: 'Write a synthetic call log (trace CSV) from the scenario\'s arrival processes',
  builder: (yargs: Argv) =>
    yargs
      .positional('file', { type: 'string', demandOption: true, describe: 'scenario file (YAML or JSON)' })
      .option('out', { type: 'string', describe: 'CSV file to write (atomically); default stdout' })
      .option('seed', seedOption)
      .option('set', { ...setOption })
      .option('replication', { type: 'number', default: 0, describe: 'which replication\'s streams to draw from' })
      .option('attributes', { type: 'boolean', default: false, describe: 'also write each call\'s sampled handleSeconds, patienceSeconds (and area, need)' })
      .option('quiet', { type: 'boolean', default: false })
      .option('allow-large', allowLargeOption) as unknown as Argv<GenerateArgs>,
  handler: async (argv: ArgumentsCamelCase<GenerateArgs>) => {
    const replication = wholeNumber(argv.replication, 'replication', 0) ?? 0;
    const { loadInput } = await import('../../experiment/scenario-input.js');
    const { scenario, inputs } = loadInput(argv.file, { sets: listFrom(argv.set), seed: seedFrom(argv.seed), replications: 1, allowLarge: argv.allowLarge });
    checkOutPaths([['--out', argv.out]], inputs);
    const calls = await generateCalls(scenario, replication, argv.attributes);
    emit(formatTrace(calls, scenario.startEpochMs), argv.out, argv.quiet);
  },
};
