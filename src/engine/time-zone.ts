/**
 * Offsets of a named IANA time zone (such as Europe/London) from UTC, as a list of constant
 * stretches found once with Intl and then looked up by binary search: clock changes are rare,
 * so the simulation never calls Intl per event.
 */

const DAY_MS = 86_400_000;

// One formatter per zone for the process: building an Intl.DateTimeFormat costs about a
// millisecond (far more cold), and every replication's calendar asked for a new one.
const formats = new Map<string, Intl.DateTimeFormat | null>();

/** The zone's formatter (wall-clock parts), or null when the runtime does not know the name. */
function zoneFormat(name: string): Intl.DateTimeFormat | null {
  let format = formats.get(name);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('en-GB', { timeZone: name, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    } catch {
      format = null;
    }
    formats.set(name, format);
  }
  return format;
}

/** True when the runtime knows this IANA zone name (`UTC` included). */
export function isTimeZone(name: string): boolean {
  return isUtc(name) || zoneFormat(name) !== null;
}

/** UTC needs no Intl formatter (the first one made in a process loads the runtime's zone data). */
const isUtc = (name: string): boolean => name === 'UTC' || name === 'Etc/UTC';

/** The zone names the runtime knows, for error messages. */
export function timeZoneNames(): readonly string[] {
  return ['UTC', ...Intl.supportedValuesOf('timeZone')];
}

/**
 * The constant stretches of one zone, found with Intl a day at a time from one anchor, shared by
 * every ZoneOffsets of that zone and anchor in the process: a run's calendars (the control room's,
 * the metrics collector's, the scenario's own) all start at the scenario's start, and each walked
 * the same year with Intl before (about 1,300 formatToParts calls for a year of Avon and Somerset).
 */
class ZoneStretches {
  /**
   * Epoch ms at which each stretch starts (the first is -Infinity, true only from `knownFrom`), and
   * its offset in seconds.
   */
  readonly starts: number[] = [-Infinity];
  readonly offsets: number[] = [];
  /** Offsets are known from this epoch ms up to `knownTo`; both ends grow a day at a time, on demand. */
  knownFrom: number;
  knownTo: number;

  constructor(
    private readonly format: Intl.DateTimeFormat,
    fromEpochMs: number,
  ) {
    // Start a day before the run and grow either way only when asked: walking a year ahead of the
    // start at construction cost about 400 Intl calls per scenario read (issue 12's validate time).
    this.knownFrom = fromEpochMs - DAY_MS;
    this.knownTo = this.knownFrom;
    this.offsets.push(this.measure(this.knownTo));
  }

  measure(epochMs: number): number {
    const parts = this.format.formatToParts(new Date(epochMs));
    const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
    const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
    return Math.round((local - Math.floor(epochMs / 1000) * 1000) / 1000);
  }

  /** Measures one more day ahead; a change inside it is found to the second by bisection. */
  extend(): void {
    const from = this.knownTo;
    const to = from + DAY_MS;
    const current = this.offsets[this.offsets.length - 1];
    const next = this.measure(to);
    if (next !== current) {
      this.starts.push(this.changeBetween(from, to, current));
      this.offsets.push(next);
    }
    this.knownTo = to;
  }

  /** Measures one more day back, on the same day grid as `extend`, so a change is found at the same second. */
  extendBack(): void {
    const to = this.knownFrom;
    const from = to - DAY_MS;
    const earlier = this.measure(from);
    if (earlier !== this.offsets[0]) {
      this.starts[0] = this.changeBetween(from, to, earlier);
      this.starts.unshift(-Infinity);
      this.offsets.unshift(earlier);
    }
    this.knownFrom = from;
  }

  /** The first whole second in (from, to] whose offset is no longer `before`. */
  private changeBetween(from: number, to: number, before: number): number {
    let lo = from;
    let hi = to;
    while (hi - lo > 1000) {
      const mid = Math.floor((lo + hi) / 2000) * 1000;
      if (mid <= lo || mid >= hi) break;
      if (this.measure(mid) === before) lo = mid;
      else hi = mid;
    }
    return hi;
  }
}

/** Stretches by zone name and anchor (the day grid is the anchor's, so a table serves only its own anchor). */
const stretchTables = new Map<string, ZoneStretches>();

