import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { runReplication } from '../src/experiment/run-replication.js';
import { loadInput } from '../src/experiment/scenario-input.js';
import type { ResolvedScenario } from '../src/model/resolved.js';
import { cc2Scenario, countEvents, type EventCounts } from './cc2.js';
import { AVON, bestOf, type Bench, loadText, RESULTS_FILE, ROOT, thousands } from './format.js';
import { holdModel } from './hold.js';
import { STAFFING_ROW } from './staffing.js';

/**
 * Every row of issue 12's table, measured the way the issue states it: whole-process figures by
 * running the built command line as a child process (best of 3, with every run shown), in-process
 * figures by calling the model here. Writes benches/results.json so a later change can be compared.
 */

const MAIN = join('dist', 'src', 'cli', 'main.js');
/** The parser itself (yargs and the command definitions); main.js prints stored help screens without it. */
const PARSER = join('dist', 'src', 'cli', 'cli.js');
const RSS_HOOK = join('dist', 'benches', 'max-rss.js');
const REPEATS = 3;

export interface Row {
  what: string;
  target: string;
  /** The figure compared with the target (seconds, arrivals per second or MB). */
  measured: number;
  unit: 's' | 'arrivals/s' | 'MB' | 'x bare node';
  /** Every run (best first is not implied: in run order). */
  runs: number[];
  met: boolean;
  /** CPU time, user + system (less disturbed by load than wall time): of one more run of a whole-process row, the best run in process. */
  cpuSeconds?: number;
  command: string;
  note?: string;
}

const seconds = (ns: bigint): number => Number(ns) / 1e9;

