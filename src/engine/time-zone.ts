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
  return zoneFormat(name) !== null;
}

/** The zone names the runtime knows, for error messages. */
export function timeZoneNames(): readonly string[] {
  return ['UTC', ...Intl.supportedValuesOf('timeZone')];
}

export class ZoneOffsets {
  /** True for UTC (and fixed zones): no lookups needed. */
  readonly fixed: boolean;
  private readonly format: Intl.DateTimeFormat | null;
  /**
   * Epoch ms at which each stretch starts (the first is -Infinity, true only from `knownFrom`), and
   * its offset in seconds.
   */
  private readonly starts: number[] = [-Infinity];
  private readonly offsets: number[] = [];
  /** Offsets are known from this epoch ms up to `knownTo`; both ends grow a day at a time, on demand. */
  private knownFrom: number;
  private knownTo: number;

  constructor(
    readonly name: string,
    fromEpochMs: number,
  ) {
    const format = zoneFormat(name);
    if (format === null) throw new RangeError(`unknown time zone ${JSON.stringify(name)}`);
    this.fixed = name === 'UTC' || name === 'Etc/UTC';
    this.format = this.fixed ? null : format;
    // Start a day before the run and grow either way only when asked: walking a year ahead of the
    // start at construction cost about 400 Intl calls per scenario read (issue 12's validate time).
    this.knownFrom = fromEpochMs - DAY_MS;
    this.knownTo = this.knownFrom;
    this.offsets.push(this.fixed ? 0 : this.measure(this.knownTo));
  }

  /** Offset (local minus UTC) in seconds at an epoch instant. */
  offsetSeconds(epochMs: number): number {
    if (this.fixed) return 0;
    // Far beyond the stretches found so far (a horizon of centuries): measure directly, do not walk there day by day.
    if (epochMs - this.knownTo > 800 * DAY_MS || this.knownFrom - epochMs > 800 * DAY_MS || !Number.isFinite(epochMs)) {
      if (Number.isFinite(epochMs) && Math.abs(epochMs) < 8.64e15) return this.measure(epochMs);
      return epochMs < this.knownFrom ? this.offsets[0] : this.offsets[this.offsets.length - 1];
    }
    while (epochMs >= this.knownTo) this.extend();
    while (epochMs < this.knownFrom) this.extendBack();
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= epochMs) lo = mid;
      else hi = mid - 1;
    }
    return this.offsets[lo];
  }

  /** The first epoch ms after `epochMs` at which the offset changes (Infinity for UTC). */
  nextChange(epochMs: number): number {
    if (this.fixed) return Infinity;
    if (epochMs - this.knownTo > 800 * DAY_MS) return Infinity;
    while (epochMs + 2 * DAY_MS >= this.knownTo) this.extend();
    while (epochMs < this.knownFrom && this.knownFrom - epochMs <= 800 * DAY_MS) this.extendBack();
    for (const s of this.starts) if (s > epochMs) return s;
    return this.knownTo;
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
    const candidates = [localMs - before * 1000, localMs - after * 1000].sort((a, b) => a - b);
    for (const u of candidates) if (this.offsetSeconds(u) * 1000 === localMs - u) return u;
    return localMs - before * 1000;
  }

  private measure(epochMs: number): number {
    const parts = (this.format as Intl.DateTimeFormat).formatToParts(new Date(epochMs));
    const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
    const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
    return Math.round((local - Math.floor(epochMs / 1000) * 1000) / 1000);
  }

  /** Measures one more day ahead; a change inside it is found to the second by bisection. */
  private extend(): void {
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
  private extendBack(): void {
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
