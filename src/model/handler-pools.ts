import type { Calendar } from '../engine/calendar.js';
import { SameInstant } from '../engine/priorities.js';
import type { RosterSpec } from '../engine/profile-types.js';
import { rosterPieces } from '../engine/roster.js';
import type { Simulator } from '../engine/simulator.js';
import type { CallQueue } from './call-queue.js';
import { Call } from './call.js';
import type { GradingHandoff } from './grading-handoff.js';
import { Handler, HandlerPool } from './handler-pool.js';
import type { Journey } from './journey.js';
import type { ModelMonitor } from './monitor.js';
import type { QueueSelectorFactory } from './queue-selection-types.js';
import type { FreeHandlers, QueueStage } from './queue-stage.js';
import type { QueueSelectionSpec } from './resolved.js';
import type { Switchboard } from './switchboard.js';
import { isOutbound } from './victim-update.js';

/** One pool as the scenario gives it: handler pools in order, then the switchboard's operators. */
export interface PoolSpec {
  name: string;
  /** Indices of the queues the pool serves, in its order. */
  queueIndices: readonly number[];
  roster: RosterSpec;
  selection: QueueSelectionSpec;
}

/** True when `a`'s longest-idle handler has been idle longer than `b`'s (ties: the earlier pool). */
function idleBefore(a: HandlerPool, b: HandlerPool): boolean {
  const x = a.idle[0].idleSince;
  const y = b.idle[0].idleSince;
  return x < y || (x === y && a.index < b.index);
}

interface RosterStep {
  pool: HandlerPool;
  headcount: number;
}

/**
 * The handler pools (and the switchboard's operators): rosters change the headcount; a free
 * handler takes the call its pool's queue-selection policy picks, the one idle longest first;
 * after talk and wrap-up the call goes on (switchboard), ends, or is handed to grading.
 */
export class HandlerPools implements FreeHandlers {
  readonly pools: HandlerPool[];
  /** Every handler ever on duty per pool (to find calls in service at the horizon). */
  private readonly handlersOf: Handler[][];
  /** The hand-off to grading and dispatch, when the scenario models them (set by `handOverTo`). */
  private grading: GradingHandoff | null = null;

  /** Scratch list of `offer`'s candidate pools (no array per offer). */
  private readonly candidates: HandlerPool[] = [];

  private readonly sim: Simulator;
  private readonly monitor: ModelMonitor;

  constructor(
    specs: readonly PoolSpec[],
    private readonly queueStage: QueueStage,
    selector: QueueSelectorFactory,
    private readonly switchboard: Switchboard,
    private readonly journey: Journey,
  ) {
    this.sim = journey.sim;
    this.monitor = journey.monitor;
    const queues = queueStage.queues;
    this.pools = specs.map((p, i) => {
      const served = p.queueIndices.map((q) => queues[q]);
      served.forEach((q) => q.poolIndices.push(i));
      // A policy sees the served queues' names as labels (its parameters name queues as written).
      return new HandlerPool(i, p.name, served, selector(p.selection, served.map((q) => q.name)));
    });
    this.handlersOf = this.pools.map(() => []);
  }

  /** Answered calls go to grading and dispatch; made victim updates are reported there. */
  handOverTo(grading: GradingHandoff): void {
    this.grading = grading;
  }

  /** Headcount at 0, then an event at each change of each pool's roster. */
  startRosters(specs: readonly PoolSpec[], calendar: Calendar, horizon: number): void {
    specs.forEach((p, i) => {
      const pool = this.pools[i];
      const pieces = rosterPieces(p.roster, calendar, horizon);
      this.changeHeadcount(pool, pieces.values[0]);
      for (const at of pieces.changeTimes()) {
        if (at < horizon) this.sim.post(at, this.onRosterStep, { pool, headcount: pieces.valueAt(at) }, SameInstant.capacity);
      }
    });
  }

  /** Work joined `queue`: the free handler idle longest among the pools serving it may take work. */
  offer(queue: CallQueue): void {
    const now = this.sim.now;
    const poolIndices = queue.poolIndices;
    if (poolIndices.length === 1) {
      const pool = this.pools[poolIndices[0]];
      if (pool.idle.length === 0) return;
      const target = pool.pick(now);
      if (target !== undefined) this.serve(pool, pool.idle.shift() as Handler, target);
      return;
    }
    // Several pools serve this queue: try them in order of their longest-idle handler (ties: pool
    // order). The candidates are sorted into a reused scratch list: offers are per call, and the
    // arrays of map/filter/sort were a tenth of the run's allocation (issue 12).
    const candidates = this.candidates;
    let count = 0;
    for (let k = 0; k < poolIndices.length; k++) {
      const pool = this.pools[poolIndices[k]];
      if (pool.idle.length === 0) continue;
      // Insertion sort: a pool moves ahead of every earlier candidate that has been idle less long.
      let at = count++;
      while (at > 0 && idleBefore(pool, candidates[at - 1])) {
        candidates[at] = candidates[at - 1];
        at--;
      }
      candidates[at] = pool;
    }
    for (let k = 0; k < count; k++) {
      const pool = candidates[k];
      const target = pool.pick(now);
      if (target !== undefined) {
        this.serve(pool, pool.idle.shift() as Handler, target);
        return;
      }
    }
  }

