import { Calendar } from '../engine/calendar.js';
import { makeDistribution, type Distribution } from '../engine/distributions.js';
import { SameInstant } from '../engine/priorities.js';
import type { StreamFactory } from '../engine/random.js';
import { Simulator } from '../engine/simulator.js';
import { channelRate, ProfileArrivals, TraceArrivals, type ArrivalSource } from './arrival-sources.js';
import { Call } from './call.js';
import { CallQueue } from './call-queue.js';
import { CallerFactory, type QueueDraws } from './caller-factory.js';
import { Switchboard, SwitchboardRoutes, switchboardPool } from './switchboard.js';
import { IvrMenu } from './ivr.js';
import { TransferLeg } from './bt-transfer.js';
import { QueueStage } from './queue-stage.js';
import type { HandlerPool } from './handler-pool.js';
import { HandlerPools, type PoolSpec } from './handler-pools.js';
import type { ModelMonitor } from './monitor.js';
import type { QueueSelectorFactory } from './queue-selection-types.js';
import type { CallerCase } from './dispatch/caller-case.js';
import { DispatchCentre } from './dispatch/dispatch-centre.js';
import type { DispatchPolicyFactory } from './dispatch/policy-types.js';
import type { ResolvedScenario } from './resolved.js';
import { VictimUpdateDesk } from './victim-update.js';
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
  private readonly handlerPools: HandlerPools;
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
    this.queueStage = new QueueStage(scenario.queues, patience, this.journey, makeFactory((name) => `${name}.redial`), horizon, indexOf);
    this.queues = this.queueStage.queues;
    this.switchboard = new Switchboard(this.switchboardQueue, this.journey, this.queueStage);
    this.transferLeg = new TransferLeg(this.journey, this.queueStage);

    // Pools: handler pools in scenario order, then the switchboard's operators.
    const policy = scenario.policy.queueSelection;
    const poolSpecs: PoolSpec[] = scenario.handlers.pools.map((p) => ({ name: p.name, serves: p.serves, roster: p.roster, selection: p.queueSelection ?? policy }));
    if (board) poolSpecs.push(switchboardPool(board));
    this.handlerPools = new HandlerPools(poolSpecs, this.queueStage, indexOf, options.queueSelector, this.switchboard, this.journey);
    this.pools = this.handlerPools.pools;
    this.queueStage.connect(this.handlerPools, this.transferLeg);

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
        hooks: { offerChasingCall: this.offerChasingCall, victimUpdateWork: new VictimUpdateDesk(this.queueStage, this.handleDistributions, this.handlerPools, this.journey).work },
      });
      this.grading = new GradingHandoff(this.dispatch);
      this.handlerPools.handOverTo(this.grading);
    }

    this.handlerPools.startRosters(poolSpecs, this.calendar, horizon);

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

  /** Calls offered so far (first calls, redials and chasing calls). */
  get callsOffered(): number {
    return this.journey.callsOffered;
  }

  /** At the horizon: settle expired waits, and report every call still in the system as open. */
  private settleAtHorizon(horizon: number): void {
    this.queueStage.settle(horizon);
    this.handlerPools.settle(horizon);
    this.transferLeg.settle(horizon);
  }
}
