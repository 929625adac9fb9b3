import { Calendar } from '../engine/calendar.js';
import { makeDistribution, type Distribution } from '../engine/distributions.js';
import { SameInstant } from '../engine/priorities.js';
import type { StreamFactory } from '../engine/random.js';
import { rosterPieces } from '../engine/roster.js';
import { Simulator } from '../engine/simulator.js';
import { channelRate, ProfileArrivals, TraceArrivals, type ArrivalSource } from './arrival-sources.js';
import { Call } from './call.js';
import { CallQueue } from './call-queue.js';
import { CallerFactory, type QueueDraws } from './caller-factory.js';
import { Switchboard, SwitchboardRoutes, switchboardPool } from './switchboard.js';
import { IvrMenu } from './ivr.js';
import { TransferLeg } from './bt-transfer.js';
import { QueueStage } from './queue-stage.js';
import { Handler, HandlerPool } from './handler-pool.js';
import type { CallOutcome, ModelMonitor } from './monitor.js';
import type { QueueSelectorFactory } from './queue-selection-types.js';
import type { CallerCase } from './dispatch/caller-case.js';
import { DispatchCentre } from './dispatch/dispatch-centre.js';
import type { DispatchPolicyFactory } from './dispatch/policy-types.js';
import type { ResolvedScenario } from './resolved.js';
import { VictimUpdateJob } from './victim-update.js';
import { GradingHandoff } from './grading-handoff.js';
import { Journey } from './journey.js';

/** Options for one run of the control room. */
export interface ControlRoomOptions {
  /** Builds each pool's queue selector (the policies layer's registry). */
  queueSelector: QueueSelectorFactory;
  /** Builds the dispatch policy (the policies layer's registry); needed when the scenario grades calls. */
  dispatchPolicy?: DispatchPolicyFactory;
  /** Every call as it ends (for `--trace-out` and `generate`). */
  callSink?: (call: Call) => void;
}

interface RosterStep {
  pool: HandlerPool;
  headcount: number;
}

/**
 * The control room as a discrete-event model: channels offer calls, which pass BT's transfer or
 * the IVR, wait in queues (switchboard, primary, secondary, 999), are served by handler pools
 * under a queue-selection policy, and leave answered, abandoned, deflected or resolved. Results
 * go to a ModelMonitor; no statistic is computed here.
 */
export class ControlRoom {
  readonly sim = new Simulator();
  readonly calendar: Calendar;
  readonly queues: CallQueue[];
  readonly pools: HandlerPool[];
  /** Every handler ever on duty per pool (to find calls in service at the horizon). */
  private readonly handlersOf: Handler[][];
  private readonly factories: CallerFactory[];
  private readonly chaseFactories: CallerFactory[];
  /** Grading and dispatch, when the scenario models them. */
  readonly dispatch: DispatchCentre | null = null;
  private readonly sources: ArrivalSource[];
  private readonly switchboardQueue: number;
  private readonly switchboard: Switchboard;
  private readonly handleDistributions: (Distribution | null)[];
  private readonly transferLeg: TransferLeg;
  private readonly queueStage: QueueStage;
  private readonly journey: Journey;
  /** The hand-off to grading and dispatch, when the scenario models them. */
  private readonly grading: GradingHandoff | null = null;

