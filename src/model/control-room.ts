import { Calendar } from '../engine/calendar.js';
import { makeDistribution, type Distribution } from '../engine/distributions.js';
import { SameInstant } from '../engine/priorities.js';
import type { StreamFactory } from '../engine/random.js';
import { rosterPieces } from '../engine/roster.js';
import { Simulator } from '../engine/simulator.js';
import { channelRate, ProfileArrivals, TraceArrivals, type ArrivalSource } from './arrival-sources.js';
import { Call } from './call.js';
import { CallQueue } from './call-queue.js';
import { CallerFactory, type QueueDraws, type RouteTable } from './caller-factory.js';
import { Handler, HandlerPool } from './handler-pool.js';
import type { CallOutcome, ModelMonitor } from './monitor.js';
import type { QueueSelectorFactory } from './queue-selection-types.js';
import type { CallerCase } from './dispatch/caller-case.js';
import { DispatchCentre } from './dispatch/dispatch-centre.js';
import type { DispatchPolicyFactory } from './dispatch/policy-types.js';
import type { ResolvedScenario } from './resolved.js';

/** The name the switchboard's operators report under. */
export const SWITCHBOARD_POOL = 'switchboard';

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
  private readonly redialFactories: CallerFactory[];
  private readonly chaseFactories: CallerFactory[];
  /** Grading and dispatch, when the scenario models them. */
  readonly dispatch: DispatchCentre | null = null;
  private readonly sources: ArrivalSource[];
  private readonly switchboardQueue: number;
  private readonly handleDistributions: (Distribution | null)[];
  private readonly inTransit = new Set<Call>();
  private nextCallId = 0;
  callsOffered = 0;

  constructor(
    readonly scenario: ResolvedScenario,
    streams: StreamFactory,
    private readonly monitor: ModelMonitor,
    private readonly options: ControlRoomOptions,
  ) {
    this.calendar = new Calendar(scenario.startEpochMs, scenario.timeZone);
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
    const settle = (call: Call): void => this.abandon(call, call.abandonAt);
    this.queues = scenario.queues.map((q, i) => new CallQueue(i, q, dist(q.patienceSeconds, `queues.${q.name}.patienceSeconds`), settle));

    this.handleDistributions = scenario.queues.map((q, i) =>
      i === this.switchboardQueue ? dist(board!.handleSeconds, 'switchboard.handleSeconds') : dist(scenario.handlers.handleSeconds[q.name], `handlers.handleSeconds.${q.name}`),
    );
    const draws: QueueDraws = {
      patience: this.queues.map((q) => q.patience),
      handle: this.handleDistributions,
      wrapUp: scenario.queues.map((_, i) =>
        i === this.switchboardQueue ? dist(board!.wrapUpSeconds, 'switchboard.wrapUpSeconds') : dist(scenario.handlers.wrapUpSeconds, 'handlers.wrapUpSeconds'),
      ),
      callbackFailedAttempt: scenario.queues.map((q) => dist(q.callback?.failedAttemptSeconds, `queues.${q.name}.callback.failedAttemptSeconds`)),
      redialDelay: scenario.queues.map((q) => dist(q.redial?.delaySeconds, `queues.${q.name}.redial.delaySeconds`)),
      hasCallback: scenario.queues.map((q) => q.callback !== undefined),
      hasRedial: scenario.queues.map((q) => q.redial !== undefined),
    };
    const routes: RouteTable | null = board ? routeTable(this.switchboardQueue, board.routes, indexOf) : null;
    const makeFactory = (prefix: (name: string) => string) =>
      scenario.channels.map(
        (c, i) =>
          new CallerFactory(c, i, streams, prefix(c.name), indexOf, draws, dist(c.btTransferSeconds, `channels.${c.name}.btTransferSeconds`),
            dist(c.ivr?.menuSeconds, `channels.${c.name}.ivr.menuSeconds`), routes, scenario.warmupSeconds),
      );
    this.factories = makeFactory((name) => name);
    this.redialFactories = makeFactory((name) => `${name}.redial`);
    this.chaseFactories = makeFactory((name) => `${name}.chase`);

    // Pools: handler pools in scenario order, then the switchboard's operators.
    const policy = scenario.policy.queueSelection;
    const poolSpecs = scenario.handlers.pools.map((p) => ({ name: p.name, serves: p.serves, roster: p.roster, selection: p.queueSelection ?? policy }));
    if (board) {
      poolSpecs.push({ name: SWITCHBOARD_POOL, serves: [board.queue], roster: board.staff, selection: { kind: 'strictPriority', order: [board.queue] } });
    }
    this.pools = poolSpecs.map((p, i) => {
      const served = p.serves.map((name) => this.queues[indexOf(name)]);
      served.forEach((q) => q.poolIndices.push(i));
      return new HandlerPool(i, p.name, served, options.queueSelector(p.selection, p.serves));
    });
    this.handlersOf = this.pools.map(() => []);

    monitor.begin({
      startEpochMs: scenario.startEpochMs,
      timeZone: scenario.timeZone,
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
    const call = this.factories[source.channelIndex].create(this.nextCallId++, this.sim.now, -1, -1, source.row);
    if (this.dispatch !== null) {
      const planned = call.routedQueue >= 0 ? call.routedQueue : call.entryQueue;
      call.caseRef = this.dispatch.drawCaller(source.channelIndex, planned, source.row);
    }
    this.scheduleArrival(source);
    this.begin(call);
  };

  /**
   * Dispatch's hook: an update owed to a victim becomes outbound handler work in `queue`. It is
   * not an offered call: it is never counted in the queue's figures, but it takes handler time.
   */
  private readonly victimUpdateWork = (queueName: string, handleSeconds: number, at: number, incidentId: number): void => {
    const queue = this.queues.find((q) => q.name === queueName);
    if (queue === undefined) throw new Error(`dispatch.victimUpdates.queue: unknown queue '${queueName}'`);
    const work = new Call(this.nextCallId++, '', -1, at, false, -1, -1);
    work.victimUpdateFor = incidentId;
    work.handle0 = Number.isNaN(handleSeconds) ? (this.handleDistributions[queue.index]?.mean ?? 0) : handleSeconds;
    work.entryQueue = queue.index;
    work.stage = 0;
    work.queueIndex = queue.index;
    work.lastQueue = queue.name;
    work.enteredQueueAt = at;
    queue.push(work);
    this.offerToFreeHandler(queue);
  };

  /** Dispatch's hook: a caller waiting for attendance calls again, as a new offered call. */
  private readonly offerChasingCall = (channel: string, at: number, incidentId: number, caller: CallerCase): void => {
    const index = this.scenario.channels.findIndex((c) => c.name === channel);
    const call = this.chaseFactories[index].create(this.nextCallId++, at, -1, incidentId);
    call.caseRef = caller;
    this.sim.schedule(at, this.onRedial, call, SameInstant.arrival);
  };

  private readonly onRedial = (call: Call): void => {
    this.begin(call);
  };

  /** A call has reached the control room: through BT's transfer or the IVR, then a queue. */
  private begin(call: Call): void {
    this.callsOffered++;
    const delay = call.transferSeconds + call.ivrSeconds;
    if (delay > 0) {
      this.inTransit.add(call);
      this.sim.schedule(this.sim.now + delay, this.onReachForce, call, SameInstant.arrival);
    } else {
      this.reachForce(call);
    }
  }

  private readonly onReachForce = (call: Call): void => {
    this.inTransit.delete(call);
    this.reachForce(call);
  };

  private reachForce(call: Call): void {
    if (call.ivrOutcome !== 'onward') {
      this.end(call, call.ivrOutcome, this.sim.now);
      return;
    }
    this.enter(call, this.queues[call.entryQueue], 0);
  }

  private enter(call: Call, queue: CallQueue, stage: number): void {
    const now = this.sim.now;
    call.stage = stage;
    call.queueIndex = queue.index;
    call.lastQueue = queue.name;
    call.enteredQueueAt = now;
    this.monitor.queueEntered(queue.index, now, call);
    const patience = stage === 0 ? call.patience0 : call.patience1;
    if (queue.eagerPatience) {
      call.abandonAt = Infinity;
      if (patience !== Infinity) call.patienceEvent = this.sim.schedule(now + patience, this.onPatienceEnd, call, SameInstant.timeout);
      const offer = queue.spec.callback;
      if (offer !== undefined && call.callbackDraw < offer.acceptProbability && offer.offerAfterSeconds < patience) {
        call.offerEvent = this.sim.schedule(now + offer.offerAfterSeconds, this.onCallbackOffer, call, SameInstant.timeout);
      }
    } else {
      call.abandonAt = now + patience;
    }
    queue.push(call);
    this.offerToFreeHandler(queue);
  }

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
    const call = queue.take();
    if (call.patienceEvent !== null) {
      this.sim.cancel(call.patienceEvent);
      call.patienceEvent = null;
    }
    if (call.offerEvent !== null) {
      this.sim.cancel(call.offerEvent);
      call.offerEvent = null;
    }
    const answerSeconds = now - call.enteredQueueAt + (call.stage === 0 ? call.transferSeconds : 0);
    let talkSeconds = call.stage === 0 ? call.handle0 : call.handle1;
    if (call.victimUpdateFor >= 0) {
      // Outbound work: no caller waited, so the queue's figures do not see it.
    } else if (!Number.isNaN(call.callbackAcceptedAt)) {
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
    handler.call = call;
    pool.busy++;
    this.monitor.poolLevel(pool.index, now, pool.busy, pool.present);
    this.sim.schedule(now + talkSeconds, this.onTalkEnd, handler, SameInstant.release);
  }

  private readonly onTalkEnd = (handler: Handler): void => {
    const now = this.sim.now;
    const call = handler.call as Call;
    handler.call = null;
    if (call.victimUpdateFor >= 0) {
      this.dispatch?.victimUpdateMade(call.victimUpdateFor, now);
      this.release(handler);
      return;
    }
    const inSwitchboard = call.stage === 0 && call.queueIndex === this.switchboardQueue;
    const wrapUp = call.stage === 0 ? call.wrapUp0 : call.wrapUp1;
    if (inSwitchboard && call.routedQueue >= 0) {
      this.enter(call, this.queues[call.routedQueue], 1);
    } else if (inSwitchboard) {
      this.end(call, 'resolved', now);
    } else if (call.outcome === 'callbackFailed') {
      this.end(call, 'callbackFailed', now);
    } else {
      this.grade(call);
      this.end(call, 'answered', now);
    }
    if (wrapUp > 0) this.sim.schedule(now + wrapUp, this.onRelease, handler, SameInstant.release);
    else this.release(handler);
  };

  /** The handler has finished talking: dispatch grades the call and creates its incident. */
  private grade(call: Call): void {
    if (this.dispatch === null || call.caseRef === null) return;
    const caller = call.caseRef as CallerCase;
    this.dispatch.callHandled(caller, call.arrivedAt, call.answeredAt, call.counted);
    call.needed = caller.needed;
    call.given = caller.given;
    call.area = caller.area;
  }

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

  // ---- leaving ----

  private readonly onPatienceEnd = (call: Call): void => {
    call.patienceEvent = null;
    if (call.offerEvent !== null) {
      this.sim.cancel(call.offerEvent);
      call.offerEvent = null;
    }
    this.queues[call.queueIndex].remove(call);
    this.abandon(call, this.sim.now);
  };

  private readonly onCallbackOffer = (call: Call): void => {
    call.offerEvent = null;
    if (!call.waiting) return;
    call.callbackAcceptedAt = this.sim.now;
    if (call.patienceEvent !== null) {
      this.sim.cancel(call.patienceEvent);
      call.patienceEvent = null;
    }
    this.monitor.callbackAccepted(call.queueIndex, this.sim.now, call);
  };

  /** The caller's patience ran out at `at` (now, or earlier when settled lazily). */
  private abandon(call: Call, at: number): void {
    const queue = this.queues[call.queueIndex];
    const answerSeconds = at - call.enteredQueueAt + (call.stage === 0 ? call.transferSeconds : 0);
    this.monitor.queueLeft(queue.index, at, 'abandoned', answerSeconds, call);
    this.end(call, 'abandoned', at);
    const redial = queue.spec.redial;
    if (redial !== undefined && call.redialDraw < redial.probability) {
      // Redials exist only in queues with patience events, so `at` is now.
      const delay = call.stage === 0 ? call.redialDelay0 : call.redialDelay1;
      const first = call.redialOf >= 0 ? call.redialOf : call.id;
      const redialAt = at + delay;
      if (redialAt < this.scenario.horizonSeconds) {
        const again = this.redialFactories[call.channelIndex].create(this.nextCallId++, redialAt, first, call.chasingIncident);
        // The redialling caller has the same matter: dispatch's case goes with them.
        again.caseRef = call.caseRef;
        this.monitor.redialScheduled(queue.index, at, call);
        this.sim.schedule(redialAt, this.onRedial, again, SameInstant.arrival);
      }
    }
  }

  private end(call: Call, outcome: CallOutcome, at: number): void {
    call.outcome = outcome;
    call.endedAt = at;
    this.monitor.callEnded(call);
    this.options.callSink?.(call);
  }

  /** At the horizon: settle expired waits, and report every call still in the system as open. */
  private settleAtHorizon(horizon: number): void {
    for (const queue of this.queues) {
      queue.line.forEach((call) => {
        if (!call.waiting) return;
        call.waiting = false;
        queue.waiting--;
        if (call.victimUpdateFor >= 0) return; // outbound work left undone: not a caller
        if (call.abandonAt <= horizon) {
          this.abandon(call, call.abandonAt);
        } else {
          this.monitor.queueLeft(queue.index, horizon, 'open', NaN, call);
          this.end(call, 'open', horizon);
        }
      });
    }
    for (const handlers of this.handlersOf) {
      for (const handler of handlers) if (handler.call !== null && handler.call.victimUpdateFor < 0) this.end(handler.call, 'open', horizon);
    }
    for (const call of this.inTransit) this.end(call, 'open', horizon);
    this.inTransit.clear();
  }
}

function routeTable(queueIndex: number, routes: Readonly<Record<string, number>>, indexOf: (name: string) => number): RouteTable {
  const entries = Object.entries(routes);
  const cumulative = new Float64Array(entries.length);
  const target = new Int32Array(entries.length);
  let acc = 0;
  entries.forEach(([name, p], i) => {
    acc += p;
    cumulative[i] = acc;
    target[i] = name === 'resolved' ? -1 : indexOf(name);
  });
  return { queueIndex, cumulative, target };
}

