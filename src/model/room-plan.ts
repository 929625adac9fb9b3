import { makeDistribution, type Distribution } from '../engine/distributions.js';
import type { QueueDraws } from './caller-factory.js';
import type { PoolSpec } from './handler-pools.js';
import { IvrMenu } from './ivr.js';
import type { ResolvedScenario } from './resolved.js';
import { SwitchboardRoutes, switchboardPool } from './switchboard.js';

const distribution = (spec: unknown): Distribution | null => (spec === undefined ? null : makeDistribution(spec));

/**
 * The resolved scenario by index, as the stages use it: queue names become indices, written
 * distributions become samplers, routes and menus become tables. Everything was checked when
 * `src/scenario/` resolved the file, so nothing here reports to a user.
 */
export class RoomPlan {
  private readonly queueIndex: ReadonlyMap<string, number>;
  /** The switchboard's queue, or -1 without a switchboard. */
  readonly switchboardQueue: number;
  /** By queue index: what a call draws for a visit there. */
  readonly draws: QueueDraws;
  /** By channel index: BT's transfer time, and the IVR menu. */
  readonly btTransfer: readonly (Distribution | null)[];
  readonly ivr: readonly (IvrMenu | null)[];
  readonly routes: SwitchboardRoutes | null;
  /** Handler pools in scenario order, then the switchboard's operators. */
  readonly pools: readonly PoolSpec[];

  constructor(scenario: ResolvedScenario) {
    this.queueIndex = new Map(scenario.queues.map((q, i) => [q.name, i]));
    const board = scenario.switchboard;
    const switchboardQueue = board ? this.queueIndexOf(board.queue) : -1;
    this.switchboardQueue = switchboardQueue;
    const queues = scenario.queues;
    const handlers = scenario.handlers;
    this.draws = {
      patience: queues.map((q) => distribution(q.patienceSeconds)),
      handle: queues.map((q, i) => distribution(i === switchboardQueue ? board!.handleSeconds : handlers.handleSeconds[q.name])),
      wrapUp: queues.map((_, i) => distribution(i === switchboardQueue ? board!.wrapUpSeconds : handlers.wrapUpSeconds)),
      callbackFailedAttempt: queues.map((q) => distribution(q.callback?.failedAttemptSeconds)),
      redialDelay: queues.map((q) => distribution(q.redial?.delaySeconds)),
      hasCallback: queues.map((q) => q.callback !== undefined),
      hasRedial: queues.map((q) => q.redial !== undefined),
    };
    const indexOf = (name: string): number => this.queueIndexOf(name);
    this.btTransfer = scenario.channels.map((c) => distribution(c.btTransferSeconds));
    this.ivr = scenario.channels.map((c) => (c.ivr === undefined ? null : new IvrMenu(c.ivr, makeDistribution(c.ivr.menuSeconds), indexOf)));
    this.routes = board ? new SwitchboardRoutes(switchboardQueue, board.routes, indexOf) : null;
    const policy = scenario.policy.queueSelection;
    const pools: PoolSpec[] = handlers.pools.map((p) => ({ name: p.name, serves: p.serves, roster: p.roster, selection: p.queueSelection ?? policy }));
    if (board) pools.push(switchboardPool(board));
    this.pools = pools;
  }

  /** Index of a queue the scenario declares (the scenario layer checked every reference). */
  queueIndexOf(name: string): number {
    const i = this.queueIndex.get(name);
    // Reached only through a bug: src/scenario/ refuses a scenario naming an undeclared queue.
    if (i === undefined) throw new Error(`internal: queue '${name}' is not in the resolved scenario`);
    return i;
  }
}
