/**
 * The results contract (DESIGN.md section 6). One replication yields a `ReplicationResult`; the
 * experiment layer summarises replications into `Results`, which `--format json` prints as is.
 */

/** Keys along which a series is broken down. */
export type SeriesAxis = 'hourOfDay' | 'month' | 'dayOfWeek' | 'hourOfWeek' | 'day';

/** One replication's flat figures. NaN marks a figure with no data (for example no answered call). */
export interface ReplicationResult {
  replication: number;
  metrics: Record<string, number>;
  series: Record<string, { by: SeriesAxis; keys: string[]; values: number[] }>;
  /** Units of each metric (`calls`, `ratio`, `seconds`, `minutes`...). */
  units: Record<string, string>;
  /** Events the simulator ran and calls offered, for speed figures. */
  eventsRun: number;
  callsOffered: number;
}

export interface MetricSummary {
  mean: number | null;
  /** Half-width of the Student-t 95% interval across replications (null with fewer than 2). */
  ci95: number | null;
  min: number | null;
  max: number | null;
  unit: string;
  values: (number | null)[];
  /** Present when some replication has no value: why (`no calls reached the queue`). */
  'n/a'?: string;
  /** Present when the mean, interval, min and max are taken over fewer replications than were run. */
  replicationsWithValue?: number;
}

export interface SeriesSummary {
  by: SeriesAxis;
  keys: string[];
  mean: (number | null)[];
  ci95: (number | null)[];
  /** Present when some key has no value in some replication: why (`no calls reached the queue`). */
  'n/a'?: string;
  /** With 'n/a': per key, the replications its mean and interval are taken over. */
  replicationsWithValue?: number[];
}

export interface Results {
  callsim: string;
  scenario: { name: string; file: string | null; sha256: string | null };
  seed: number;
  replications: number;
  metrics: Record<string, MetricSummary>;
  series: Record<string, SeriesSummary>;
  /** With `run --digests`: what `callsim verify` needs to rerun replications and check them. */
  verification?: Verification;
}

/**
 * How to re-create a run and check it: the overrides and trace it was run with, the resolved
 * scenario's digest, and one SHA-256 per replication of its raw values (metrics and series).
 */
export interface Verification {
  sets: string[];
  trace: string | null;
  contentSha256: string;
  replicationSha256: string[];
}

/** A paired difference (scenario minus baseline) of one metric across common-random-number replications. */
export interface PairedDifference {
  mean: number | null;
  ci95: number | null;
  /** True when 0 lies outside the 95% interval. */
  significant: boolean;
}

/** Paired differences along one series: `differences[i][k]` is scenario i+1 minus the baseline at `keys[k]`. */
export interface SeriesDifferences {
  by: SeriesAxis;
  keys: string[];
  differences: PairedDifference[][];
}

/**
 * `callsim compare`: several scenarios run with the same seeds (common random numbers). The first
 * scenario is the baseline; `differences[metric][i]` is scenario i+1 minus the baseline.
 */
export interface ComparisonResults {
  callsim: string;
  seed: number;
  replications: number;
  scenarios: Results[];
  differences: Record<string, PairedDifference[]>;
  /**
   * Per series of the baseline, scenario i+1 minus the baseline at each key (month, hour), paired
   * across replications like `differences`; keys as in the baseline's series.
   */
  seriesDifferences?: Record<string, SeriesDifferences>;
}