function stretchesOf(name: string, format: Intl.DateTimeFormat, fromEpochMs: number): ZoneStretches {
  const key = `${name} ${fromEpochMs}`;
  let table = stretchTables.get(key);
  if (table === undefined) {
    table = new ZoneStretches(format, fromEpochMs);
    stretchTables.set(key, table);
  }
  return table;
}

export class ZoneOffsets {
  /** True for UTC (and fixed zones): no lookups needed. */
  readonly fixed: boolean;
  /** The zone's stretches (null for UTC), shared with every ZoneOffsets of the same zone and start. */
  private readonly table: ZoneStretches | null;

  constructor(
    readonly name: string,
    fromEpochMs: number,
  ) {
    this.fixed = isUtc(name);
    const format = this.fixed ? null : zoneFormat(name);
    if (format === null && !this.fixed) throw new RangeError(`unknown time zone ${JSON.stringify(name)}`);
    this.table = format === null ? null : stretchesOf(name, format, fromEpochMs);
  }

  /** Offset (local minus UTC) in seconds at an epoch instant. */
  offsetSeconds(epochMs: number): number {
    const z = this.table;
    if (z === null) return 0;
    // Far beyond the stretches found so far (a horizon of centuries): measure directly, do not walk there day by day.
    if (epochMs - z.knownTo > 800 * DAY_MS || z.knownFrom - epochMs > 800 * DAY_MS || !Number.isFinite(epochMs)) {
      if (Number.isFinite(epochMs) && Math.abs(epochMs) < 8.64e15) return z.measure(epochMs);
      return epochMs < z.knownFrom ? z.offsets[0] : z.offsets[z.offsets.length - 1];
    }
    while (epochMs >= z.knownTo) z.extend();
    while (epochMs < z.knownFrom) z.extendBack();
    const starts = z.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= epochMs) lo = mid;
      else hi = mid - 1;
    }
    return z.offsets[lo];
  }

  /** The first epoch ms after `epochMs` at which the offset changes (Infinity for UTC). */
  nextChange(epochMs: number): number {
    const z = this.table;
    if (z === null) return Infinity;
    if (epochMs - z.knownTo > 800 * DAY_MS) return Infinity;
    while (epochMs + 2 * DAY_MS >= z.knownTo) z.extend();
    while (epochMs < z.knownFrom && z.knownFrom - epochMs <= 800 * DAY_MS) z.extendBack();
    for (const s of z.starts) if (s > epochMs) return s;
    return z.knownTo;
  }

  /**
   * The stretch holding `epochMs`, for walks forward in time that ask once per stretch: its offset
   * and the next change after it (Infinity when none is known), with the table known to `knownToMs`
   * (at least two days past `epochMs`, as `nextChange` leaves it). Null where `offsetSeconds` would
   * measure directly (an instant far outside the table).
   */
  stretchAt(epochMs: number): { offsetSeconds: number; nextChangeMs: number; knownToMs: number } | null {
    const z = this.table;
    if (z === null) return { offsetSeconds: 0, nextChangeMs: Infinity, knownToMs: Infinity };
    if (!Number.isFinite(epochMs) || epochMs - z.knownTo > 800 * DAY_MS || z.knownFrom - epochMs > 800 * DAY_MS) return null;
    this.nextChange(epochMs);
    const offsetSeconds = this.offsetSeconds(epochMs);
    let nextChangeMs = Infinity;
    for (const s of z.starts) {
      if (s > epochMs) {
        nextChangeMs = s;
        break;
      }
    }
    return { offsetSeconds, nextChangeMs, knownToMs: z.knownTo };
  }

  /**
   * The epoch ms at which the local wall clock reads `localMs` (wall time written as if UTC).
   * In the spring gap a time that never occurs is read with the offset before the change; in the
   * autumn overlap the first occurrence is taken.
   */
  epochOfLocal(localMs: number): number {
    if (this.fixed) return localMs;
    const before = this.offsetSeconds(localMs - DAY_MS);
    const after = this.offsetSeconds(localMs + DAY_MS);
    // No change within a day either side (all but two days a year): the one candidate is the answer
    // whether or not it checks, so neither the check nor a sort is needed (rosters ask per shift-day).
    if (before === after) return localMs - before * 1000;
    const early = Math.min(localMs - before * 1000, localMs - after * 1000);
    const late = Math.max(localMs - before * 1000, localMs - after * 1000);
    if (this.offsetSeconds(early) * 1000 === localMs - early) return early;
    if (this.offsetSeconds(late) * 1000 === localMs - late) return late;
    return localMs - before * 1000;
  }
}
