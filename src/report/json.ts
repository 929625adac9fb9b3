/**
 * `--format json`: exactly the Results object of DESIGN.md section 6 (or a ComparisonResults), keys
 * in a fixed order (metric and series names sorted), NaN and infinities as null, two-space indent.
 * The same results always give the same bytes.
 */
import type { ComparisonResults, MetricSummary, PairedDifference, Results, RunSetup, SeriesAxis, SeriesDifferences, SeriesSummary } from '../metrics/results.js';

const num = (x: number | null | undefined): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

const sortedKeys = <T>(record: Record<string, T>): string[] => Object.keys(record).sort();

function metric(m: MetricSummary): MetricSummary {
  const out: MetricSummary = { mean: num(m.mean), ci95: num(m.ci95), min: num(m.min), max: num(m.max), unit: m.unit, values: m.values.map(num) };
  // Only where a value is absent: every complete metric keeps its bytes.
  if (m['n/a'] !== undefined) out['n/a'] = m['n/a'];
  if (m.replicationsWithValue !== undefined) out.replicationsWithValue = m.replicationsWithValue;
  return out;
}

function series(s: SeriesSummary): SeriesSummary {
  const out: SeriesSummary = { by: s.by, keys: [...s.keys], mean: s.mean.map(num), ci95: s.ci95.map(num) };
  if (s['n/a'] !== undefined) out['n/a'] = s['n/a'];
  if (s.replicationsWithValue !== undefined) out.replicationsWithValue = [...s.replicationsWithValue];
  return out;
}

/** The setup block in a fixed key order, whatever order it arrives in (shard parts sort their keys). */
function setup(s: RunSetup): RunSetup {
  const u = s.uses;
  return {
    start: s.start,
    end: s.end,
    timeZone: s.timeZone,
    horizonDays: s.horizonDays,
    warmupHours: s.warmupHours,
    changes: [...s.changes],
    rosters: s.rosters.map((r) => ({
      pool: r.pool,
      serves: [...r.serves],
      shifts: r.shifts.map((x) => ({ from: x.from, name: x.name, start: x.start, hours: x.hours, days: x.days === null ? null : [...x.days], staff: x.staff })),
      note: r.note,
    })),
    uses: {
      switchboard: u.switchboard, dispatch: u.dispatch, grading: u.grading, victimUpdates: u.victimUpdates, upgrades: u.upgrades,
      ivrChannels: [...u.ivrChannels], callbackQueues: [...u.callbackQueues], redialQueues: [...u.redialQueues], patienceQueues: [...u.patienceQueues], trace: u.trace,
    },
  };
}

/** A copy of `results` with the contract's key order and nulls for non-finite numbers. */
export function canonicalResults(results: Results): Results {
  const metrics: Record<string, MetricSummary> = {};
  for (const k of sortedKeys(results.metrics)) metrics[k] = metric(results.metrics[k]);
  const s: Record<string, SeriesSummary> = {};
  for (const k of sortedKeys(results.series)) s[k] = series(results.series[k]);
  return {
    callsim: results.callsim,
    scenario: { name: results.scenario.name, file: results.scenario.file, sha256: results.scenario.sha256 },
    seed: results.seed,
    replications: results.replications,
    metrics,
    series: s,
    // Only `run --digests` adds this block; without it the output is as before.
    ...(results.verification === undefined ? {} : { verification: { ...results.verification } }),
    ...(results.setup === undefined ? {} : { setup: setup(results.setup) }),
  };
}

const difference = (d: PairedDifference): PairedDifference => ({ mean: num(d.mean), ci95: num(d.ci95), significant: d.significant });

/**
 * A copy of a comparison with fixed key order. With `by`, it also carries `seriesDifferences`: the
 * paired difference at each key of every series on that axis (without, the bytes are as before).
 */
export function canonicalComparison(c: ComparisonResults, by?: SeriesAxis): ComparisonResults {
  const differences: Record<string, PairedDifference[]> = {};
  for (const k of sortedKeys(c.differences)) differences[k] = c.differences[k].map(difference);
  const out: ComparisonResults = { callsim: c.callsim, seed: c.seed, replications: c.replications, scenarios: c.scenarios.map(canonicalResults), differences };
  if (by === undefined) return out;
  const along: Record<string, SeriesDifferences> = {};
  const all = c.seriesDifferences ?? {};
  for (const k of sortedKeys(all)) {
    if (all[k].by === by) along[k] = { by, keys: [...all[k].keys], differences: all[k].differences.map((row) => row.map(difference)) };
  }
  return { ...out, seriesDifferences: along };
}

const stringify = (value: unknown): string => `${JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`;

/** The results as JSON text (with a final newline). */
export const resultsJson = (results: Results): string => stringify(canonicalResults(results));

/** A comparison as JSON text (with a final newline); with `by`, the paired differences along that axis too. */
export const comparisonJson = (c: ComparisonResults, by?: SeriesAxis): string => stringify(canonicalComparison(c, by));
