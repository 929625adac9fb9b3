import { Calendar } from '../engine/calendar.js';
import { isTimeZone, timeZoneNames } from '../engine/time-zone.js';
import { distance } from './suggest.js';
import { rosterPieces } from '../engine/roster.js';
import type { ResolvedScenario, ResolvedTraceCall } from '../model/resolved.js';
import { fileProblemWords, ScenarioError, type ScenarioProblem } from './errors.js';
import { MAX_TEXT_BYTES, readErrorCode, utf8Text, type ScenarioFiles } from './files.js';
import { deepFreeze } from './freeze.js';
import { formatPath } from './paths.js';
import { Problems } from './problems.js';
import { resolveCalls, resolveSelection } from './resolve-calls.js';
import { resolveDispatch, resolveGrading } from './resolve-dispatch.js';
import { resolveMechanisms, resolvePrioritySplit } from './resolve-mechanisms.js';
import { scenarioSchema, type WrittenScenario } from './schema.js';
import { indexTrace, parseTrace } from './trace.js';
import { zodProblems, type RawProblem } from './zod-issues.js';

/** Where a problem's path lies in the written files (the loader knows; plain data does not). */
export type Locator = (path: readonly (string | number)[]) => { file?: string; line?: number };

export interface ResolveContext {
  file?: string;
  /** Directory a relative `trace` is read from (default: the file's, else the working directory). */
  baseDir?: string;
  locate?: Locator;
  /** A trace file replacing the scenario's own (relative to the working directory). */
  traceFile?: string;
  /** Declared order of queue and channel names (the loader reads it from the files). */
  order?: { queues: readonly string[]; channels: readonly string[] };
  /** Where a `trace` is read from; without it a scenario naming a trace is refused. */
  files?: ScenarioFiles;
}

/** Keys of `map` in `order` first (names it lacks are skipped), then any others. */
const orderedKeys = (map: Record<string, unknown>, order: readonly string[] = []): string[] => [
  ...order.filter((k) => Object.hasOwn(map, k)),
  ...Object.keys(map).filter((k) => !order.includes(k)),
];

const SECONDS = { days: 86_400, hours: 3600, minutes: 60, seconds: 1 } as const;
const durationSeconds = (d: Partial<Record<keyof typeof SECONDS, number>> | undefined): number =>
  d === undefined ? 0 : (Object.keys(SECONDS) as (keyof typeof SECONDS)[]).reduce((s, k) => s + (d[k] ?? 0) * SECONDS[k], 0);

