/** The work of `callsim staff` (loaded when the command runs, so --help and other commands do not pay for it). */
import type { ArgumentsCamelCase } from 'yargs';
import { SpecError } from '../../engine/spec-error.js';
import { loadInput } from '../../experiment/scenario-input.js';
import { DEFAULT_SHRINKAGE, parseShrinkage, type Shrinkage } from '../../experiment/staffing/fte.js';
import { ImpossibleTargetError } from '../../experiment/staffing/impossible.js';
import { IntervalRunner } from '../../experiment/staffing/interval-runner.js';
import { INTERVAL_KINDS, type IntervalKind } from '../../experiment/staffing/intervals.js';
import { planStaffing, type StaffingResult } from '../../experiment/staffing/plan.js';
import { isAttendanceTarget, parseStaffTarget, TARGET_PERS, targetAreas, type TargetPer, TargetSyntaxError } from '../../experiment/staffing/staffing-targets.js';
import { writeFileAtomic } from '../../report/atomic-write.js';
import { staffingCsv } from '../../report/staffing-csv.js';
import { staffingJson } from '../../report/staffing-json.js';
import { staffingRosterYaml } from '../../report/staffing-roster-yaml.js';
import { staffingTable } from '../../report/staffing-table.js';
import { UsageError } from '../errors.js';
import { checkOutPaths, emit } from '../output.js';
import { listFrom, pluginsFrom, seedFrom, threadsFrom, wholeNumber } from '../options.js';
import { makeProgress, type Progress } from '../progress.js';

import type { StaffArgs } from './staff.js';

function numbers(text: string, option: string, min: number, max: number): number[] {
  const list = text.split(',').map((s) => s.trim()).filter((s) => s !== '').map((s) => (/^\d{1,2}:00$/.test(s) ? Number(s.slice(0, -3)) : Number(s)));
  if (list.length === 0 || list.some((v) => !Number.isInteger(v) || v < min || v > max)) throw new UsageError(`--${option}: expected a comma-separated list of whole numbers from ${min} to ${max}, found ${JSON.stringify(text)}`);
  return list;
}

function share(value: number, option: string): number {
  if (!(value >= 0 && value < 1)) throw new UsageError(`--${option}: expected a share from 0 to below 1, found ${value}`);
  return value;
}

function shrinkageFrom(argv: StaffArgs): Shrinkage {
  const m = /^\s*(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)\s*$/.exec(argv.training);
  if (m === null || !(Number(m[2]) > 0)) throw new UsageError(`--training: expected DAYS/WEEKS (training days every so many weeks, for example 2/11), found ${JSON.stringify(argv.training)}`);
  if (!(argv.contractHours > 0)) throw new UsageError(`--contract-hours: expected hours a week above 0, found ${argv.contractHours}`);
  return { ...DEFAULT_SHRINKAGE, contractHours: argv.contractHours, leave: share(argv.leave, 'leave'), sickness: share(argv.sickness, 'sickness'), trainingDays: Number(m[1]), trainingEveryWeeks: Number(m[2]) };
}

/** `--shrinkage POOL:leave=0.14,sickness=0.06,...` (repeatable): each pool's own figures over the defaults. */
function shrinkageByPool(texts: readonly string[], base: Shrinkage, pools: readonly string[]): Record<string, Shrinkage> {
  const out: Record<string, Shrinkage> = {};
  for (const text of texts) {
    const colon = text.indexOf(':');
    const pool = colon < 0 ? '' : text.slice(0, colon).trim();
    if (colon < 0 || pool === '') throw new UsageError(`--shrinkage ${JSON.stringify(text)}: expected POOL:FIELD=VALUE,... for example 'emergency:leave=0.14,sickness=0.06,training=2/11,contract=37'`);
    if (!pools.includes(pool)) throw new UsageError(`--shrinkage ${JSON.stringify(text)}: the scenario has no handler pool named ${JSON.stringify(pool)} (pools: ${pools.join(', ')})`);
    const parsed = parseShrinkage(text.slice(colon + 1), base);
    if (typeof parsed === 'string') throw new UsageError(`--shrinkage ${JSON.stringify(text)}: ${parsed}`);
    out[pool] = parsed;
  }
  return out;
}

/** `day` is read as `hourOfDate` (each hour of each date of the horizon). */
const INTERVAL_ALIASES: Readonly<Record<string, IntervalKind>> = { day: 'hourOfDate', date: 'hourOfDate' };

