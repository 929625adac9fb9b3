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
  /**
   * What was run, in a planner's terms (the briefing at the top of the HTML report): period and
   * clock, changes applied, rosters by shift and which features the scenario uses. Absent from
   * results merged from shards and from files written before it existed.
   */
  setup?: RunSetup;
}

/** What was run: the period on the room's clock, the changes applied, rosters and features used. */
export interface RunSetup {
  /** ISO-8601 UTC instants of the start and of the horizon. */
  start: string;
  end: string;
  /** The room's clock (IANA time zone); shift times are local to it. */
  timeZone: string;
  horizonDays: number;
  warmupHours: number;
  /** One line in plain words per change applied (`--set`, `--variant`), as the command prints them. */
  changes: string[];
  /** Each handler pool's roster (and the switchboard's, as pool `switchboard`). */
  rosters: PoolRoster[];
  uses: ScenarioFeatures;
}

/** A roster as a planner reads it: shifts with local start times, or a note for other forms. */
export interface PoolRoster {
  pool: string;
  serves: string[];
  shifts: RosterShift[];
  /** A roster not written as shifts (constant, hourly headcounts), in words; null for shifts. */
  note: string | null;
}

export interface RosterShift {
  /** First day of the roster period (ISO-8601) the shift belongs to; null: from the start. */
  from: string | null;
  name: string | null;
  /** Local clock time "HH:MM". */
  start: string;
  hours: number;
  /** Days the shift starts on; null: every day. */
  days: string[] | null;
  staff: number;
}

/**
 * Features of the resolved scenario, so a report leaves out the measures of those it does not
 * use (no victim-update lines without victim updates) whatever their values.
 */
export interface ScenarioFeatures {
  switchboard: boolean;
  dispatch: boolean;
  grading: boolean;
  victimUpdates: boolean;
  /** Incidents re-graded upwards while waiting (`dispatch.upgradePerHour` > 0). */
  upgrades: boolean;
  ivrChannels: string[];
  callbackQueues: string[];
  redialQueues: string[];
  /** Queues whose callers may abandon (a patience is given). */
  patienceQueues: string[];
  trace: boolean;
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
