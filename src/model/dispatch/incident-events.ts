import { makeDistribution, type Distribution, Exponential } from '../../engine/distributions.js';
import { SameInstant } from '../../engine/priorities.js';
import type { RandomStream, StreamFactory } from '../../engine/random.js';
import type { Simulator } from '../../engine/simulator.js';
import type { ModelMonitor } from '../monitor.js';
import type { CallerSampler } from './caller-sampler.js';
import type { CallerCase } from './caller-case.js';
import { gradeName, IMMEDIATE } from './grades.js';
import { type Incident, TRAVELLING, WAITING } from './incident.js';
import type { ResolvedDispatch } from './types.js';
import type { UnitDispatcher } from './unit-dispatcher.js';
import type { Area } from './area.js';

/** What the call model does for dispatch: offer chasing calls, and make victim updates. */
export interface DispatchHooks {
  /**
   * A caller chasing incident `incidentId` calls again at `at` on `channel`: the model offers a
   * new call on that channel whose case is `caller` (a repeat caller with `caller.chasing` set)
   * and, when a handler finishes it, passes the case to `DispatchCentre.callHandled` as usual.
   */
  offerChasingCall(channelIndex: number, at: number, incidentId: number, caller: CallerCase): void;
  /**
   * An update to the victim of `incident` fell due at `at`: handler work of `handleSeconds` (NaN:
   * the queue's own handle time) in the queue of index `queueIndex`. When a handler finishes it,
   * the model passes the same incident to `DispatchCentre.victimUpdateMade` (the work carries it,
   * so no table by id grows and shrinks per update). Only called when the scenario gives
   * `dispatch.victimUpdates.queueIndex`.
   */
  victimUpdateWork?(queueIndex: number, handleSeconds: number, at: number, incident: Incident): void;
}

/**
 * The events of an incident while it is unattended (waiting, or a unit travelling): re-grading
 * as new information comes (Poisson, `upgradePerHour`), chasing calls (Poisson, `chasePerHour`,
 * on `chaseChannel` or the first call's channel), and the victim update owed when the wait passes
 * the given grade's target. All are cancelled when the first unit arrives.
 */
export class IncidentEvents {
  private readonly upgradeGap: Distribution | null;
  private readonly chaseGap: Distribution | null;
  private readonly upgradeStream: RandomStream;
  private readonly chaseStream: RandomStream;
  private readonly victimStream: RandomStream;
  private readonly victimHandle: Distribution | null;
  private readonly victimQueue: number | undefined;
  /** Probability an owed update is made (null: not modelled, every update is work for the queue). */
  private readonly victimCompliance: number | null;
  private readonly chaseChannel: number;

  constructor(
    private readonly sim: Simulator,
    dispatch: ResolvedDispatch,
    streams: StreamFactory,
    private readonly sampler: CallerSampler,
    private readonly areas: readonly Area[],
    private readonly dispatcher: UnitDispatcher,
    private readonly monitor: ModelMonitor,
    private readonly hooks: DispatchHooks,
  ) {
    this.upgradeGap = dispatch.upgradePerHour > 0 ? new Exponential(3600 / dispatch.upgradePerHour) : null;
    this.chaseGap = dispatch.chasePerHour > 0 ? new Exponential(3600 / dispatch.chasePerHour) : null;
    this.upgradeStream = streams.stream('dispatch.upgrade');
    this.chaseStream = streams.stream('dispatch.chase');
    this.victimStream = streams.stream('dispatch.victimUpdate');
    this.victimQueue = dispatch.victimUpdates?.queueIndex;
    this.victimCompliance = dispatch.victimUpdates?.compliance ?? null;
    const handle = dispatch.victimUpdates?.handleSeconds;
    this.victimHandle = handle === undefined ? null : makeDistribution(handle);
    this.chaseChannel = dispatch.chaseChannelIndex ?? -1;
  }

  /** Schedule a new incident's events (after its first dispatch attempt). */
  start(incident: Incident): void {
    if (!incident.unattended) return;
    const now = this.sim.now;
    if (this.upgradeGap !== null && incident.given > IMMEDIATE) {
      incident.upgradeEvent = this.sim.schedule(now + this.upgradeGap.sample(this.upgradeStream), this.onUpgrade, incident, SameInstant.timeout);
    }
    if (this.chaseGap !== null) {
      incident.chaseEvent = this.sim.schedule(now + this.chaseGap.sample(this.chaseStream), this.onChase, incident, SameInstant.timeout);
    }
    this.scheduleVictimUpdate(incident);
  }

