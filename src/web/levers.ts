/**
 * The levers a planner argues about, found in a scenario's merged data (its `extends` chain applied):
 * handlers per shift and pool, switchboard operators, demand per channel, surges, callback offers,
 * each pool's queue policy, response units per area. Each lever names the field it edits, its unit
 * and the national standard it bears on; help text comes from the scenario schema's descriptions.
 */
import { STANDARD_WORDS } from '../metrics/standards.js';
import { formatPath, type PathSegments } from '../scenario/paths.js';
import { fieldHelp } from './schema-help.js';

export interface NumberLever {
  kind: 'number';
  /** The field path as problems name it (`handlers.pools[1].roster.shifts[1].staff`): also the control's key. */
  id: string;
  path: PathSegments;
  label: string;
  unit: string;
  value: number;
  min: number;
  max?: number;
  step: number;
  /** Percent shown for a ratio field (stored 0..1). */
  percent?: boolean;
  /** The schema's description of the field. */
  help?: string;
}

export interface TextLever {
  kind: 'date';
  id: string;
  path: PathSegments;
  label: string;
  unit: string;
  value: string;
}

export interface ChoiceLever {
  kind: 'choice';
  id: string;
  path: PathSegments;
  label: string;
  unit: string;
  value: string;
  /** Each choice with the whole value written at `path` when it is picked. */
  options: { value: string; label: string; write: unknown }[];
}

/** An action that adds or removes a block (a surge, a callback offer). */
export interface ActionLever {
  kind: 'action';
  id: string;
  label: string;
  path: PathSegments;
  /** The value written at `path` (undefined removes the field). */
  write: unknown;
}

export type Lever = NumberLever | TextLever | ChoiceLever | ActionLever;

export interface LeverGroup {
  title: string;
  /** The national standard the levers bear on, in plain words. */
  standard?: string;
  levers: Lever[];
}

type Data = Record<string, unknown>;
const isMap = (v: unknown): v is Data => v !== null && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

// The national standards in words, from the one module that holds them.
export const STANDARD_999 = STANDARD_WORDS.answer999;
export const STANDARD_101 = STANDARD_WORDS.abandonment101;
export const STANDARD_ATTENDANCE = STANDARD_WORDS.attendance;

const number = (path: PathSegments, label: string, unit: string, value: number, extra: Partial<NumberLever> = {}): NumberLever => ({
  kind: 'number', id: formatPath(path), path, label, unit, value, min: 0, step: 1, ...extra,
});

function shiftLabel(shift: Data): string {
  const days = Array.isArray(shift.days) ? ` on ${shift.days.join(', ')}` : '';
  return `${String(shift.start ?? '?')} for ${String(shift.hours ?? '?')} h${days}`;
}

/** Headcount levers of a roster (`shifts`, `constant`) or a plain `staff` number at `path`. */
function headcounts(owner: string, roster: unknown, path: PathSegments, unit: string): NumberLever[] {
  if (num(roster) !== undefined) return [number(path, `${owner}`, unit, num(roster) ?? 0)];
  if (!isMap(roster)) return [];
  if (num(roster.constant) !== undefined) return [number([...path, 'constant'], `${owner}, all day`, unit, num(roster.constant) ?? 0)];
  return list(roster.shifts).flatMap((shift, i) =>
    isMap(shift) && num(shift.staff) !== undefined ? [number([...path, 'shifts', i, 'staff'], `${owner}, ${shiftLabel(shift)}`, unit, num(shift.staff) ?? 0)] : [],
  );
}

function handlerGroups(data: Data): LeverGroup[] {
  const handlers = isMap(data.handlers) ? data.handlers : {};
  const pools = list(handlers.pools);
  const levers: Lever[] = [];
  let serves999 = false;
  let serves101 = false;
  pools.forEach((pool, p) => {
    if (!isMap(pool)) return;
    const name = String(pool.name ?? `pool ${p + 1}`);
    const served = list(pool.serves).map(String);
    serves999 ||= served.includes('999');
    serves101 ||= served.some((q) => q !== '999');
    const base: PathSegments = ['handlers', 'pools', p];
    levers.push(...(pool.roster !== undefined ? headcounts(name, pool.roster, [...base, 'roster'], 'handlers') : headcounts(name, pool.staff, [...base, 'staff'], 'handlers')));
  });
  const switchboard = isMap(data.switchboard) ? data.switchboard : undefined;
  const operators = switchboard === undefined ? [] : headcounts('switchboard', switchboard.staff, ['switchboard', 'staff'], 'operators');
  const standards = [serves999 ? STANDARD_999 : '', serves101 ? STANDARD_101 : ''].filter(Boolean).join('; ');
  return [
    { title: 'Call handlers on duty, per pool and shift', standard: standards, levers },
    ...(operators.length > 0 ? [{ title: 'Switchboard operators on duty', standard: STANDARD_101, levers: operators }] : []),
  ];
}