  constructor(
    readonly scenario: ResolvedScenario,
    streams: StreamFactory,
    private readonly monitor: ModelMonitor,
    options: ControlRoomOptions,
  ) {
    this.calendar = new Calendar(scenario.startEpochMs);
    this.journey = new Journey(this.sim, monitor, options.callSink);
    const horizon = scenario.horizonSeconds;
    const queueIndex = new Map(scenario.queues.map((q, i) => [q.name, i]));
    const indexOf = (name: string): number => {
      const i = queueIndex.get(name);
      if (i === undefined) throw new Error(`unknown queue '${name}' (the scenario layer should have caught this)`);
      return i;
    };
    const dist = (spec: unknown, path: string): Distribution | null => (spec === undefined ? null : makeDistribution(spec, path));

    const board = scenario.switchboard;
    this.switchboardQueue = board ? indexOf(board.queue) : -1;
    const patience = scenario.queues.map((q) => dist(q.patienceSeconds, `queues.${q.name}.patienceSeconds`));

    this.handleDistributions = scenario.queues.map((q, i) =>
      i === this.switchboardQueue ? dist(board!.handleSeconds, 'switchboard.handleSeconds') : dist(scenario.handlers.handleSeconds[q.name], `handlers.handleSeconds.${q.name}`),
    );
    const draws: QueueDraws = {
      patience,
      handle: this.handleDistributions,
      wrapUp: scenario.queues.map((_, i) =>
        i === this.switchboardQueue ? dist(board!.wrapUpSeconds, 'switchboard.wrapUpSeconds') : dist(scenario.handlers.wrapUpSeconds, 'handlers.wrapUpSeconds'),
      ),
      callbackFailedAttempt: scenario.queues.map((q) => dist(q.callback?.failedAttemptSeconds, `queues.${q.name}.callback.failedAttemptSeconds`)),
      redialDelay: scenario.queues.map((q) => dist(q.redial?.delaySeconds, `queues.${q.name}.redial.delaySeconds`)),
      hasCallback: scenario.queues.map((q) => q.callback !== undefined),
      hasRedial: scenario.queues.map((q) => q.redial !== undefined),
    };
    const routes = board ? new SwitchboardRoutes(this.switchboardQueue, board.routes, indexOf) : null;
    const ivrs = scenario.channels.map((c) => (c.ivr === undefined ? null : new IvrMenu(c.ivr, makeDistribution(c.ivr.menuSeconds, `channels.${c.name}.ivr.menuSeconds`), indexOf)));
    const makeFactory = (prefix: (name: string) => string) =>
      scenario.channels.map(
        (c, i) =>
          new CallerFactory(c, i, streams, prefix(c.name), indexOf, draws, dist(c.btTransferSeconds, `channels.${c.name}.btTransferSeconds`), ivrs[i], routes, scenario.warmupSeconds),
      );
    this.factories = makeFactory((name) => name);
    this.chaseFactories = makeFactory((name) => `${name}.chase`);
    this.queueStage = new QueueStage(scenario.queues, patience, this.journey, makeFactory((name) => `${name}.redial`), horizon);
    this.queues = this.queueStage.queues;
    this.switchboard = new Switchboard(this.switchboardQueue, this.journey, this.queueStage);
    this.transferLeg = new TransferLeg(this.journey, this.queueStage);
    this.queueStage.connect({ offer: (queue) => this.offerToFreeHandler(queue) }, this.transferLeg);

    // Pools: handler pools in scenario order, then the switchboard's operators.
    const policy = scenario.policy.queueSelection;
    const poolSpecs = scenario.handlers.pools.map((p) => ({ name: p.name, serves: p.serves, roster: p.roster, selection: p.queueSelection ?? policy }));
    if (board) poolSpecs.push(switchboardPool(board));
    this.pools = poolSpecs.map((p, i) => {
      const served = p.serves.map((name) => this.queues[indexOf(name)]);
      served.forEach((q) => q.poolIndices.push(i));
      return new HandlerPool(i, p.name, served, options.queueSelector(p.selection, p.serves));
    });
    this.handlersOf = this.pools.map(() => []);

    monitor.begin({
      startEpochMs: scenario.startEpochMs,
      horizonSeconds: horizon,
      warmupSeconds: scenario.warmupSeconds,
      channels: scenario.channels.map((c) => c.name),
      queues: scenario.queues.map((q) => ({ name: q.name, targetSeconds: q.targetSeconds })),
      pools: this.pools.map((p) => p.name),
      areas: (scenario.dispatch?.areas ?? []).map((a) => ({ name: a.name, kind: a.kind })),
    });

    if (scenario.grading !== undefined || scenario.dispatch !== undefined) {
      if (options.dispatchPolicy === undefined) throw new Error('a scenario with grading or dispatch needs a dispatch policy factory');
      this.dispatch = new DispatchCentre({
        sim: this.sim,
        scenario,
        streams,
        calendar: this.calendar,
        monitor,
        policy: options.dispatchPolicy,
        hooks: { offerChasingCall: this.offerChasingCall, victimUpdateWork: this.victimUpdateWork },
      });
      this.grading = new GradingHandoff(this.dispatch);
    }

    // Rosters: headcount at 0, then an event at each change.
    poolSpecs.forEach((p, i) => {
      const pool = this.pools[i];
      const path = i < scenario.handlers.pools.length ? `handlers.pools[${i}].roster` : 'switchboard.staff';
      const pieces = rosterPieces(p.roster, this.calendar, horizon, path);
      this.changeHeadcount(pool, pieces.values[0]);
      for (const at of pieces.changeTimes()) {
        if (at < horizon) this.sim.schedule(at, this.onRosterStep, { pool, headcount: pieces.valueAt(at) }, SameInstant.capacity);
      }
    });

    // Arrivals: replayed from the trace, or generated from each channel's profile.
    if (scenario.trace !== undefined) {
      this.sources = scenario.channels.map((c, i) => {
        const rows = scenario.trace!.filter((row) => row.channel === c.name).sort((a, b) => a.arrivalSeconds - b.arrivalSeconds);
        return new TraceArrivals(i, rows, horizon);
      });
    } else {
      this.sources = scenario.channels.map((c, i) => new ProfileArrivals(i, channelRate(c, this.calendar, horizon, streams), streams, c.name, horizon));
    }
    for (const source of this.sources) this.scheduleArrival(source);
  }

