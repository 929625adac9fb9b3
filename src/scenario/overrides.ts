import { ZoneOffsets, isTimeZone } from '../engine/time-zone.js';
import { ScenarioError, describeValue, type ScenarioProblem } from './errors.js';
import { formatPath, parsePath } from './paths.js';
import { DEFAULT_TIME_ZONE, horizonSecondsOf } from './resolve.js';
import { dateParts, parseCall, parseDemandChange, parseYamlValue, splitSet, type SetOperator } from './set-syntax.js';

/** One applied `--set`: its path (list elements by index), the text as given, and what it changed in words. */
export interface AppliedSet {
  path: (string | number)[];
  text: string;
  change: string;
}

type Container = Record<string | number, unknown>;
const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const nameOf = (v: unknown): string | undefined => (isMap(v) && typeof v.name === 'string' ? v.name : undefined);

class SetProblem extends Error {
  constructor(
    readonly path: string,
    readonly expected: string,
    readonly found: string,
  ) {
    super(expected);
  }
}

/**
 * Walks `path` through the data: list elements by index or by `name` (pools, shifts), and
 * `shifts` straight after a pool standing for its `roster.shifts`. Creates missing maps on the way
 * when `create`. Returns the container and key of the last segment, and the path by index.
 */
function locate(data: Container, path: readonly (string | number)[], create: boolean): { container: Container; key: string | number; resolved: (string | number)[] } {
  let node: unknown = data;
  const resolved: (string | number)[] = [];
  for (let i = 0; i < path.length; i++) {
    let seg = path[i];
    const last = i === path.length - 1;
    if (Array.isArray(node)) {
      const names = node.map(nameOf).filter((n): n is string => n !== undefined);
      const choices = names.length > 0 ? `one of the names ${names.join(', ')} (or an index [0] to [${node.length - 1}])` : `an index [0] to [${node.length - 1}] (these elements have no names)`;
      if (typeof seg === 'string') {
        // A name first (a pool may be called "101"), then a written index.
        const index = node.findIndex((e) => nameOf(e) === seg);
        if (index >= 0) seg = index;
        else if (/^\d+$/.test(seg) && names.length === 0) seg = Number(seg);
        else throw new SetProblem(formatPath([...resolved, seg]), choices, JSON.stringify(seg));
      }
      if (seg > node.length) throw new SetProblem(formatPath([...resolved, seg]), names.length > 0 ? choices : `a list with an element ${seg} (or ${seg} as the next element)`, `a list of ${node.length}`);
    } else if (!isMap(node)) {
      throw new SetProblem(formatPath(resolved), `a map of fields holding ${JSON.stringify(seg)}`, 'a plain value');
    } else if (seg === 'shifts' && !('shifts' in node) && isMap(node.roster) && Array.isArray(node.roster.shifts)) {
      resolved.push('roster');
      node = node.roster;
    }
    resolved.push(seg);
    if (last) return { container: node as Container, key: seg, resolved };
    const container = node as Container;
    if (container[seg] === undefined || container[seg] === null) {
      if (!create) throw new SetProblem(formatPath(resolved), 'an existing field', 'nothing there');
      container[seg] = typeof path[i + 1] === 'number' ? [] : {};
    }
    node = container[seg];
  }
  throw new SetProblem('', 'a path', 'nothing');
}

/** Plain words for a change: "non-emergency late shift (15:00): 5 -> 7 handlers" where the path says what it is. */
function describeChange(data: Container, resolved: readonly (string | number)[], before: unknown, after: unknown): string {
  const show = (v: unknown): string => (v === undefined ? '(none)' : resolved[resolved.length - 1] === 'queueSelection' ? policyText(v) : describeValue(v));
  const [a, b, pool, c, d, shift, field] = resolved;
  if (a === 'handlers' && b === 'pools' && c === 'roster' && d === 'shifts' && field === 'staff' && resolved.length === 7) {
    const pools = (data.handlers as Container).pools as Container[];
    const p = pools[pool as number];
    const s = ((p.roster as Container).shifts as Container[])[shift as number];
    const label = typeof s.name === 'string' ? `${s.name} shift (${String(s.start)})` : `shift starting ${String(s.start)}`;
    return `${nameOf(p) ?? `pool ${String(pool)}`} ${label}: ${show(before)} -> ${show(after)} handlers`;
  }
  if (a === 'handlers' && b === 'pools' && typeof pool === 'number' && resolved.length >= 4) {
    const p = ((data.handlers as Container).pools as Container[])[pool];
    return `${nameOf(p) ?? `pool ${pool}`} pool, ${formatPath(resolved.slice(3))}: ${show(before)} -> ${show(after)}`;
  }
  return `${formatPath(resolved)}: ${show(before)} -> ${show(after)}`;
}

/** A policy as it would be written on the command line: `ageing(order=[primary,secondary], from=secondary)`. */
function policyText(v: unknown): string {
  if (!isMap(v) || Object.keys(v).length !== 1) return describeValue(v);
  const [name, params] = Object.entries(v)[0];
  const item = (x: unknown): string => (Array.isArray(x) ? `[${x.map(item).join(',')}]` : typeof x === 'string' ? x : describeValue(x));
  if (Array.isArray(params)) return `${name}(${params.map(item).join(', ')})`;
  if (isMap(params)) return `${name}(${Object.entries(params).map(([k, x]) => `${k}=${item(x)}`).join(', ')})`;
  return describeValue(v);
}