  /** At the horizon: calls in a handler's hands are open (outbound work is not a call). */
  settle(horizon: number): void {
    for (const handlers of this.handlersOf) {
      for (const handler of handlers) if (handler.work instanceof Call) this.journey.end(handler.work, 'open', horizon);
    }
  }

  /** While the pool has free handlers and its policy picks a queue, the one idle longest serves. */
  private fillIdle(pool: HandlerPool): void {
    const now = this.sim.now;
    while (pool.idle.length > 0) {
      const target = pool.pick(now);
      if (target === undefined) return;
      this.serve(pool, pool.idle.shift() as Handler, target);
    }
  }

  private serve(pool: HandlerPool, handler: Handler, queue: CallQueue): void {
    const now = this.sim.now;
    const work = queue.take();
    if (isOutbound(work)) {
      // Outbound work: no caller waited, so the queue's figures do not see it.
      handler.work = work;
      this.occupy(pool, handler, now + work.handleSeconds);
      return;
    }
    const call = work;
    this.queueStage.answered(call);
    const answerSeconds = now - call.enteredQueueAt + (call.inEntryQueue ? call.transferSeconds : 0);
    let talkSeconds = call.visit.handleSeconds;
    const offers = call.offers;
    if (offers !== null && !Number.isNaN(offers.callbackAcceptedAt)) {
      // A callback: the caller kept their place; the handler now calls them back.
      const reached = offers.reachDraw < (queue.spec.callback?.reachProbability ?? 1);
      if (!reached) {
        talkSeconds = offers.failedAttemptSeconds;
        call.outcome = 'callbackFailed';
      }
      this.monitor.queueLeft(queue.index, now, reached ? 'callbackReached' : 'callbackFailed', answerSeconds, call);
    } else {
      call.answerSeconds = answerSeconds;
      this.monitor.queueLeft(queue.index, now, 'answered', answerSeconds, call);
    }
    // THRIVE and identification time (zero unless the scenario models it); the switchboard does neither.
    if (call.callerCase !== null && call.outcome !== 'callbackFailed' && !this.switchboard.answered(call)) {
      // Under load, THRIVE's chance is fixed by the caller's wait in this queue (before the talk's length and any grading).
      this.grading?.assessAtAnswer(call.callerCase, now - call.enteredQueueAt);
      talkSeconds += call.callerCase.assessmentSeconds;
      // The incident may be created while the caller is on the line (dispatch.createIncidentAfterSeconds).
      this.grading?.answered(call, talkSeconds);
    }
    handler.answeredAt = now;
    handler.work = call;
    this.occupy(pool, handler, now + talkSeconds);
  }

  /** The handler is busy until `until` (end of talk). */
  private occupy(pool: HandlerPool, handler: Handler, until: number): void {
    pool.busy++;
    this.monitor.poolLevel(pool.index, this.sim.now, pool.busy, pool.present);
    this.sim.post(until, this.onTalkEnd, handler, SameInstant.release);
  }

  private readonly onTalkEnd = (handler: Handler): void => {
    const journey = this.journey;
    const now = this.sim.now;
    const work = handler.work;
    handler.work = null;
    if (work === null) return;
    if (isOutbound(work)) {
      this.grading?.victimUpdated(work, now);
      this.release(handler);
      return;
    }
    const wrapUp = work.visit.wrapUpSeconds;
    if (this.switchboard.answered(work)) {
      this.switchboard.afterOperator(work, now);
    } else if (work.outcome === 'callbackFailed') {
      journey.end(work, 'callbackFailed', now);
    } else {
      this.grading?.handOver(work, handler.answeredAt);
      journey.end(work, 'answered', now);
    }
    if (wrapUp > 0) this.sim.post(now + wrapUp, this.onRelease, handler, SameInstant.release);
    else this.release(handler);
  };

  private readonly onRelease = (handler: Handler): void => {
    this.release(handler);
  };

  private release(handler: Handler): void {
    const now = this.sim.now;
    const pool = this.pools[handler.poolIndex];
    pool.busy--;
    if (pool.owedDepartures > 0) {
      pool.owedDepartures--;
      pool.present--;
    } else {
      handler.idleSince = now;
      pool.idle.push(handler);
      this.fillIdle(pool);
    }
    this.monitor.poolLevel(pool.index, now, pool.busy, pool.present);
  }

  private readonly onRosterStep = (step: RosterStep): void => {
    this.changeHeadcount(step.pool, step.headcount);
  };

  private changeHeadcount(pool: HandlerPool, headcount: number): void {
    const now = this.sim.now;
    const before = pool.idle.length;
    if (pool.setHeadcount(headcount, now)) {
      for (let i = before; i < pool.idle.length; i++) this.handlersOf[pool.index].push(pool.idle[i]);
      this.fillIdle(pool);
    }
    this.monitor.poolLevel(pool.index, now, pool.busy, pool.present);
  }
}