  /** Run to the horizon and settle what is left. */
  run(): void {
    const horizon = this.scenario.horizonSeconds;
    this.sim.run(horizon);
    this.settleAtHorizon(horizon);
    this.dispatch?.finish(horizon);
    this.monitor.end(horizon);
  }

  // ---- arrivals and the way to a queue ----

  private scheduleArrival(source: ArrivalSource): void {
    const at = source.next();
    if (at !== Infinity) this.sim.schedule(at, this.onArrival, source, SameInstant.arrival);
  }

  private readonly onArrival = (source: ArrivalSource): void => {
    const call = this.factories[source.channelIndex].create(this.journey.newId(), this.sim.now, -1, -1, source.row);
    this.grading?.drawCase(call, source.channelIndex, source.row);
    this.scheduleArrival(source);
    this.transferLeg.begin(call);
  };

  /**
   * Dispatch's hook: an update owed to a victim becomes outbound handler work in `queue`. It is
   * not an offered call: it is never counted in the queue's figures, but it takes handler time.
   */
  private readonly victimUpdateWork = (queueName: string, handleSeconds: number, at: number, incidentId: number): void => {
    const queue = this.queues.find((q) => q.name === queueName);
    if (queue === undefined) throw new Error(`dispatch.victimUpdates.queue: unknown queue '${queueName}'`);
    const handle = Number.isNaN(handleSeconds) ? (this.handleDistributions[queue.index]?.mean ?? 0) : handleSeconds;
    queue.push(new VictimUpdateJob(this.journey.newId(), incidentId, queue.index, handle, at));
    this.offerToFreeHandler(queue);
  };

  /** Dispatch's hook: a caller waiting for attendance calls again, as a new offered call. */
  private readonly offerChasingCall = (channel: string, at: number, incidentId: number, caller: CallerCase): void => {
    const index = this.scenario.channels.findIndex((c) => c.name === channel);
    const call = this.chaseFactories[index].create(this.journey.newId(), at, -1, incidentId);
    call.caseRef = caller;
    this.sim.schedule(at, this.onRedial, call, SameInstant.arrival);
  };

  private readonly onRedial = (call: Call): void => {
    this.transferLeg.begin(call);
  };

  // ---- handlers ----