function demandGroup(data: Data): LeverGroup {
  const channels = isMap(data.channels) ? data.channels : {};
  const levers: Lever[] = [];
  for (const [name, channel] of Object.entries(channels)) {
    if (!isMap(channel)) continue;
    const base: PathSegments = ['channels', name];
    if (num(channel.perDay) !== undefined) levers.push(number([...base, 'perDay'], `${name} calls`, 'calls a day', num(channel.perDay) ?? 0, { step: 10 }));
    else if (num(channel.perHour) !== undefined) levers.push(number([...base, 'perHour'], `${name} calls`, 'calls an hour', num(channel.perHour) ?? 0));
    list(channel.surges).forEach((surge, i) => {
      if (!isMap(surge)) return;
      const at: PathSegments = [...base, 'surges', i];
      levers.push(
        { kind: 'date', id: formatPath([...at, 'start']), path: [...at, 'start'], label: `${name} surge ${i + 1}: starts`, unit: 'date and time (UTC)', value: String(surge.start ?? '') },
        number([...at, 'hours'], `${name} surge ${i + 1}: lasts`, 'hours', num(surge.hours) ?? 0),
        number([...at, 'factor'], `${name} surge ${i + 1}: demand times`, '× usual demand', num(surge.factor) ?? 1, { step: 0.01 }),
        { kind: 'action', id: `remove:${formatPath(at)}`, label: `Remove ${name} surge ${i + 1}`, path: [...base, 'surges'], write: list(channel.surges).filter((_, j) => j !== i) },
      );
    });
    const year = typeof data.start === 'string' ? data.start.slice(0, 4) : '2022';
    const added = { start: `${year}-07-01T00:00:00Z`, hours: 24 * 14, factor: 1.15 };
    levers.push({ kind: 'action', id: `add-surge:${name}`, label: `Add a summer surge to ${name} (two weeks from 1 July, +15%)`, path: [...base, 'surges'], write: [...list(channel.surges), added] });
  }
  return { title: 'Demand', standard: 'More calls lengthen waits: see the 999 and 101 standards', levers };
}

function callbackGroup(data: Data): LeverGroup {
  const queues = isMap(data.queues) ? data.queues : {};
  const levers: Lever[] = [];
  for (const [name, queue] of Object.entries(queues)) {
    if (!isMap(queue) || name === '999') continue;
    const base: PathSegments = ['queues', name, 'callback'];
    const callback = isMap(queue.callback) ? queue.callback : undefined;
    if (callback === undefined) {
      levers.push({ kind: 'action', id: `add-callback:${name}`, label: `Offer ${name} callers a callback (after 3 min, 60% accept)`, path: base, write: { offerAfterSeconds: 180, accept: 0.6 } });
      continue;
    }
    levers.push(
      number([...base, 'offerAfterSeconds'], `${name}: offer a callback after`, 'seconds waiting', num(callback.offerAfterSeconds) ?? 0, { step: 10 }),
      number([...base, 'accept'], `${name}: callers who accept`, '% of those offered', num(callback.accept) ?? 0, { max: 1, step: 0.01, percent: true }),
      { kind: 'action', id: `remove-callback:${name}`, label: `Stop offering ${name} callers a callback`, path: base, write: undefined },
    );
  }
  return { title: 'Callback offers', standard: STANDARD_101, levers };
}

/** Each pool's queue policy: strict priority in its order, or ageing its last queue into the one before. */
function policyGroup(data: Data): LeverGroup {
  const handlers = isMap(data.handlers) ? data.handlers : {};
  const levers: Lever[] = [];
  list(handlers.pools).forEach((pool, p) => {
    if (!isMap(pool)) return;
    const served = list(pool.serves).map(String);
    if (served.length < 2) return;
    const selection = isMap(pool.queueSelection) ? pool.queueSelection : undefined;
    const ageing = selection !== undefined && isMap(selection.ageing) ? selection.ageing : undefined;
    const order = Array.isArray(selection?.strictPriority) ? selection.strictPriority.map(String) : Array.isArray(ageing?.order) ? ageing.order.map(String) : served;
    const [to, from] = order.slice(-2);
    const path: PathSegments = ['handlers', 'pools', p, 'queueSelection'];
    const name = String(pool.name ?? `pool ${p + 1}`);
    levers.push({
      kind: 'choice', id: formatPath(path), path, label: `${name}: which waiting call next`, unit: 'policy',
      value: ageing !== undefined ? 'ageing' : 'strictPriority',
      options: [
        { value: 'strictPriority', label: `Strict priority: ${order.join(', then ')}`, write: { strictPriority: order } },
        { value: 'ageing', label: `Ageing: a ${from} call waiting 10 min is taken as ${to}`, write: { ageing: { order, from, to, afterSeconds: 600 } } },
      ],
    });
    if (ageing !== undefined) levers.push(number([...path, 'ageing', 'afterSeconds'], `${name}: ${from} calls aged after`, 'seconds waiting', num(ageing.afterSeconds) ?? 0, { step: 30 }));
  });
  return { title: 'Queue policy', standard: `${STANDARD_999}; ${STANDARD_101}`, levers };
}

function unitGroup(data: Data): LeverGroup {
  const dispatch = isMap(data.dispatch) ? data.dispatch : {};
  const levers = list(dispatch.areas).flatMap((area, a) => (isMap(area) ? headcounts(`${String(area.name ?? a + 1)} (${String(area.kind ?? '')})`, area.units, ['dispatch', 'areas', a, 'units'], 'response units') : []));
  return { title: 'Response units on duty, per area and shift', standard: STANDARD_ATTENDANCE, levers };
}

/** A number lever with the schema's description and bounds (the schema's word wins over the defaults above). */
function withSchema(lever: Lever, schema: unknown): Lever {
  if (lever.kind !== 'number' || schema === undefined) return lever;
  const help = fieldHelp(schema, lever.path);
  return { ...lever, help: help.description, min: help.minimum ?? lever.min, max: help.maximum ?? lever.max, step: help.integer ? 1 : lever.step };
}

/**
 * The lever groups of a scenario's merged data (groups without levers left out); with the scenario
 * JSON Schema, each number lever carries the schema's description and bounds.
 */
export function leverGroups(data: Data, schema?: unknown): LeverGroup[] {
  return [...handlerGroups(data), demandGroup(data), callbackGroup(data), policyGroup(data), unitGroup(data)]
    .filter((g) => g.levers.length > 0)
    .map((g) => ({ ...g, levers: g.levers.map((l) => withSchema(l, schema)) }));
}