  /** The first unit arrived: cancel what is pending. */
  stop(incident: Incident): void {
    if (incident.upgradeEvent !== null) this.sim.cancel(incident.upgradeEvent);
    if (incident.chaseEvent !== null) this.sim.cancel(incident.chaseEvent);
    if (incident.victimEvent !== null) this.sim.cancel(incident.victimEvent);
    incident.upgradeEvent = incident.chaseEvent = incident.victimEvent = null;
  }

  /**
   * Raise an unattended incident's given grade to `to` (a smaller index), move it in its line,
   * and let units respond to the new grade.
   */
  upgrade(incident: Incident, to: number): void {
    const from = incident.given;
    if (!(to < from) || to < IMMEDIATE || !incident.unattended) return;
    const area = this.areas[incident.areaIndex];
    this.dispatcher.regrade(incident, to);
    this.monitor.incidentUpgraded(area.index, this.sim.now, gradeName(from), gradeName(to));
    if (!incident.victimOwed) {
      if (incident.victimEvent !== null) this.sim.cancel(incident.victimEvent);
      incident.victimEvent = null;
      this.scheduleVictimUpdate(incident);
    }
    if (incident.state === WAITING) this.dispatcher.dispatchArea(area);
  }

  /**
   * The victim update for `incident` was made by a handler (ignored once a unit has arrived: an
   * attended incident never waits again, and an incident owes at most one update).
   */
  victimUpdateMade(incident: Incident, at: number): void {
    if (incident.unattended) this.monitor.victimUpdate(incident.areaIndex, at, true, incident.counted);
  }

  /** A travelling unit was diverted from this incident, which waits again: it may now owe an update. */
  requeued(incident: Incident): void {
    if (incident.victimEvent === null && !incident.victimOwed) this.scheduleVictimUpdate(incident);
  }

  private scheduleVictimUpdate(incident: Incident): void {
    const target = this.areas[incident.areaIndex].targetOf(incident);
    if (target === Infinity) return;
    const due = incident.clockFrom + target;
    // A unit already on its way that arrives by the due time makes the update unnecessary; this
    // spares an event for most incidents (a diverted unit reschedules through `requeued`).
    const unit = incident.unit;
    if (incident.state === TRAVELLING && unit !== null && unit.event !== null && unit.event.time <= due) return;
    incident.victimEvent = this.sim.schedule(Math.max(this.sim.now, due), this.onVictimDue, incident, SameInstant.timeout);
  }

  private readonly onUpgrade = (incident: Incident): void => {
    incident.upgradeEvent = null;
    if (incident.given === IMMEDIATE) return;
    // New information shows the real need: an under-graded incident rises to it, others one grade.
    const to = incident.given > incident.neededIndex ? incident.neededIndex : incident.given - 1;
    this.upgrade(incident, to);
    if (this.upgradeGap !== null && incident.unattended && incident.given > IMMEDIATE) {
      incident.upgradeEvent = this.sim.schedule(this.sim.now + this.upgradeGap.sample(this.upgradeStream), this.onUpgrade, incident, SameInstant.timeout);
    }
  };

  private readonly onChase = (incident: Incident): void => {
    incident.chaseEvent = null;
    const now = this.sim.now;
    const first = incident.caller;
    const channel = this.chaseChannel >= 0 ? this.chaseChannel : first.channelIndex;
    const caller = this.sampler.drawChase(channel, incident.neededIndex, incident.areaIndex, first.vulnerable);
    caller.chasing = incident;
    caller.chasingIncident = incident.id;
    incident.chaseEvent = this.sim.schedule(now + (this.chaseGap as Distribution).sample(this.chaseStream), this.onChase, incident, SameInstant.timeout);
    this.hooks.offerChasingCall(channel, now, incident.id, caller);
  };

  private readonly onVictimDue = (incident: Incident): void => {
    incident.victimEvent = null;
    if (!incident.unattended) return;
    const now = this.sim.now;
    incident.victimOwed = true;
    this.monitor.victimUpdate(incident.areaIndex, now, false, incident.counted);
    const compliance = this.victimCompliance;
    // Not made: the room did not call this victim (the caller's own arrival draw decides).
    if (compliance !== null && !(incident.caller.uVictimUpdate < compliance)) return;
    if (compliance !== null && this.victimQueue === undefined) {
      this.monitor.victimUpdate(incident.areaIndex, now, true, incident.counted);
      return;
    }
    if (this.victimQueue !== undefined && this.hooks.victimUpdateWork !== undefined) {
      const handle = this.victimHandle === null ? NaN : this.victimHandle.sample(this.victimStream);
      this.hooks.victimUpdateWork(this.victimQueue, handle, now, incident);
    }
  };
}
