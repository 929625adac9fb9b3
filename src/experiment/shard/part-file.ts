/**
 * A shard's part file: the job it belongs to (command, callsim version, output format, seed, and
 * per group the scenario's metadata and content digest), the shard that made it, and per unit of
 * work its index, the replication's raw values and their digest. What a unit holds depends only on
 * (scenario content, seed, replication index), never on the number of shards, so a rerun of a
 * shard writes the same bytes and parts of different splits of one job merge alike.
 */
import { MAX_TEXT_BYTES } from '../../scenario/files.js';
import { readTextBounded } from '../bounded-read.js';
import type { ReplicationResult, RunSetup, SeriesAxis } from '../../metrics/results.js';
import { canonicalJson, decodeNumber, digestOf } from './canonical.js';
import { ShardInputError, type ShardSpec } from './shard-spec.js';

export const PART_FORMAT = 'callsim-part/1';

export type ShardCommand = 'run' | 'compare' | 'sweep';

/** One scenario of the job (the run's, each compared scenario, each sweep point). */
export interface JobGroup {
  name: string;
  file: string | null;
  /** SHA-256 of the scenario file's bytes, as the results print it. */
  sha256: string | null;
  /** SHA-256 of the resolved scenario (after extends, --set, traces): what the units ran. */
  contentSha256: string;
  seed: number;
  replications: number;
  /** A sweep point's axis values. */
  values?: string[];
  /** What was run, for the merged results' `setup` (as a single machine prints it). */
  setup?: RunSetup;
}

/** What every part of one job shares. */
export interface ShardJob {
  command: ShardCommand;
  callsim: string;
  /** Output format of the merged result: table, json or csv (a sweep: csv). */
  format: string;
  seed: number;
  /** `run --digests`: the merged results carry per-replication digests. */
  digests?: boolean;
  /** A sweep's axis paths. */
  axes?: string[];
  /** Inputs that re-create the run for `callsim verify` (run only). */
  inputs?: { sets: string[]; trace: string | null };
  groups: JobGroup[];
}

export interface PartUnit {
  index: number;
  sha256: string;
  result: ReplicationResult;
}

export interface PartFile {
  format: typeof PART_FORMAT;
  job: ShardJob;
  jobSha256: string;
  shard: ShardSpec;
  units: PartUnit[];
}

/** The fields of a replication that travel (and are digested), nothing else. */
export function replicationData(r: ReplicationResult): ReplicationResult {
  return { replication: r.replication, metrics: r.metrics, series: r.series, units: r.units, eventsRun: r.eventsRun, callsOffered: r.callsOffered };
}

/** SHA-256 of one replication's values: the same replication gives the same digest on any machine. */
export const replicationDigest = (r: ReplicationResult): string => digestOf(replicationData(r));

/** A part file's text (the command line writes it atomically). */
export const partText = (part: PartFile): string => `${canonicalJson(part)}\n`;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

class Reader {
  constructor(readonly file: string) {}

  fail(what: string): never {
    throw new ShardInputError(`${this.file}: not a usable part file: ${what}`);
  }

  object(v: unknown, where: string): Json {
    return isObject(v) ? v : this.fail(`${where} should be an object`);
  }

  number(v: unknown, where: string): number {
    const x = decodeNumber(v);
    return x === undefined ? this.fail(`${where} should be a number`) : x;
  }

  whole(v: unknown, where: string): number {
    return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : this.fail(`${where} should be a whole number`);
  }

  string(v: unknown, where: string): string {
    return typeof v === 'string' ? v : this.fail(`${where} should be a string`);
  }

  strings(v: unknown, where: string): string[] {
    return Array.isArray(v) ? v.map((s, i) => this.string(s, `${where}[${i}]`)) : this.fail(`${where} should be a list`);
  }

  result(v: unknown, where: string): ReplicationResult {
    const o = this.object(v, where);
    const metrics: Record<string, number> = {};
    for (const [k, x] of Object.entries(this.object(o.metrics, `${where}.metrics`))) metrics[k] = this.number(x, `${where}.metrics.${k}`);
    const series: ReplicationResult['series'] = {};
    for (const [k, s] of Object.entries(this.object(o.series, `${where}.series`))) {
      const so = this.object(s, `${where}.series.${k}`);
      const values = Array.isArray(so.values) ? so.values.map((x, i) => this.number(x, `${where}.series.${k}.values[${i}]`)) : this.fail(`${where}.series.${k}.values should be a list`);
      series[k] = { by: this.string(so.by, `${where}.series.${k}.by`) as SeriesAxis, keys: this.strings(so.keys, `${where}.series.${k}.keys`), values };
    }
    const units: Record<string, string> = {};
    for (const [k, u] of Object.entries(this.object(o.units, `${where}.units`))) units[k] = this.string(u, `${where}.units.${k}`);
    return {
      replication: this.whole(o.replication, `${where}.replication`),
      metrics,
      series,
      units,
      eventsRun: this.number(o.eventsRun, `${where}.eventsRun`),
      callsOffered: this.number(o.callsOffered, `${where}.callsOffered`),
    };
  }
}

/**
 * Reads and checks a part file: complete JSON (a part cut off mid-write is not), the expected
 * format, the job's digest, and each unit's digest against its values.
 */
export function readPart(file: string): PartFile {
  const r = new Reader(file);
  const text = readTextBounded(file, MAX_TEXT_BYTES);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const cut = !text.endsWith('\n') ? ' (it looks cut off mid-write)' : '';
    return r.fail(`not complete JSON${cut}: ${(error as Error).message}; rerun the shard that wrote it`);
  }
  const o = r.object(data, 'the file');
  if (o.format !== PART_FORMAT) r.fail(`format should be ${JSON.stringify(PART_FORMAT)}, found ${JSON.stringify(o.format)}`);
  const job = r.object(o.job, 'job') as unknown as ShardJob;
  if (!Array.isArray(job.groups) || job.groups.length === 0) r.fail('job.groups should be a non-empty list');
  for (const [i, g] of job.groups.entries()) {
    r.object(g, `job.groups[${i}]`);
    r.whole(g.replications, `job.groups[${i}].replications`);
  }
  const jobSha256 = r.string(o.jobSha256, 'jobSha256');
  if (digestOf(job) !== jobSha256) r.fail('its job does not match its digest (the file was changed or damaged)');
  const shard = r.object(o.shard, 'shard');
  const spec: ShardSpec = { index: r.whole(shard.index, 'shard.index'), count: r.whole(shard.count, 'shard.count') };
  const rawUnits: unknown[] = Array.isArray(o.units) ? o.units : r.fail('units should be a list');
  const units = rawUnits.map((u, i): PartUnit => {
    const uo = r.object(u, `units[${i}]`);
    const unit = { index: r.whole(uo.index, `units[${i}].index`), sha256: r.string(uo.sha256, `units[${i}].sha256`), result: r.result(uo.result, `units[${i}].result`) };
    if (replicationDigest(unit.result) !== unit.sha256) r.fail(`unit ${unit.index} does not match its digest (the file was changed or damaged)`);
    return unit;
  });
  return { format: PART_FORMAT, job, jobSha256, shard: spec, units };
}
