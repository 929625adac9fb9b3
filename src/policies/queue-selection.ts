/**
 * Building a pool's queue selector from a scenario's spec: the registered policy's chooser, given
 * read-only views, and guarded so that a policy that throws or picks a queue it may not ends the
 * run with a PolicyError naming it.
 */
import type { QueueSelector, QueueView } from '../model/queue-selection-types.js';
import type { QueueSelectionSpec } from '../model/resolved.js';
import type { HourlyQueueCounts } from './hour-counts.js';
import { PolicyError } from './policy-error.js';
import { queuePolicy, queuePolicyNames } from './registry.js';
import { DecisionClock, PoolStateView, QueueStateView } from './selection-views.js';

export type { QueueSelector, QueueView };

/** What a selector needs beyond the spec: the calendar anchor and, when a run feeds them, this hour's counts. */
export interface SelectionContext {
  startEpochMs: number;
  counts?: HourlyQueueCounts;
}

/** Names of the registered queue-selection policies. */
export const QUEUE_SELECTION_POLICIES: readonly string[] = queuePolicyNames();

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Build the selector a scenario names, for a pool serving `served` (queue names). */
export function makeQueueSelector(spec: QueueSelectionSpec, served: readonly string[], context: SelectionContext = { startEpochMs: 0 }): QueueSelector {
  const { kind, ...params } = spec;
  const entry = queuePolicy(kind);
  if (entry === undefined) throw new PolicyError(kind, `no queue-selection policy of this name is registered in this thread (registered: ${queuePolicyNames().join(', ')})`);
  // A built-in's own selector makes the same choices without views and guards (per call: issue 12).
  if (entry.builtIn && entry.definition.direct !== undefined) return entry.definition.direct(params as never, served);
  let choose;
  try {
    choose = entry.definition.create(params as never, served);
  } catch (error) {
    throw new PolicyError(kind, `create failed: ${message(error)}`);
  }
  if (typeof choose !== 'function') throw new PolicyError(kind, `create must return a function (queues, pool) => index, found ${typeof choose}`);
  const clock = new DecisionClock(context.startEpochMs / 1000);
  const pool = new PoolStateView(clock);
  let views: QueueStateView[] = [];
  let viewed: readonly QueueView[] | null = null;
  return (queues, now, levels) => {
    // A pool passes the same list of its queues every time: its views are built once.
    if (queues !== viewed) {
      views = queues.map((q) => new QueueStateView(q, clock, context.counts));
      viewed = queues;
    }
    clock.now = now;
    clock.pool = levels;
    let choice: number;
    try {
      choice = choose(views, pool);
    } catch (error) {
      throw new PolicyError(kind, `threw at ${now} s: ${message(error)}`);
    }
    if (choice === -1) return -1;
    if (!Number.isInteger(choice) || choice < 0 || choice >= queues.length) {
      throw new PolicyError(kind, `returned ${String(choice)} at ${now} s: expected -1 or the index (0 to ${queues.length - 1}) of a served queue`);
    }
    if (Number.isNaN(queues[choice].headEnteredAt(now))) throw new PolicyError(kind, `chose queue ${queues[choice].name} at ${now} s, where nobody waits`);
    return choice;
  };
}
