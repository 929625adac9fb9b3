import type { DistributionSpec } from '../engine/distributions.js';
import type { RosterSpec } from '../engine/profile-types.js';
import type { QueueSelectionSpec, QueueShare, ResolvedChannel, ResolvedHandlers, ResolvedPool, ResolvedQueue, ResolvedSwitchboard } from '../model/resolved.js';
import type { Problems } from './problems.js';
import { resolvePolicy } from './resolve-policy.js';
import type { WrittenChannel, WrittenScenario } from './schema.js';

/** What resolution of the call-handling sections needs to know. */
export interface CallContext {
  problems: Problems;
  startEpochMs: number;
  horizonSeconds: number;
  /** Queue and channel names in declared order. */
  queueNames: readonly string[];
  channelNames: readonly string[];
  hasTrace: boolean;
}

const dist = (spec: unknown): DistributionSpec => (typeof spec === 'number' ? { fixed: spec } : (spec as DistributionSpec));

/** Probabilities by queue name (in the order written) to shares by queue index; `resolved` is -1. */
const shares = (byName: Readonly<Record<string, number>>, queueNames: readonly string[]): QueueShare[] =>
  Object.entries(byName).map(([name, probability]) => ({ queueIndex: name === 'resolved' ? -1 : queueNames.indexOf(name), probability }));
export const asRoster = (spec: RosterSpec | number): RosterSpec => (typeof spec === 'number' ? { constant: spec } : spec);

function resolveChannel(name: string, c: WrittenChannel, ctx: CallContext): ResolvedChannel {
  const { problems } = ctx;
  const at = ['channels', name];
  if (c.perHour !== undefined && c.perDay !== undefined) problems.add([...at, 'perDay'], 'perHour or perDay, not both', 'both');
  if (c.perHour === undefined && c.perDay === undefined && !ctx.hasTrace) problems.add([...at, 'perHour'], 'a rate: perHour or perDay (a required field without a trace)', undefined);
  const perHour = c.perHour ?? (c.perDay !== undefined ? c.perDay / 24 : 0);
  if (c.next !== undefined && c.queue !== undefined && c.next !== c.queue) problems.add([...at, 'queue'], 'next or its alias queue, not both', 'both');
  let queue = c.next ?? c.queue;
  const queueKey = c.next !== undefined ? 'next' : 'queue';
  if (queue !== undefined) problems.name([...at, queueKey], queue, ctx.queueNames, 'a declared queue');
  // Relative month weights resolve as they always did (no field); absolute ones say so.
  const { monthWeights, ...profile } = c.profile ?? {};
  if (monthWeights !== undefined && profile.month === undefined) problems.add([...at, 'profile', 'monthWeights'], 'month weights to apply (profile.month) beside it', monthWeights);
  const channel: ResolvedChannel = {
    name,
    rate: { perHour, ...profile, ...(monthWeights === 'absolute' ? { monthWeights } : {}) },
    dayBusynessCv: c.dayBusynessCv ?? 0,
    surges: (c.surges ?? []).map((s, i) => {
      const startSeconds = (Date.parse(s.start) - ctx.startEpochMs) / 1000;
      const durationSeconds = s.hours * 3600;
      if (startSeconds < 0 || startSeconds + durationSeconds > ctx.horizonSeconds + 1e-9) {
        problems.add([...at, 'surges', i], 'a surge window inside the horizon', `${s.start} for ${s.hours} h`, true);
      }
      return { startSeconds, durationSeconds, factor: s.factor };
    }),
    queueIndex: -1,
    queue: '',
  };
  if (c.btTransferSeconds !== undefined) channel.btTransferSeconds = dist(c.btTransferSeconds);
  if (c.ivr !== undefined) {
    const deflected = c.ivr.deflected ?? 0;
    const hangUp = c.ivr.hangUp ?? 0;
    let onward = c.ivr.onward;
    if (onward === undefined) {
      if (queue !== undefined) onward = { [queue]: 1 - deflected - hangUp };
      else onward = {};
    } else {
      for (const q of Object.keys(onward)) problems.name([...at, 'ivr', 'onward', q], q, ctx.queueNames, 'a declared queue');
      queue ??= Object.keys(onward)[0];
    }
    const total = deflected + hangUp + Object.values(onward).reduce((a, b) => a + b, 0);
    problems.sumsToOne([...at, 'ivr'], total, 'deflected + hangUp + onward probabilities');
    channel.ivr = { menuSeconds: dist(c.ivr.menuSeconds), deflected, hangUp, onward: shares(onward, ctx.queueNames) };
  }
  if (queue === undefined) problems.add([...at, 'next'], 'the queue the calls enter (next, or ivr.onward)', undefined);
  channel.queue = queue ?? '';
  channel.queueIndex = ctx.queueNames.indexOf(channel.queue);
  return channel;
}

