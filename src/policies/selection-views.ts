/**
 * The read-only views a queue-selection policy is given: one per served queue and one of the pool,
 * built once per pool and pointed at the current instant before each decision (no allocation per
 * decision). Values are read from the model when the policy asks.
 */
import type { PoolLevels, QueueView } from '../model/queue-selection-types.js';
import type { HourlyQueueCounts } from './hour-counts.js';
import type { PoolState, QueueState } from './queue-policy.js';

/** The instant of the decision under way, shared by a pool's views. */
export class DecisionClock {
  now = 0;
  pool: PoolLevels = { name: '', present: 0, freeHandlers: 0 };
  constructor(readonly startSeconds: number) {}
}

export class QueueStateView implements QueueState {
  constructor(
    private readonly queue: QueueView,
    private readonly clock: DecisionClock,
    private readonly counts: HourlyQueueCounts | undefined,
  ) {}

  get name(): string {
    return this.queue.name;
  }

  get waiting(): number {
    // Settle callers whose patience ran out at the head first, so the count is the model's own.
    this.queue.headEnteredAt(this.clock.now);
    return this.queue.waiting;
  }

  get headEnteredAt(): number {
    return this.queue.headEnteredAt(this.clock.now);
  }

  get headWaitSeconds(): number {
    return this.clock.now - this.queue.headEnteredAt(this.clock.now);
  }

  get targetSeconds(): number {
    return this.queue.targetSeconds;
  }

  get offeredThisHour(): number {
    return this.counts === undefined ? NaN : this.counts.offeredAt(this.queue.index, this.clock.now);
  }

  get answeredWithinTargetThisHour(): number {
    return this.counts === undefined ? NaN : this.counts.answeredWithinTargetAt(this.queue.index, this.clock.now);
  }

  get abandonedThisHour(): number {
    return this.counts === undefined ? NaN : this.counts.abandonedAt(this.queue.index, this.clock.now);
  }
}

export class PoolStateView implements PoolState {
  constructor(private readonly clock: DecisionClock) {}

  get name(): string {
    return this.clock.pool.name;
  }

  get size(): number {
    return this.clock.pool.present;
  }

  get freeHandlers(): number {
    return this.clock.pool.freeHandlers;
  }

  get now(): number {
    return this.clock.now;
  }

  get secondOfDay(): number {
    const s = (this.clock.startSeconds + this.clock.now) % 86_400;
    return s < 0 ? s + 86_400 : s;
  }

  get hourOfDay(): number {
    return Math.floor(this.secondOfDay / 3600);
  }
}