/** The channel's demand change over local dates, as a surge window appended to its surges. */
function applyDemand(data: Container, channel: string, valueText: string): AppliedSet['change'] {
  const at = `channels.${channel}.demand`;
  const change = parseDemandChange(valueText);
  if (change === null) throw new SetProblem(at, "a change over dates, such as '+10% from 2022-06-01 to 2022-08-31'", JSON.stringify(valueText));
  const channels = isMap(data.channels) ? data.channels : {};
  const target = channels[channel];
  if (!isMap(target)) throw new SetProblem(at, `a channel name (one of ${Object.keys(channels).join(', ')})`, JSON.stringify(channel));
  const from = dateParts(change.from);
  const to = dateParts(change.to);
  if (from === null || to === null) throw new SetProblem(at, 'dates written YYYY-MM-DD that exist', `${change.from} to ${change.to}`);
  const zoneName = typeof data.timeZone === 'string' && isTimeZone(data.timeZone) ? data.timeZone : DEFAULT_TIME_ZONE;
  const startMs = typeof data.start === 'string' ? Date.parse(data.start) : NaN;
  const zone = new ZoneOffsets(zoneName, Number.isFinite(startMs) ? startMs : Date.UTC(2022, 0, 1));
  const fromMs = zone.epochOfLocal(Date.UTC(from[0], from[1], from[2]));
  const toMs = zone.epochOfLocal(Date.UTC(to[0], to[1], to[2] + 1));
  if (!(toMs > fromMs)) throw new SetProblem(at, 'a "from" date on or before the "to" date', `${change.from} to ${change.to}`);
  if (!(change.percent > -100)) throw new SetProblem(at, 'a change above -100%', `${change.percent}%`);
  if (Number.isFinite(startMs)) {
    const horizon = horizonSecondsOf(startMs, typeof data.timeZone === 'string' ? data.timeZone : undefined, isMap(data.horizon) ? (data.horizon as Record<string, number>) : undefined);
    const endMs = startMs + horizon * 1000;
    if (fromMs < startMs || toMs > endMs) {
      const day = (ms: number): string => new Date(ms + zone.offsetSeconds(ms) * 1000).toISOString().slice(0, 10);
      throw new SetProblem(at, `a date range inside the horizon (${day(startMs)} to ${day(endMs - 1000)}, ${zoneName} dates)`, `${change.from} to ${change.to}`);
    }
  }
  const surges = Array.isArray(target.surges) ? [...(target.surges as unknown[])] : [];
  surges.push({ start: new Date(fromMs).toISOString(), hours: (toMs - fromMs) / 3_600_000, factor: 1 + change.percent / 100 });
  target.surges = surges;
  return `${channel} demand: ${change.percent > 0 ? '+' : ''}${change.percent}% from ${change.from} to ${change.to} (other dates unchanged)`;
}

function applyOne(data: Container, text: string): AppliedSet {
  const split = splitSet(text);
  const path = split === null ? null : parsePath(split.pathText);
  if (split === null || path === null) {
    throw new SetProblem('', 'path=value (or path+=n, path-=n, path*=n), such as handlers.pools.non-emergency.shifts.late.staff+=2 or queues."999".targetSeconds=10', JSON.stringify(text));
  }
  const { operator, valueText } = split;
  if (operator === '=' && path.length === 3 && path[0] === 'channels' && path[2] === 'demand') {
    const change = applyDemand(data, String(path[1]), valueText);
    return { path: ['channels', path[1], 'surges'], text, change };
  }
  const call = operator === '=' ? parseCall(valueText) : null;
  if (call !== null && 'error' in call) throw new SetProblem(split.pathText, 'a policy written name(parameter=value, ...)', call.error);
  const parsed = call !== null ? call : parseYamlValue(valueText);
  if ('error' in parsed) throw new SetProblem(split.pathText, 'a value written as YAML', parsed.error);
  const value = parsed.value;
  const { container, key, resolved } = locate(data, path, operator === '=');
  const before = container[key];
  let after: unknown = value;
  if (operator !== '=') after = relative(formatPath(resolved), operator, before, value);
  if (operator === '=' && value === null && !Array.isArray(container)) delete container[key];
  else container[key] = after;
  return { path: resolved, text, change: describeChange(data, resolved, before, after) };
}

function relative(at: string, operator: SetOperator, before: unknown, by: unknown): number {
  if (typeof before !== 'number') throw new SetProblem(at, `a number to change with ${operator}`, before === undefined ? 'no value there' : describeValue(before));
  if (typeof by !== 'number' || !Number.isFinite(by)) throw new SetProblem(at, `a number after ${operator}`, describeValue(by));
  return operator === '+=' ? before + by : operator === '-=' ? before - by : before * by;
}

/**
 * Apply overrides in order: `path=value` (the value read as YAML: `12`, `"999"`,
 * `{exponential: {mean: 600}}`; a policy as `ageing(from=secondary,to=primary,afterSeconds=900)`),
 * `path+=n`, `path-=n`, `path*=n`, and `channels.NAME.demand=+10% from DATE to DATE`. List
 * elements are named by index or by name (`handlers.pools.non-emergency.shifts.late.staff`).
 * Missing maps on the way are created for `=`; `null` removes a field. All malformed overrides are
 * reported together.
 */
export function applySets(data: Record<string, unknown>, sets: readonly string[]): AppliedSet[] {
  const problems: ScenarioProblem[] = [];
  const applied: AppliedSet[] = [];
  for (const text of sets) {
    try {
      applied.push(applyOne(data, text));
    } catch (error) {
      if (!(error instanceof SetProblem)) throw error;
      problems.push({ file: `--set ${text}`, path: error.path, expected: error.expected, found: error.found });
    }
  }
  if (problems.length > 0) throw new ScenarioError(problems);
  return applied;
}
