/**
 * How much work a scenario asks for, estimated before anything runs: calls and events from the
 * arrival rates (or the trace), horizon and replications; peak memory from the headcounts, the
 * calls in the system at once and the threads. `validate` prints it; `validate` and `run` refuse a
 * scenario beyond the limits (exit 2, naming the field) unless `--allow-large`. Headcounts above
 * any real control room are refused outright: they are typing mistakes, not large studies.
 */
import { Calendar } from '../engine/calendar.js';
import { makeDistribution } from '../engine/distributions.js';
import type { RosterSpec } from '../engine/profile-types.js';
import { rosterPieces } from '../engine/roster.js';
import type { ResolvedScenario } from '../model/resolved.js';
import { ScenarioError, type ScenarioProblem } from '../scenario/errors.js';

/** Above this many people or units in one pool, switchboard or area, a scenario is refused. */
export const MAX_HEADCOUNT = 100_000;
/** Events over all replications beyond which `--allow-large` is needed (about 18 times the Avon and Somerset baseline). */
export const MAX_EVENTS = 1e9;
/** Estimated peak memory beyond which `--allow-large` is needed. */
export const MAX_MEMORY_BYTES = 2 * 1024 ** 3;

/**
 * Memory model, measured with /usr/bin/time on the built CLI (Node 20, x64, 2 threads): the
 * process with its modules loaded (about 100 MB for a tiny run in one thread); each worker
 * thread's isolate; and per thread a working set that grows with the events it runs (histograms,
 * the future-event list, garbage between collections: about 3 bytes per event, 273 MB peak for
 * the 20-replication baseline), plus the calls in the system at once, headcount objects and the
 * replayed trace.
 */
const PROCESS_BYTES = 100e6;
const WORKER_BYTES = 16e6;
const BYTES_PER_EVENT_IN_THREAD = 3;
const WORKING_SET_CAP_BYTES = 512e6;
const BYTES_PER_CALL_IN_SYSTEM = 1_000;
const BYTES_PER_HEAD = 200;
const BYTES_PER_TRACE_ROW = 150;

export interface HeadcountPeak {
  /** The field that sets it (`handlers.pools[0]`, `switchboard.staff`, `dispatch.areas[1].units`). */
  path: string;
  peak: number;
}

export interface WorkEstimate {
  /** Calls offered in one replication (first calls and expected redials). */
  callsPerReplication: number;
  /** Simulation events over all replications. */
  events: number;
  /** Peak resident memory of the whole process, in bytes. */
  peakMemoryBytes: number;
  /** The channel (or trace) bringing most calls: the field to name when the work is too much. */
  busiestChannel: string;
  headcounts: HeadcountPeak[];
  /** Trace rows at or after the horizon (never replayed). */
  traceRowsAfterHorizon: number;
}

const meanOf = (spec: unknown): number => {
  const m = makeDistribution(spec).mean;
  return Number.isFinite(m) ? m : 0;
};

function peakHeadcount(spec: RosterSpec | number, calendar: Calendar, horizonSeconds: number): number {
  // Rosters repeat weekly: the first eight days hold every level (and stay cheap for long horizons).
  const pieces = rosterPieces(spec as RosterSpec, calendar, Math.min(horizonSeconds, 8 * 86_400));
  return Math.max(0, ...pieces.values);
}

/** Headcount peaks of every pool, the switchboard and every dispatch area. */
export function headcountPeaks(s: ResolvedScenario): HeadcountPeak[] {
  const calendar = new Calendar(s.startEpochMs);
  const out: HeadcountPeak[] = s.handlers.pools.map((p, i) => ({ path: `handlers.pools[${i}]`, peak: peakHeadcount(p.roster, calendar, s.horizonSeconds) }));
  if (s.switchboard !== undefined) out.push({ path: 'switchboard.staff', peak: peakHeadcount(s.switchboard.staff, calendar, s.horizonSeconds) });
  s.dispatch?.areas.forEach((a, i) => {
    const extra = a.extraUnits.reduce((n, e) => n + Math.max(0, e.extra), 0);
    out.push({ path: `dispatch.areas[${i}].units`, peak: peakHeadcount(a.units, calendar, s.horizonSeconds) + extra });
  });
  return out;
}

/** Queue visits per call entering queue `queueIndex`: the switchboard passes a share of its calls on to another queue. */
function visitsFrom(s: ResolvedScenario, queueIndex: number): number {
  if (s.switchboard === undefined || queueIndex !== s.switchboard.queueIndex) return 1;
  const onward = s.switchboard.routes.filter((r) => r.queueIndex >= 0).reduce((n, r) => n + r.probability, 0);
  return 1 + onward;
}

