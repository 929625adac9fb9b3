import { makeDistribution, type Distribution } from '../engine/distributions.js';
import type { QueueDraws } from './caller-factory.js';
import type { PoolSpec } from './handler-pools.js';
import { IvrMenu } from './ivr.js';
import type { ResolvedScenario } from './resolved.js';
import { SwitchboardRoutes, switchboardPool } from './switchboard.js';

const distribution = (spec: unknown): Distribution | null => (spec === undefined ? null : makeDistribution(spec));

/**
 * The resolved scenario as the stages use it: written distributions become samplers, routes and
 * menus become tables. Everything was checked, and every reference made an index, when
 * `src/scenario/` resolved the file, so nothing here looks up a name or reports to a user.
 */
export class RoomPlan {
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
    const board = scenario.switchboard;
    const switchboardQueue = board ? board.queueIndex : -1;
    this.switchboardQueue = switchboardQueue;
    const queues = scenario.queues;
    const handlers = scenario.handlers;
    this.draws = {
      patience: queues.map((q) => distribution(q.patienceSeconds)),
      handle: queues.map((_, i) => distribution(i === switchboardQueue ? board!.handleSeconds : handlers.handleSecondsByQueue[i])),
      wrapUp: queues.map((_, i) => distribution(i === switchboardQueue ? board!.wrapUpSeconds : handlers.wrapUpSeconds)),
      callbackFailedAttempt: queues.map((q) => distribution(q.callback?.failedAttemptSeconds)),
      redialDelay: queues.map((q) => distribution(q.redial?.delaySeconds)),
      hasCallback: queues.map((q) => q.callback !== undefined),
      hasRedial: queues.map((q) => q.redial !== undefined),
    };
    this.btTransfer = scenario.channels.map((c) => distribution(c.btTransferSeconds));
    this.ivr = scenario.channels.map((c) => (c.ivr === undefined ? null : new IvrMenu(c.ivr, makeDistribution(c.ivr.menuSeconds))));
    this.routes = board ? new SwitchboardRoutes(switchboardQueue, board.routes) : null;
    const policy = scenario.policy.queueSelection;
    const pools: PoolSpec[] = handlers.pools.map((p) => ({ name: p.name, queueIndices: p.queueIndices, roster: p.roster, selection: p.queueSelection ?? policy }));
    if (board) pools.push(switchboardPool(board, queues[switchboardQueue].name));
    this.pools = pools;
  }
}