export async function staffAction(argv: ArgumentsCamelCase<StaffArgs>): Promise<void> {
  const kind = (INTERVAL_ALIASES[argv.interval] ?? argv.interval) as IntervalKind;
  if (!INTERVAL_KINDS.includes(kind)) throw new UsageError(`--interval: expected one of ${INTERVAL_KINDS.join(', ')} (or day, meaning hourOfDate), found ${argv.interval}`);
  if (!TARGET_PERS.includes(argv.per as TargetPer)) throw new UsageError(`--per: expected one of ${TARGET_PERS.join(', ')}, found ${argv.per}`);
  const reps = wholeNumber(argv.reps, 'reps', 2) ?? 4;
  const maxReps = Math.max(reps, wholeNumber(argv.maxReps, 'max-reps', 2) ?? 8);
  const maxStaff = wholeNumber(argv.maxStaff, 'max-staff', 1) ?? 200;
  const minStaff = wholeNumber(argv.minStaff, 'min-staff', 0) ?? 1;
  if (minStaff > maxStaff) throw new UsageError(`--min-staff ${minStaff} is above --max-staff ${maxStaff}`);
  const maxIterations = wholeNumber(argv.maxIterations, 'max-iterations', 1) ?? 8;
  const rules = { lengths: numbers(argv.shiftHours, 'shift-hours', 1, 24), starts: argv.shiftStarts === undefined ? Array.from({ length: 24 }, (_, h) => h) : numbers(argv.shiftStarts, 'shift-starts', 0, 23) };
  const shrinkage = shrinkageFrom(argv);
  const texts = listFrom(argv.target);
  if (texts.length === 0) throw new UsageError("give at least one --target, for example --target 'queues.secondary.abandonedRatio<=0.05'");
  const input = await loadInput(argv.file, { sets: listFrom(argv.set), seed: seedFrom(argv.seed), plugins: pluginsFrom(argv) });
  const { scenario } = input;
  // Before the search: a bad output path should not cost minutes of simulation.
  checkOutPaths([['--out', argv.out], ['--roster-out', argv.rosterOut], ['--html', argv.html]], input.inputs);
  const names = scenario.handlers.pools.map((p) => p.name);
  const areaNames = (scenario.dispatch?.areas ?? []).map((a) => a.name);
  const units = argv.units || listFrom(argv.area).length > 0;
  if (units && areaNames.length === 0) throw new UsageError(`--units: the scenario ${argv.file} has no dispatch areas, so there are no response units to staff`);
  const areas = !units ? [] : listFrom(argv.area).length > 0 ? listFrom(argv.area) : areaNames;
  for (const a of areas) if (!areaNames.includes(a)) throw new UsageError(`--area: the scenario has no dispatch area named ${JSON.stringify(a)} (areas: ${areaNames.join(', ')})`);
  let targets;
  try {
    targets = texts.map((t) => parseStaffTarget(t, argv.per as TargetPer, scenario));
  } catch (error) {
    if (error instanceof TargetSyntaxError) throw new UsageError(error.message);
    throw error;
  }
  // Handler pools: those named, else all when a target is on a queue (with --units only then).
  const queueTargets = targets.filter((t) => !isAttendanceTarget(t));
  const pools = listFrom(argv.pool).length > 0 ? listFrom(argv.pool) : !units || queueTargets.length > 0 ? names : [];
  for (const p of pools) if (!names.includes(p)) throw new UsageError(`--pool: the scenario has no handler pool named ${JSON.stringify(p)} (pools: ${names.join(', ')})`);
  const served = queueTargets.filter((t) => !pools.some((p) => scenario.handlers.pools.find((q) => q.name === p)?.serves.includes(t.queue)));
  if (served.length > 0) throw new UsageError(`--target ${served[0].metric}: none of the pools searched (${pools.join(', ') || 'none'}) serves queue ${served[0].queue}`);
  const attendance = targets.filter(isAttendanceTarget);
  if (attendance.length > 0 && !units) throw new UsageError(`--target ${attendance[0].metric}: an attendance target staffs response units; add --units (and --area NAME to staff some areas only)`);
  const unjudged = attendance.filter((t) => !targetAreas(t).some((a) => areas.includes(areaNames[a])));
  if (unjudged.length > 0) throw new UsageError(`--target ${unjudged[0].metric}: none of the areas searched (${areas.join(', ')}) is judged by it`);
  const shrinkageOwn = shrinkageByPool(listFrom(argv.shrinkage), shrinkage, names);

  const runner = new IntervalRunner(threadsFrom(argv.threads));
  let progress: Progress | undefined;
  let result: StaffingResult;
  try {
    result = await planStaffing(scenario, { pools, areas, interval: kind, targets, replications: reps, maxReplications: maxReps, maxStaff, minStaff, maxIterations }, rules, shrinkage, runner, {
      onSimulation: (note) => {
        progress?.stop();
        progress = makeProgress(note.replications, { quiet: argv.quiet, label: `simulation ${note.iteration} (${note.phase}, ${note.intervals} intervals)` });
      },
      onReplication: () => progress?.tick(),
    }, (pool) => shrinkageOwn[pool] ?? shrinkage);
  } catch (error) {
    if (error instanceof ImpossibleTargetError) throw new SpecError('--target', error.message);
    throw error;
  } finally {
    progress?.stop();
    await runner.close();
  }
  const text = argv.format === 'json' ? staffingJson(result) : argv.format === 'csv' ? staffingCsv(result) : staffingTable(result);
  emit(text, argv.out, argv.quiet);
  if (argv.rosterOut !== undefined) {
    writeFileAtomic(argv.rosterOut, staffingRosterYaml(result, (name) => names.indexOf(name), (name) => areaNames.indexOf(name)));
    if (!argv.quiet) process.stderr.write(`wrote ${argv.rosterOut}\n`);
  }
  if (argv.html !== undefined) {
    const { staffingHtml } = await import('../../report/html/staffing-page.js');
    writeFileAtomic(argv.html, staffingHtml(result));
    if (!argv.quiet) process.stderr.write(`wrote ${argv.html}\n`);
  }
  if (result.targets.some((t) => !t.met) && !argv.quiet) process.stderr.write('callsim: the proposed roster misses a target in the re-simulation (see Targets)\n');
}
