import type { QueueSelector, QueueView } from '../model/queue-selection-types.js';
import type { QueueSelectionSpec } from '../model/resolved.js';

export type { QueueSelector, QueueView };

type Factory<K extends QueueSelectionSpec['kind']> = (
  spec: Extract<QueueSelectionSpec, { kind: K }>,
  served: readonly string[],
) => QueueSelector;

/** Indices of `served` in the order of `order`; served queues the order omits come last. */
function ranked(order: readonly string[], served: readonly string[]): number[] {
  const indices = order.map((name) => served.indexOf(name)).filter((i) => i >= 0);
  served.forEach((_, i) => {
    if (!indices.includes(i)) indices.push(i);
  });
  return indices;
}

/** Serve the first non-empty queue of an ordered list. */
const strictPriority: Factory<'strictPriority'> = (spec, served) => {
  const order = ranked(spec.order, served);
  return (queues, now) => {
    for (const i of order) if (!Number.isNaN(queues[i].headEnteredAt(now))) return i;
    return -1;
  };
};

/** Serve the queue whose head has the largest weight x wait (weights default to 1). */
const longestWeightedWait: Factory<'longestWeightedWait'> = (spec, served) => {
  const weights = served.map((name) => spec.weights[name] ?? 1);
  return (queues, now) => {
    let best = -1;
    let bestScore = -Infinity;
    for (let i = 0; i < queues.length; i++) {
      const entered = queues[i].headEnteredAt(now);
      if (Number.isNaN(entered)) continue;
      const score = weights[i] * (now - entered);
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    }
    return best;
  };
};

/**
 * Strict priority, except that a caller at the head of `from` who has waited longer than
 * `afterSeconds` is served as if in `to`: at `to`'s rank, first come first served with `to`'s head.
 */
const ageing: Factory<'ageing'> = (spec, served) => {
  const order = ranked(spec.order, served);
  const from = served.indexOf(spec.from);
  const to = served.indexOf(spec.to);
  return (queues, now) => {
    for (const i of order) {
      const entered = queues[i].headEnteredAt(now);
      if (i === to && from >= 0) {
        const agedEntered = queues[from].headEnteredAt(now);
        const aged = !Number.isNaN(agedEntered) && now - agedEntered > spec.afterSeconds;
        if (aged && (Number.isNaN(entered) || agedEntered < entered)) return from;
      }
      if (!Number.isNaN(entered)) return i;
    }
    return -1;
  };
};

/** Strict priority, but queues other than `queue` are served only while more than `keep` handlers are free. */
const reserve: Factory<'reserve'> = (spec, served) => {
  const order = ranked(spec.order, served);
  const protectedQueue = served.indexOf(spec.queue);
  return (queues, now, freeHandlers) => {
    for (const i of order) {
      if (i !== protectedQueue && freeHandlers <= spec.keep) continue;
      if (!Number.isNaN(queues[i].headEnteredAt(now))) return i;
    }
    return -1;
  };
};

const registry: { [K in QueueSelectionSpec['kind']]: Factory<K> } = {
  strictPriority,
  longestWeightedWait,
  ageing,
  reserve,
};

/** Names of the registered queue-selection policies. */
export const QUEUE_SELECTION_POLICIES = Object.keys(registry) as QueueSelectionSpec['kind'][];

/** Build the selector a scenario names, for a pool serving `served` (queue names). */
export function makeQueueSelector(spec: QueueSelectionSpec, served: readonly string[]): QueueSelector {
  const factory = registry[spec.kind] as Factory<typeof spec.kind>;
  return factory(spec as never, served);
}