/** The work estimate of a scenario run on `threads` worker threads. */
export function estimateWork(s: ResolvedScenario, threads = 1): WorkEstimate {
  const horizonHours = s.horizonSeconds / 3600;
  const wrap = s.handlers.wrapUpSeconds === undefined ? 0 : 1;
  const redial = Math.max(0, ...s.queues.map((q) => q.redial?.probability ?? 0));
  const traced = new Map<string, number>();
  let traceRowsAfterHorizon = 0;
  for (const row of s.trace ?? []) {
    if (row.arrivalSeconds >= s.horizonSeconds) traceRowsAfterHorizon++;
    else traced.set(row.channel, (traced.get(row.channel) ?? 0) + 1);
  }
  let calls = 0;
  let events = 0;
  let inSystem = 0;
  let busiest = { path: 'horizon', calls: -1 };
  for (const c of s.channels) {
    const surges = c.surges.reduce((n, w) => n + (w.factor - 1) * (w.durationSeconds / 3600), 0);
    const first = s.trace !== undefined ? (traced.get(c.name) ?? 0) : c.rate.perHour * (horizonHours + surges);
    const offered = first * (1 + redial);
    // An arrival, the BT transfer and IVR legs, then per queue visit the end of the call and of its wrap-up.
    const onward = c.ivr === undefined ? 1 : c.ivr.onward.reduce((n, r) => n + r.probability, 0);
    const visits = onward * visitsFrom(s, c.ivr === undefined ? c.queueIndex : (c.ivr.onward[0]?.queueIndex ?? c.queueIndex));
    const perCall = 1 + (c.btTransferSeconds === undefined ? 0 : 1) + (c.ivr === undefined ? 0 : 1) + visits * (1 + wrap) + (s.dispatch === undefined ? 0 : 1);
    calls += offered;
    events += offered * perCall;
    // Little's law: calls present at once = peak rate x time in the system (legs, patience, handling).
    const queue = s.queues[c.queueIndex];
    const sojournSeconds = meanOf(c.btTransferSeconds ?? { fixed: 0 }) + meanOf(c.ivr?.menuSeconds ?? { fixed: 0 })
      + meanOf(queue?.patienceSeconds ?? { fixed: 3600 }) + meanOf(s.handlers.handleSecondsByQueue[c.queueIndex] ?? { fixed: 0 });
    const peakRatePerSecond = (c.rate.perHour / 3600) * Math.max(1, ...c.surges.map((w) => w.factor)) * 3;
    inSystem += peakRatePerSecond * sojournSeconds;
    if (offered > busiest.calls) busiest = { path: s.trace !== undefined ? 'trace' : `channels.${c.name}`, calls: offered };
  }
  const headcounts = headcountPeaks(s);
  const heads = headcounts.reduce((n, h) => n + h.peak, 0);
  // One thread runs replications in the process itself; more start that many workers.
  const workers = Math.max(1, Math.min(threads, s.replications));
  const eventsPerThread = events * Math.ceil(s.replications / workers);
  const perThread = Math.min(WORKING_SET_CAP_BYTES, eventsPerThread * BYTES_PER_EVENT_IN_THREAD)
    + inSystem * BYTES_PER_CALL_IN_SYSTEM + heads * BYTES_PER_HEAD + (s.trace?.length ?? 0) * BYTES_PER_TRACE_ROW;
  return {
    callsPerReplication: calls,
    events: events * s.replications,
    peakMemoryBytes: PROCESS_BYTES + (workers > 1 ? workers * WORKER_BYTES : 0) + workers * perThread,
    busiestChannel: busiest.path,
    headcounts,
    traceRowsAfterHorizon,
  };
}

const round = (x: number): string => (x >= 1e6 ? x.toExponential(1).replace('e+', 'e') : String(Math.round(x)));
const megabytes = (bytes: number): string =>
  bytes >= 1024 ** 4 ? `${round(bytes / 1024 ** 4)} TB` : bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GB` : `${Math.round(bytes / 1024 ** 2)} MB`;

/** One line: `about 6.2e5 calls per replication, 5.6e7 events, peak memory about 270 MB`. */
export function describeWork(e: WorkEstimate, replications: number): string {
  return `about ${round(e.callsPerReplication)} calls per replication, ${round(e.events)} events over ${replications} replications, peak memory about ${megabytes(e.peakMemoryBytes)}`;
}

/**
 * Refuses (ScenarioError, exit 2) a headcount above MAX_HEADCOUNT always, and work beyond
 * MAX_EVENTS or MAX_MEMORY_BYTES unless `allowLarge`. Each problem names the field to change.
 */
export function checkWork(e: WorkEstimate, s: ResolvedScenario, file: string, allowLarge: boolean): void {
  const problems: ScenarioProblem[] = [];
  for (const h of e.headcounts) {
    if (h.peak > MAX_HEADCOUNT) problems.push({ file, path: h.path, expected: `a headcount of at most ${MAX_HEADCOUNT.toLocaleString('en-GB')} (no control room is larger)`, found: round(h.peak) });
  }
  // A headcount refused outright is the mistake to fix; the work it implies would only repeat it.
  if (!allowLarge && problems.length === 0) {
    const work = describeWork(e, s.replications);
    if (e.events > MAX_EVENTS) {
      problems.push({ file, path: e.busiestChannel, expected: `work of at most ${round(MAX_EVENTS)} events (--allow-large lifts the limit; or shorten horizon, lower the rate or the replications)`, found: work });
    } else if (e.peakMemoryBytes > MAX_MEMORY_BYTES) {
      const biggest = [...e.headcounts].sort((a, b) => b.peak - a.peak)[0];
      const path = biggest !== undefined && biggest.peak * BYTES_PER_HEAD > 0.5 * e.peakMemoryBytes ? biggest.path : e.busiestChannel;
      problems.push({ file, path, expected: `peak memory of at most ${megabytes(MAX_MEMORY_BYTES)} (--allow-large lifts the limit; or use fewer --threads)`, found: work });
    }
  }
  if (problems.length > 0) throw new ScenarioError(problems);
}