function resolveQueue(name: string, q: WrittenScenario['queues'][string]): ResolvedQueue {
  const out: ResolvedQueue = { name, targetSeconds: q.targetSeconds };
  if (q.patienceSeconds !== undefined) out.patienceSeconds = dist(q.patienceSeconds);
  if (q.callback !== undefined) {
    out.callback = {
      offerAfterSeconds: q.callback.offerAfterSeconds,
      acceptProbability: q.callback.accept,
      reachProbability: q.callback.reach ?? 1,
      failedAttemptSeconds: q.callback.failedAttemptSeconds === undefined ? { fixed: 60 } : dist(q.callback.failedAttemptSeconds),
    };
  }
  if (q.redial !== undefined) out.redial = { probability: q.redial.probability, delaySeconds: dist(q.redial.delaySeconds) };
  return out;
}

/** The written policy form to the resolved `{ kind, ... }` form, checking queue names. */
export function resolveSelection(s: unknown, at: (string | number)[], ctx: CallContext): QueueSelectionSpec | undefined {
  return resolvePolicy(s, at, ctx.problems, 'queueSelection', (path, name) => ctx.problems.name(path, name, ctx.queueNames, 'a declared queue'));
}

/** Channels, queues, switchboard and handlers, with every reference checked. */
export function resolveCalls(w: WrittenScenario, ctx: CallContext): {
  channels: ResolvedChannel[];
  queues: ResolvedQueue[];
  switchboard?: ResolvedSwitchboard;
  handlers: ResolvedHandlers;
} {
  const { problems } = ctx;
  const channels = ctx.channelNames.map((name) => resolveChannel(name, w.channels[name], ctx));
  if (channels.length === 0) problems.add(['channels'], 'at least one channel', 'none', true);
  const queues = ctx.queueNames.map((name) => resolveQueue(name, w.queues[name]));
  if (queues.length === 0) problems.add(['queues'], 'at least one queue', 'none', true);

  let switchboard: ResolvedSwitchboard | undefined;
  if (w.switchboard !== undefined) {
    const s = w.switchboard;
    const queue = s.queue ?? 'switchboard';
    problems.name(['switchboard', s.queue === undefined ? 'routes' : 'queue'], queue, ctx.queueNames, 'a declared queue for the switchboard');
    for (const r of Object.keys(s.routes)) {
      if (r === queue) problems.add(['switchboard', 'routes', r], 'a route onward from the switchboard (not back into its own queue)', r);
      else if (r !== 'resolved') problems.name(['switchboard', 'routes', r], r, ctx.queueNames, '"resolved" or a declared queue');
    }
    problems.sumsToOne(['switchboard', 'routes'], Object.values(s.routes).reduce((a, b) => a + b, 0), 'route probabilities');
    switchboard = { queueIndex: ctx.queueNames.indexOf(queue), staff: asRoster(s.staff), handleSeconds: dist(s.handleSeconds), routes: shares(s.routes, ctx.queueNames) };
    if (s.wrapUpSeconds !== undefined) switchboard.wrapUpSeconds = dist(s.wrapUpSeconds);
  }

  const switchboardQueue = switchboard === undefined ? undefined : (w.switchboard?.queue ?? 'switchboard');
  const h = w.handlers;
  const seen = new Set<string>();
  const servedByPool = new Set<string>();
  const pools = h.pools.map((p, i) => {
    const at = ['handlers', 'pools', i];
    if (seen.has(p.name)) problems.add([...at, 'name'], 'a pool name not used by another pool', p.name);
    seen.add(p.name);
    p.serves.forEach((q, j) => {
      problems.name([...at, 'serves', j], q, ctx.queueNames, 'a declared queue');
      servedByPool.add(q);
    });
    if ((p.staff === undefined) === (p.roster === undefined)) problems.add([...at, 'staff'], 'exactly one of staff or roster', p.staff === undefined ? 'neither' : 'both', true);
    const roster = asRoster(p.roster ?? p.staff ?? 0);
    const pool: ResolvedPool = { name: p.name, queueIndices: p.serves.map((q) => ctx.queueNames.indexOf(q)), serves: p.serves, roster };
    if (p.queueSelection !== undefined) {
      const sel = resolveSelection(p.queueSelection, [...at, 'queueSelection'], ctx);
      if (sel) pool.queueSelection = sel;
    }
    return pool;
  });
  for (const q of Object.keys(h.handleSeconds)) problems.name(['handlers', 'handleSeconds', q], q, ctx.queueNames, 'a declared queue');
  for (const q of servedByPool) {
    if (ctx.queueNames.includes(q) && h.handleSeconds[q] === undefined) problems.add(['handlers', 'handleSeconds', q], `a handle-time distribution for queue ${JSON.stringify(q)} (a pool serves it)`, undefined);
  }
  for (const q of ctx.queueNames) {
    if (!servedByPool.has(q) && switchboardQueue !== q) problems.add(['queues', q], 'a queue answered by a handler pool (handlers.pools[].serves) or the switchboard', 'a queue nobody answers', true);
  }
  const handleSeconds: Record<string, DistributionSpec> = Object.fromEntries(Object.entries(h.handleSeconds).map(([q, d]) => [q, dist(d)]));
  const handlers: ResolvedHandlers = {
    pools,
    handleSecondsByQueue: ctx.queueNames.map((q) => (Object.hasOwn(handleSeconds, q) ? handleSeconds[q] : null)),
    handleSeconds,
  };
  if (h.wrapUpSeconds !== undefined) handlers.wrapUpSeconds = dist(h.wrapUpSeconds);
  return { channels, queues, switchboard, handlers };
}