function place(raw: RawProblem[], ctx: ResolveContext): ScenarioProblem[] {
  const seen = new Set<string>();
  const out: ScenarioProblem[] = [];
  for (const p of raw) {
    const path = formatPath(p.path);
    const key = `${path}\u0000${p.expected}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const where = ctx.locate?.(p.path) ?? { file: ctx.file };
    const problem: ScenarioProblem = { path, expected: p.expected, found: p.found };
    if (where.file !== undefined) problem.file = where.file;
    if (where.line !== undefined) problem.line = where.line;
    out.push(problem);
  }
  return out;
}

function readTrace(files: ScenarioFiles, file: string, scenario: ResolvedScenario, at: string, ctx: ResolveContext): ResolvedTraceCall[] {
  let text: string;
  try {
    text = utf8Text(files.read(file, MAX_TEXT_BYTES));
  } catch (error) {
    const where = at === 'trace' ? (ctx.locate?.(['trace']) ?? { file: ctx.file }) : { file: '--trace' };
    const code = readErrorCode(error);
    const expected = code === 'EFBIG' ? `a trace file of at most ${MAX_TEXT_BYTES / 1024 / 1024} MB (split it by date)` : 'a readable trace file';
    // On the command line the option is the place (`--trace: expected ...`); in a file, the field.
    throw new ScenarioError([{ ...where, path: at === 'trace' ? at : '', expected, found: `${file}: ${fileProblemWords(code)}` }]);
  }
  const channelNames = scenario.channels.map((c) => c.name);
  // Graded calls take a replayed area from the dispatch areas, so with grading and no areas a trace names none.
  const areaNames = scenario.dispatch?.areas.map((a) => a.name) ?? (scenario.grading !== undefined ? [] : undefined);
  return indexTrace(parseTrace(text, file, channelNames, scenario.startEpochMs, areaNames), channelNames, areaNames ?? []);
}

/** Validate and resolve written scenario data; throws ScenarioError listing every problem. */
export function resolveWith(written: unknown, ctx: ResolveContext): ResolvedScenario {
  const schema = scenarioSchema();
  // Without zod's eval-built fast path: a scenario is checked once or a few times per process, and
  // generating and compiling that code for each object schema cost more than it saved (loading the
  // Avon file: 0.13-0.14 s of CPU against 0.15-0.16 s with it). The result is the same.
  const parsed = schema.safeParse(written, { jitless: true });
  if (!parsed.success) throw new ScenarioError(place(withSemantic(zodProblems(parsed.error.issues, written, schema), written, ctx), ctx));
  const problems = new Problems();
  const resolved = build(parsed.data, ctx, problems);
  if (problems.list.length > 0) throw new ScenarioError(place(problems.list, ctx));
  const traceFile = ctx.traceFile ?? parsed.data.trace;
  if (traceFile !== undefined) {
    const at = ctx.traceFile !== undefined ? '--trace' : 'trace';
    const files = ctx.files;
    if (files === undefined) {
      const where = at === 'trace' ? (ctx.locate?.(['trace']) ?? { file: ctx.file }) : { file: '--trace' };
      throw new ScenarioError([{ ...where, path: at, expected: 'a trace read with a scenario file (plain scenario data has no files)', found: traceFile }]);
    }
    const baseDir = ctx.baseDir ?? (ctx.file !== undefined ? files.dirname(ctx.file) : files.cwd());
    resolved.trace = readTrace(files, ctx.traceFile !== undefined ? files.resolve(ctx.traceFile) : files.resolve(baseDir, traceFile), resolved, at, ctx);
  }
  return deepFreeze(resolved);
}

const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const related = (a: readonly (string | number)[], b: readonly (string | number)[]): boolean => {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (String(a[i]) !== String(b[i])) return false;
  return true;
};

/**
 * Schema problems plus the semantic problems (unknown queue names, sums, rosters) found elsewhere,
 * so a file's problems are all reported at once. Only when the skeleton is sound (no problem at the
 * top level, the main sections of the right kind); a semantic problem on or under a field the
 * schema already refused is dropped, since it may only repeat the schema's.
 */
function withSemantic(raw: RawProblem[], written: unknown, ctx: ResolveContext): RawProblem[] {
  if (!raw.every((p) => p.path.length >= 2) || !isMap(written)) return raw;
  const handlers = written.handlers;
  if (!isMap(written.channels) || !isMap(written.queues) || !isMap(handlers) || !Array.isArray(handlers.pools) || !isMap(handlers.handleSeconds)) return raw;
  const semantic = new Problems();
  try {
    build(written as WrittenScenario, ctx, semantic);
  } catch {
    // Malformed data the schema refused can trip the semantic pass; the schema's problems stand.
  }
  return [...raw, ...semantic.list.filter((s) => !raw.some((z) => related(s.path, z.path)))];
}

/** The control room's clock when a scenario names none. */
export const DEFAULT_TIME_ZONE = 'Europe/London';

/**
 * The horizon in seconds. Its days are days on the room's clock (a horizon from midnight ends at
 * midnight, 23 or 25 hours after the last whole day across a clock change); hours and less are elapsed time.
 */
export function horizonSecondsOf(startEpochMs: number, timeZone: string | undefined, horizon: Partial<Record<keyof typeof SECONDS, number>> | undefined): number {
  const zone = timeZone === undefined ? DEFAULT_TIME_ZONE : isTimeZone(timeZone) ? timeZone : 'UTC';
  const days = horizon?.days ?? 0;
  if (!(days > 0) || !Number.isFinite(startEpochMs)) return durationSeconds(horizon);
  return new Calendar(startEpochMs, zone).addLocalDays(0, days) + durationSeconds({ ...horizon, days: 0 });
}

/** The zone names nearest a wrong one by spelling, for the message. */
export function zoneChoices(wrong: string): string {
  const near = [...timeZoneNames()].sort((x, y) => distance(wrong, x) - distance(wrong, y)).slice(0, 5);
  return `such as ${near.join(', ')}`;
}

/** Semantic checks and resolution of schema-valid data (problems collected, none thrown). */
function build(w: WrittenScenario, ctx: ResolveContext, problems: Problems): ResolvedScenario {
  if (w.extends !== undefined && ctx.locate === undefined) problems.add(['extends'], 'no extends in plain data (extends is applied when a file is loaded)', w.extends);
  const startEpochMs = Date.parse(w.start);
  const horizonSeconds = horizonSecondsOf(startEpochMs, w.timeZone, w.horizon);
  const warmupSeconds = durationSeconds(w.warmup);
  if (!(horizonSeconds > 0)) problems.add(['horizon'], 'a positive span of time', w.horizon);
  if (horizonSeconds > 0 && !(warmupSeconds < horizonSeconds)) problems.add(['warmup'], `a warm-up shorter than the horizon (${horizonSeconds} s)`, `${warmupSeconds} s`, true);
  const queueNames = orderedKeys(w.queues, ctx.order?.queues);
  const channelNames = orderedKeys(w.channels, ctx.order?.channels);
  const hasTrace = w.trace !== undefined || ctx.traceFile !== undefined;
  const callCtx = { problems, startEpochMs, horizonSeconds, queueNames, channelNames, hasTrace };
  const calls = resolveCalls(w, callCtx);

  const timeZone = w.timeZone ?? DEFAULT_TIME_ZONE;
  if (!isTimeZone(timeZone)) problems.add(['timeZone'], `an IANA time zone name (${zoneChoices(timeZone)})`, timeZone);
  const calendar = new Calendar(Number.isFinite(startEpochMs) ? startEpochMs : 0, isTimeZone(timeZone) ? timeZone : 'UTC');
  // Roster errors are errors of form (lengths, shift fields, days), not of the horizon's length:
  // eight days show every weekday and a shift that crosses midnight, at a fraction of the cost.
  const checkSeconds = Math.min(horizonSeconds, 8 * 86_400);
  if (horizonSeconds > 0) {
    if (calls.switchboard) problems.engine(['switchboard', 'staff'], () => rosterPieces(calls.switchboard!.staff, calendar, checkSeconds));
    w.handlers.pools.forEach((p, i) => {
      if (p.roster !== undefined) problems.engine(['handlers', 'pools', i, 'roster'], () => rosterPieces(calls.handlers.pools[i].roster, calendar, checkSeconds));
    });
  }

  const queueSelection = w.policy?.queueSelection === undefined ? { kind: 'strictPriority' as const, order: queueNames } : resolveSelection(w.policy.queueSelection, ['policy', 'queueSelection'], callCtx);
  const dispatchCtx = { problems, startEpochMs, horizonSeconds, queueNames, channelNames };
  const grading = w.grading === undefined ? undefined : resolveGrading(w.grading, dispatchCtx);
  const dispatch = w.dispatch === undefined ? undefined : resolveDispatch(w.dispatch, dispatchCtx);
  const split = w.dispatch === undefined ? undefined : resolvePrioritySplit(w.dispatch.prioritySplit, problems);
  if (dispatch !== undefined && split !== undefined) dispatch.prioritySplit = split;
  const mechanisms = resolveMechanisms(w, { problems, channelNames, hasGrading: grading !== undefined });
  if (dispatch !== undefined && horizonSeconds > 0) {
    dispatch.areas.forEach((a, i) => problems.engine(['dispatch', 'areas', i, 'units'], () => rosterPieces(a.units, calendar, checkSeconds)));
  }
  const resolved: ResolvedScenario = {
    name: w.name,
    start: new Date(startEpochMs).toISOString(),
    startEpochMs,
    timeZone,
    horizonSeconds,
    warmupSeconds,
    replications: w.replications ?? 10,
    seed: w.seed ?? 1,
    ...calls,
    policy: { queueSelection: queueSelection! },
  };
  if (resolved.switchboard === undefined) delete resolved.switchboard;
  if (grading !== undefined) resolved.grading = grading;
  if (dispatch !== undefined) resolved.dispatch = dispatch;
  // Only when written: a scenario without them resolves exactly as before.
  if (mechanisms.callers !== undefined) resolved.callers = mechanisms.callers;
  if (mechanisms.channelShift !== undefined) resolved.channelShift = mechanisms.channelShift;
  if (mechanisms.onlineReports !== undefined) resolved.onlineReports = mechanisms.onlineReports;
  return resolved;
}

/**
 * Resolve written scenario data (already parsed from YAML or JSON, `extends` already applied) into
 * the frozen ResolvedScenario. `origin.file` names the file in problems; `origin.baseDir` is where
 * a relative `trace` is read from. Queues and channels come in the object's key order (JavaScript
 * lists integer-like names such as "999" first; `loadScenario` keeps the files' declared order).
 * Throws ScenarioError listing every problem.
 */
export function resolveScenario(written: unknown, origin: { file?: string; baseDir?: string; files?: ScenarioFiles } = {}): ResolvedScenario {
  return resolveWith(written, { file: origin.file, baseDir: origin.baseDir, files: origin.files });
}