/** Runs `node ...args` in the repository root; fails loudly when the command fails. */
function spawnNode(args: readonly string[]): { seconds: number; stdout: string; stderr: string } {
  const before = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const elapsed = seconds(process.hrtime.bigint() - before);
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 500)}`);
  return { seconds: elapsed, stdout: r.stdout, stderr: r.stderr };
}

/** Wall seconds of `node ...args`, best of REPEATS, and every run. */
function timeProcess(args: readonly string[], repeats = REPEATS): { best: number; runs: number[] } {
  const runs = Array.from({ length: repeats }, () => spawnNode(args).seconds);
  return { best: Math.min(...runs), runs };
}

/** Peak resident set (MB) and CPU time (user + system, s) of one run of `node ...args`, read by the max-rss hook. */
function usageOf(args: readonly string[]): { mb: number; cpuSeconds: number } {
  const { stderr } = spawnNode(['--import', `./${RSS_HOOK.split('\\').join('/')}`, ...args]);
  const rss = /maxRSS-KB (\d+)/.exec(stderr);
  const cpu = /cpu-us (\d+)/.exec(stderr);
  if (rss === null || cpu === null) throw new Error(`no peak memory or CPU time reported by node ${args.join(' ')}`);
  return { mb: Number(rss[1]) / 1024, cpuSeconds: Number(cpu[1]) / 1e6 };
}

const peakMb = (args: readonly string[]): number => usageOf(args).mb;
const cpuOf = (args: readonly string[]): number => usageOf(args).cpuSeconds;

const spread = (runs: readonly number[], digits: number): string => runs.map((r) => r.toFixed(digits)).join(' ');

/** In-process arrivals per second over REPEATS runs of one replication (best, and every run). */
function arrivalsRate(scenario: ResolvedScenario): { best: number; runs: number[]; perCpuSecond: number; arrivals: number; events: number } {
  let arrivals = 0;
  let events = 0;
  const timing = bestOf(REPEATS, () => {
    const r = runReplication(scenario, 0);
    arrivals = r.callsOffered;
    events = r.eventsRun;
    return r.eventsRun;
  });
  return { best: arrivals / timing.bestSeconds, runs: timing.allSeconds.map((s) => arrivals / s), perCpuSecond: arrivals / timing.bestCpuSeconds, arrivals, events };
}

/**
 * The physical limit of a model on this engine: arrivals per second if every event that passes
 * through the heap cost only one pop and one push of it (the hold model: no model work at all).
 * Arrivals kept on lanes (outside the heap) are not counted: they cost a comparison, not a heap
 * operation; `eventsPerArrival` is all events, `heapEventsPerArrival` those the limit divides by.
 */
export interface Limit {
  holdEventsPerSecond: number;
  eventsPerArrival: number;
  heapEventsPerArrival: number;
  arrivalsPerSecond: number;
}

/** The events of `scenario`, counted in a run that must be the timed run again (same events). */
function countedAs(scenario: ResolvedScenario, measuredEvents: number): EventCounts {
  const counts = countEvents(scenario);
  if (counts.events !== measuredEvents) throw new Error(`the counting run saw ${counts.events} events, the timed run ${measuredEvents}`);
  return counts;
}

function limitOf(holdEventsPerSecond: number, counts: EventCounts): Limit {
  const heapEventsPerArrival = counts.heapEvents / counts.arrivals;
  return { holdEventsPerSecond, eventsPerArrival: counts.events / counts.arrivals, heapEventsPerArrival, arrivalsPerSecond: holdEventsPerSecond / heapEventsPerArrival };
}

const node = (args: readonly string[]): string => `node ${args.join(' ')}`;

/**
 * The start-up rows: `callsim --help` and bare `node -e 0` interleaved run by run so both see the
 * same load, the same for the parser's own --help (what every other command pays before its work),
 * and validate. `repeats` runs each; the best is the figure, every run is shown.
 */
export function startUpRows(repeats: number): Row[] {
  const rows: Row[] = [];
  const bare: number[] = [];
  const help: number[] = [];
  const parser: number[] = [];
  for (let i = 0; i < repeats; i++) {
    bare.push(spawnNode(['-e', '0']).seconds);
    help.push(spawnNode([MAIN, '--help']).seconds);
    parser.push(spawnNode([PARSER, '--help']).seconds);
  }
  const bareBest = Math.min(...bare);
  const bareNote = `bare node -e 0 in the same run: best ${bareBest.toFixed(3)} s (${spread(bare, 3)}); CPU ${cpuOf(['-e', '0']).toFixed(3)} s`;
  const helpBest = Math.min(...help);
  rows.push({ what: 'callsim --help, whole process', target: '<= 0.20 s', measured: helpBest, unit: 's', runs: help, met: helpBest <= 0.2, cpuSeconds: cpuOf([MAIN, '--help']), command: node([MAIN, '--help']), note: `${bareNote}; prints the help screen the build stored from the parser (test/cli/start-up-help.test.ts holds them equal)` });
  const ratio = helpBest / bareBest;
  rows.push({ what: 'callsim --help over bare node -e 0, same run', target: '<= 1.6x', measured: ratio, unit: 'x bare node', runs: help.map((h, i) => h / bare[i]), met: ratio <= 1.6, command: `${node([MAIN, '--help'])} / node -e 0` });
  // Not one of the issue's rows: the parser's own cost, which every command but a help screen pays.
  const parserBest = Math.min(...parser);
  rows.push({ what: 'the parser\'s --help (yargs and the command definitions, no stored screen), whole process', target: 'none (shown for comparison)', measured: parserBest, unit: 's', runs: parser, met: true, cpuSeconds: cpuOf([PARSER, '--help']), command: node([PARSER, '--help']), note: `${(parserBest / bareBest).toFixed(2)}x bare node` });

  const validateArgs = [MAIN, 'validate', AVON];
  const validate = timeProcess(validateArgs, repeats);
  rows.push({ what: `callsim validate ${AVON}, whole process`, target: '<= 0.35 s', measured: validate.best, unit: 's', runs: validate.runs, met: validate.best <= 0.35, cpuSeconds: cpuOf(validateArgs), command: node(validateArgs) });
  // Not one of the issue's rows: what a run pays besides simulating (the cc2 row's command with a
  // 1,000-second horizon, about 70 arrivals): the parser, loading the run's work, the scenario, the
  // model's set-up, summarising and writing (benches/README.md, The whole process).
  const fixedArgs = [MAIN, 'run', join('benches', 'cc2.yaml'), '--reps', '1', '--threads', '1', '--quiet', '--format', 'json', '--set', 'horizon.seconds=1000'];
  const fixed = timeProcess(fixedArgs, repeats);
  rows.push({ what: 'callsim run\'s fixed cost (cc2 over 1,000 s), whole process', target: 'none (shown for comparison)', measured: fixed.best, unit: 's', runs: fixed.runs, met: true, cpuSeconds: cpuOf(fixedArgs), command: node(fixedArgs) });
  return rows;
}

async function measureRows(limits: Record<string, Limit>): Promise<Row[]> {
  const rows: Row[] = [];

  rows.push(...startUpRows(REPEATS));

  // 3-4. cc2 in process (after a warm-up run, as the JIT would be in a long run).
  runReplication(cc2Scenario(100_000), 0);
  const HOLD_EVENTS = 2_000_000;
  holdModel(HOLD_EVENTS);
  const holdTiming = bestOf(REPEATS, () => holdModel(HOLD_EVENTS));
  const hold = HOLD_EVENTS / holdTiming.bestSeconds;
  const calls = arrivalsRate(cc2Scenario(1_000_000));
  rows.push({ what: 'cc2, calls only, in process', target: '>= 3.0 M arrivals/s', measured: calls.best, unit: 'arrivals/s', runs: calls.runs, met: calls.best >= 3e6, command: 'npm run bench (benches/table.ts: runReplication(cc2Scenario(1e6), 0))', note: `${thousands(calls.arrivals)} arrivals; per CPU second ${(calls.perCpuSecond / 1e6).toFixed(2)} M` });
  const dispatch = arrivalsRate(cc2Scenario(1_000_000, { dispatch: true }));
  rows.push({ what: 'cc2 with grading and dispatch, in process', target: '>= 2.0 M arrivals/s', measured: dispatch.best, unit: 'arrivals/s', runs: dispatch.runs, met: dispatch.best >= 2e6, command: 'npm run bench (benches/table.ts: runReplication(cc2Scenario(1e6, { dispatch: true }), 0))', note: `${thousands(dispatch.arrivals)} arrivals; per CPU second ${(dispatch.perCpuSecond / 1e6).toFixed(2)} M` });

  // 5. cc2 through the command line; it must offer the same calls as the in-process bench.
  const cc2Args = [MAIN, 'run', join('benches', 'cc2.yaml'), '--reps', '1', '--threads', '1', '--quiet', '--format', 'json'];
  const offered = (JSON.parse(spawnNode(cc2Args).stdout) as { metrics: Record<string, { mean: number | string }> }).metrics['calls.offered']?.mean;
  const cc2Cli = timeProcess(cc2Args);
  const cc2Usage = usageOf(cc2Args);
  const cc2Peak = cc2Usage.mb;
  rows.push({ what: 'cc2 through the CLI, 1 replication, 1 thread, whole process', target: '<= 0.60 s', measured: cc2Cli.best, unit: 's', runs: cc2Cli.runs, met: cc2Cli.best <= 0.6, cpuSeconds: cc2Usage.cpuSeconds, command: node(cc2Args), note: `calls offered ${offered} (in process ${calls.arrivals})` });
  rows.push({ what: 'cc2 through the CLI, peak memory', target: '<= 100 MB', measured: cc2Peak, unit: 'MB', runs: [cc2Peak], met: cc2Peak <= 100, command: `node --import ./${RSS_HOOK} ${cc2Args.join(' ')}` });

  // 6. Avon and Somerset, one 365-day replication, surges kept.
  const yearArgs = [MAIN, 'run', AVON, '--set', 'horizon.days=365', '--reps', '1', '--threads', '1', '--quiet', '--format', 'json'];
  const year = timeProcess(yearArgs);
  rows.push({ what: 'Avon and Somerset, one 365-day replication, whole process', target: '<= 1.3 s', measured: year.best, unit: 's', runs: year.runs, met: year.best <= 1.3, cpuSeconds: cpuOf(yearArgs), command: node(yearArgs) });
  const { scenario } = await loadInput(join(ROOT, AVON), { sets: ['horizon.days=365'], replications: 1, threads: 1 });
  const inProcess = bestOf(REPEATS, () => runReplication(scenario, 0).eventsRun);
  // Event counts only now, after every in-process timing: a counting run never precedes a timed one.
  const callCounts = countedAs(cc2Scenario(1_000_000), calls.events);
  limits.cc2 = limitOf(hold, callCounts);
  limits['cc2 per CPU second'] = limitOf(HOLD_EVENTS / holdTiming.bestCpuSeconds, callCounts);
  limits['cc2 with grading and dispatch'] = limitOf(hold, countedAs(cc2Scenario(1_000_000, { dispatch: true }), dispatch.events));
  rows.push({ what: 'Avon and Somerset, one 365-day replication, in process', target: '<= 1.0 s', measured: inProcess.bestSeconds, unit: 's', runs: inProcess.allSeconds, met: inProcess.bestSeconds <= 1.0, cpuSeconds: inProcess.bestCpuSeconds, command: "npm run bench (benches/table.ts: runReplication of the scenario with horizon.days=365)" });

  // 7. Peak memory against horizon.
  for (const [years, days] of [[1, 365], [2, 730], [4, 1460]] as const) {
    const args = [MAIN, 'run', AVON, '--set', `horizon.days=${days}`, '--reps', '1', '--threads', '1', '--quiet', '--format', 'json', '--allow-large'];
    const mb = peakMb(args);
    rows.push({ what: `Avon and Somerset, peak memory, ${years} year${years === 1 ? '' : 's'} of horizon`, target: '<= 150 MB', measured: mb, unit: 'MB', runs: [mb], met: mb <= 150, command: `node --import ./${RSS_HOOK} ${args.join(' ')}` });
  }
  return rows;
}

export function show(row: Row): string {
  const digits = row.unit === 's' ? 3 : row.unit === 'x bare node' ? 2 : 0;
  const value = (x: number): string => (row.unit === 'arrivals/s' ? `${(x / 1e6).toFixed(2)} M` : x.toFixed(digits));
  const runs = row.runs.length > 1 ? ` (runs: ${row.runs.map(value).join(', ')})` : '';
  const cpu = row.cpuSeconds === undefined ? '' : `; CPU user+sys ${row.cpuSeconds.toFixed(3)} s`;
  return `${row.met ? 'met   ' : 'MISSED'} ${row.what}: ${value(row.measured)} ${row.unit === 'arrivals/s' ? 'arrivals/s' : row.unit}${runs}${cpu}; target ${row.target}${row.note ? `; ${row.note}` : ''}\n         ${row.command}`;
}

export const tableBench: Bench = {
  name: 'table',
  description: "every row of issue 12's table (whole process: the built CLI as a child process, best of 3); writes benches/results.json",
  async run(): Promise<void> {
    const loadBefore = loadavg();
    const limits: Record<string, Limit> = {};
    const rows = await measureRows(limits);
    const loadAfter = loadavg();
    for (const row of rows) console.log(show(row));
    for (const [name, l] of Object.entries(limits)) {
      console.log(`limit of ${name}: ${l.heapEventsPerArrival.toFixed(2)} heap events per arrival (${l.eventsPerArrival.toFixed(2)} events in all) at ${thousands(l.holdEventsPerSecond)} hold events/s = ${(l.arrivalsPerSecond / 1e6).toFixed(2)} M arrivals/s`);
    }
    console.log(`load average before ${loadText(loadBefore)}, after ${loadText(loadAfter)} (figures are trustworthy only on a quiet machine)`);
    const file = RESULTS_FILE;
    // The staffing bench's row (benches/staffing.ts), the floors (benches/floors.ts), the call-path prototype (benches/call-path.ts)
    // and the stages (benches/stages.ts) are measured there: keep them.
    const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { rows: Row[]; floors?: unknown; callPath?: unknown; stages?: unknown }) : { rows: [] };
    const kept = previous.rows.filter((r) => r.what === STAFFING_ROW);
    const json = { measuredAt: new Date().toISOString(), node: process.version, platform: `${process.platform} ${process.arch}`, cores: cpus().length, loadAverageBefore: loadBefore, loadAverageAfter: loadAfter, rows: [...rows, ...kept], limits, floors: previous.floors, callPath: previous.callPath, stages: previous.stages };
    writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
    console.log(`wrote ${file}`);
  },
};