  /** A caller joined `queue`: the free handler idle longest among the pools serving it may take work. */
  private offerToFreeHandler(queue: CallQueue): void {
    const now = this.sim.now;
    const poolIndices = queue.poolIndices;
    if (poolIndices.length === 1) {
      const pool = this.pools[poolIndices[0]];
      if (pool.idle.length === 0) return;
      const target = pool.pick(now);
      if (target !== undefined) this.serve(pool, pool.idle.shift() as Handler, target);
      return;
    }
    // Several pools serve this queue: try them in order of their longest-idle handler.
    const candidates = poolIndices.map((i) => this.pools[i]).filter((pool) => pool.idle.length > 0);
    candidates.sort((a, b) => a.idle[0].idleSince - b.idle[0].idleSince || a.index - b.index);
    for (const pool of candidates) {
      const target = pool.pick(now);
      if (target !== undefined) {
        this.serve(pool, pool.idle.shift() as Handler, target);
        return;
      }
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
    if (work instanceof VictimUpdateJob) {
      // Outbound work: no caller waited, so the queue's figures do not see it.
      handler.work = work;
      this.occupy(pool, handler, now + work.handleSeconds);
      return;
    }
    const call = work;
    this.queueStage.answered(call);
    const answerSeconds = now - call.enteredQueueAt + (call.inEntryQueue ? call.transferSeconds : 0);
    let talkSeconds = call.visit.handleSeconds;
    if (!Number.isNaN(call.callbackAcceptedAt)) {
      // A callback: the caller kept their place; the handler now calls them back.
      const reached = call.reachDraw < (queue.spec.callback?.reachProbability ?? 1);
      if (!reached) {
        talkSeconds = call.failedAttemptSeconds;
        call.outcome = 'callbackFailed';
      }
      this.monitor.queueLeft(queue.index, now, reached ? 'callbackReached' : 'callbackFailed', answerSeconds, call);
    } else {
      call.answerSeconds = answerSeconds;
      this.monitor.queueLeft(queue.index, now, 'answered', answerSeconds, call);
    }
    call.answeredAt = now;
    handler.work = call;
    this.occupy(pool, handler, now + talkSeconds);
  }

  /** The handler is busy until `until` (end of talk). */
  private occupy(pool: HandlerPool, handler: Handler, until: number): void {
    pool.busy++;
    this.monitor.poolLevel(pool.index, this.sim.now, pool.busy, pool.present);
    this.sim.schedule(until, this.onTalkEnd, handler, SameInstant.release);
  }

  private readonly onTalkEnd = (handler: Handler): void => {
    const now = this.sim.now;
    const call = handler.work;
    handler.work = null;
    if (call instanceof VictimUpdateJob) {
      this.dispatch?.victimUpdateMade(call.incidentId, now);
      this.release(handler);
      return;
    }
    if (call === null) return;
    const wrapUp = call.visit.wrapUpSeconds;
    if (this.switchboard.answered(call)) {
      this.switchboard.afterOperator(call, now);
    } else if (call.outcome === 'callbackFailed') {
      this.end(call, 'callbackFailed', now);
    } else {
      this.grading?.handOver(call);
      this.end(call, 'answered', now);
    }
    if (wrapUp > 0) this.sim.schedule(now + wrapUp, this.onRelease, handler, SameInstant.release);
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
    const before = pool.idle.length;
    if (pool.setHeadcount(headcount, this.sim.now)) {
      for (let i = before; i < pool.idle.length; i++) this.handlersOf[pool.index].push(pool.idle[i]);
      this.fillIdle(pool);
    }
    this.monitor.poolLevel(pool.index, this.sim.now, pool.busy, pool.present);
  }

  private end(call: Call, outcome: CallOutcome, at: number): void {
    this.journey.end(call, outcome, at);
  }

  /** Calls offered so far (first calls, redials and chasing calls). */
  get callsOffered(): number {
    return this.journey.callsOffered;
  }

  /** At the horizon: settle expired waits, and report every call still in the system as open. */
  private settleAtHorizon(horizon: number): void {
    this.queueStage.settle(horizon);
    for (const handlers of this.handlersOf) {
      for (const handler of handlers) if (handler.work instanceof Call) this.end(handler.work, 'open', horizon);
    }
    this.transferLeg.settle(horizon);
  }
}
