import type { Call } from './call.js';
import type { Journey, QueueEntrance } from './journey.js';
import type { PoolSpec } from './handler-pools.js';
import type { QueueShare, ResolvedSwitchboard } from './resolved.js';

/** The name the switchboard's operators report under. */
export const SWITCHBOARD_POOL = 'switchboard';

/** Switchboard routes: cumulative probabilities over targets (-1: resolved by the operator). */
export class SwitchboardRoutes {
  private readonly cumulative: Float64Array;
  private readonly target: Int32Array;

  constructor(
    /** The queue the operators serve. */
    readonly queueIndex: number,
    routes: readonly QueueShare[],
  ) {
    this.cumulative = new Float64Array(routes.length);
    this.target = new Int32Array(routes.length);
    let acc = 0;
    routes.forEach((route, i) => {
      acc += route.probability;
      this.cumulative[i] = acc;
      this.target[i] = route.queueIndex;
    });
  }

  /** The queue a call goes to after the operator for the uniform draw `u`, or -1 when resolved. */
  pick(u: number): number {
    const cumulative = this.cumulative;
    let i = 0;
    while (i < cumulative.length - 1 && u >= cumulative[i]) i++;
    return this.target[i];
  }
}

/** The operators as a pool: they serve the switchboard's queue (named `queueName`) alone, in arrival order. */
export function switchboardPool(board: ResolvedSwitchboard, queueName: string): PoolSpec {
  return { name: SWITCHBOARD_POOL, queueIndices: [board.queueIndex], roster: board.staff, selection: { kind: 'strictPriority', order: [queueName] } };
}

/**
 * The switchboard: operators answer 101 calls after the IVR and either resolve them or route them
 * to a handler queue (primary or secondary). The route was drawn when the call arrived.
 */
export class Switchboard {
  constructor(
    /** The switchboard's queue, or -1 when the scenario has none. */
    readonly queueIndex: number,
    private readonly journey: Journey,
    private readonly next: QueueEntrance,
  ) {}

  /** True when the call in hand was answered by an operator (not yet routed on). */
  answered(call: Call): boolean {
    return call.inEntryQueue && call.visit.queueIndex === this.queueIndex;
  }

  /** The operator has finished: the call goes to its handler queue, or was resolved. */
  afterOperator(call: Call, now: number): void {
    if (call.routedVisit !== null) this.next.enter(call, call.routedVisit);
    else this.journey.end(call, 'resolved', now);
  }
}
