import { Calendar } from '../engine/calendar.js';
import type { StreamFactory } from '../engine/random.js';
import { Simulator } from '../engine/simulator.js';
import { TransferLeg } from './bt-transfer.js';
import type { Call } from './call.js';
import { CallArrivals } from './call-arrivals.js';
import type { CallQueue } from './call-queue.js';
import { CallerFactory } from './caller-factory.js';
import { CallerMechanisms, hasCallerMechanisms, mechanismLayout } from './callers/caller-mechanisms.js';
import { DispatchCentre } from './dispatch/dispatch-centre.js';
import type { DispatchPolicyFactory } from './dispatch/policy-types.js';
import { GradingHandoff } from './grading-handoff.js';
import type { HandlerPool } from './handler-pool.js';
import { HandlerPools } from './handler-pools.js';
import { Journey } from './journey.js';
import type { ModelMonitor } from './monitor.js';
import type { QueueSelectorFactory } from './queue-selection-types.js';
import { QueueStage } from './queue-stage.js';
import type { ResolvedScenario } from './resolved.js';
import { RoomPlan } from './room-plan.js';
import { Switchboard } from './switchboard.js';
import { VictimUpdateDesk } from './victim-update.js';

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
 * The control room as a discrete-event model, wired stage by stage along the call journey:
 * arrivals (call-arrivals), BT's transfer and the IVR (bt-transfer, ivr), the queues
 * (queue-stage), the switchboard (switchboard), the handler pools (handler-pools) and the
 * hand-off to grading and dispatch (grading-handoff, dispatch/). Results go to a ModelMonitor;
 * no statistic is computed here. At the horizon, every call still in the system is settled.
 */
export class ControlRoom {
  readonly sim = new Simulator();
  readonly calendar: Calendar;
  readonly queues: readonly CallQueue[];
  readonly pools: readonly HandlerPool[];
  /** Grading and dispatch, when the scenario models them. */
  readonly dispatch: DispatchCentre | null = null;
  private readonly journey: Journey;
  private readonly arrivals: CallArrivals;
  private readonly transferLeg: TransferLeg;
  private readonly queueStage: QueueStage;
  private readonly handlerPools: HandlerPools;

  constructor(
    readonly scenario: ResolvedScenario,
    streams: StreamFactory,
    private readonly monitor: ModelMonitor,
    options: ControlRoomOptions,
  ) {
    this.calendar = new Calendar(scenario.startEpochMs, scenario.timeZone);
    const journey = new Journey(this.sim, monitor, options.callSink);
    this.journey = journey;
    const horizon = scenario.horizonSeconds;
    const plan = new RoomPlan(scenario);

    // Callers: each kind of call draws from its channel's own streams (common random numbers).
    const factories = (prefix: (name: string) => string): CallerFactory[] =>
      scenario.channels.map(
        (c, i) => new CallerFactory(c, i, streams, prefix(c.name), plan.draws, plan.btTransfer[i], plan.ivr[i], plan.routes, scenario.warmupSeconds),
      );
    const first = factories((name) => name);
    const chase = factories((name) => `${name}.chase`);

    // The stages, in the order a call meets them.
    // A channel shift acts at the instant a caller abandons, so abandonment is settled by events then.
    this.queueStage = new QueueStage(scenario.queues, plan.draws.patience, journey, factories((name) => `${name}.redial`), horizon, scenario.channelShift !== undefined);
    this.queues = this.queueStage.queues;
    this.transferLeg = new TransferLeg(journey, this.queueStage);
    this.arrivals = new CallArrivals(scenario, streams, this.calendar, first, chase, this.transferLeg, journey);
    const switchboard = new Switchboard(plan.switchboardQueue, journey, this.queueStage);
    this.handlerPools = new HandlerPools(plan.pools, this.queueStage, options.queueSelector, switchboard, journey);
    this.pools = this.handlerPools.pools;
    this.queueStage.connect(this.handlerPools, this.transferLeg);

    monitor.begin({
      startEpochMs: scenario.startEpochMs,
      timeZone: scenario.timeZone,
      horizonSeconds: horizon,
      warmupSeconds: scenario.warmupSeconds,
      channels: scenario.channels.map((c) => c.name),
      queues: scenario.queues.map((q) => ({ name: q.name, targetSeconds: q.targetSeconds })),
      pools: this.pools.map((p) => p.name),
      areas: (scenario.dispatch?.areas ?? []).map((a) => ({ name: a.name, kind: a.kind })),
      ...(mechanismLayout(scenario) === undefined ? {} : { mechanisms: mechanismLayout(scenario) }),
    });

    if (scenario.grading !== undefined || scenario.dispatch !== undefined) {
      // A wiring mistake of the caller (the experiment layer passes the registry), not a scenario error.
      if (options.dispatchPolicy === undefined) throw new Error('a scenario with grading or dispatch needs a dispatch policy factory');
      const victimUpdates = new VictimUpdateDesk(this.queueStage, plan.draws.handle, this.handlerPools, journey);
      this.dispatch = new DispatchCentre({
        sim: this.sim,
        scenario,
        streams,
        calendar: this.calendar,
        monitor,
        policy: options.dispatchPolicy,
        hooks: { offerChasingCall: this.arrivals.offerChasingCall, victimUpdateWork: victimUpdates.work },
      });
      const grading = new GradingHandoff(this.dispatch, scenario.grading, journey);
      this.arrivals.handOverTo(grading);
      this.handlerPools.handOverTo(grading);
    }

    if (hasCallerMechanisms(scenario)) {
      journey.mechanisms = new CallerMechanisms({ scenario, streams, journey, factories, begin: (call) => this.transferLeg.begin(call), centre: this.dispatch });
    }

    // Events at time 0 in this order: units (above), handlers' rosters, then the first arrivals.
    this.handlerPools.startRosters(plan.pools, this.calendar, horizon);
    this.arrivals.start();
  }

  /** Run to the horizon and settle what is left. */
  run(): void {
    const horizon = this.scenario.horizonSeconds;
    this.sim.run(horizon);
    this.settleAtHorizon(horizon);
    this.dispatch?.finish(horizon);
    this.monitor.end(horizon);
  }

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
