import type { Distribution } from '../engine/distributions.js';
import { SameInstant } from '../engine/priorities.js';
import type { Simulator } from '../engine/simulator.js';
import type { TransferLeg } from './bt-transfer.js';
import { CallQueue } from './call-queue.js';
import type { Call, QueueVisit } from './call.js';
import type { CallerFactory } from './caller-factory.js';
import type { Journey, QueueEntrance } from './journey.js';
import type { ModelMonitor } from './monitor.js';
import type { ResolvedQueue } from './resolved.js';
import { VictimUpdateJob } from './victim-update.js';

/** The handler pools as the queue stage sees them: someone free may take work from `queue`. */
export interface FreeHandlers {
  offer(queue: CallQueue): void;
}

/**
 * The queues (999, switchboard, primary, secondary): a call waits for a handler or an operator
 * until its patience (drawn at arrival for this visit) runs out. While it waits it may be offered
 * a callback; a caller who abandons may redial after a delay, as a new offered call.
 */
export class QueueStage implements QueueEntrance {
  readonly queues: CallQueue[];
  // Set by `connect` (the pools are built on the queues; the way in leads to them).
  private handlers!: FreeHandlers;
  private transferLeg!: TransferLeg;

  private readonly sim: Simulator;
  private readonly monitor: ModelMonitor;

  constructor(
    specs: readonly ResolvedQueue[],
    patience: readonly (Distribution | null)[],
    private readonly journey: Journey,
    /** Per channel, the factory of redialling callers (their own streams). */
    private readonly redialFactories: readonly CallerFactory[],
    private readonly horizonSeconds: number,
    /** Settle every queue's abandonment by events (a mechanism acts at the instant a caller leaves). */
    eagerPatience = false,
  ) {
    this.sim = journey.sim;
    this.monitor = journey.monitor;
    const settle = (call: Call): void => this.abandon(call, call.abandonAt);
    this.queues = specs.map((q, i) => new CallQueue(i, q, patience[i], settle, eagerPatience));
  }

  /** The pools that take calls from these queues, and the way in that redials take. */
  connect(handlers: FreeHandlers, transferLeg: TransferLeg): void {
    this.handlers = handlers;
    this.transferLeg = transferLeg;
  }

  /** The call joins the queue of `visit` now. */
  enter(call: Call, visit: QueueVisit): void {
    const now = this.sim.now;
    const queue = this.queues[visit.queueIndex];
    call.visit = visit;
    call.lastQueue = queue.name;
    call.enteredQueueAt = now;
    this.monitor.queueEntered(queue.index, now, call);
    const patience = visit.patienceSeconds;
    if (queue.eagerPatience) {
      call.abandonAt = Infinity;
      if (patience !== Infinity) call.ownOffers().patienceEvent = this.sim.schedule(now + patience, this.onPatienceEnd, call, SameInstant.timeout);
      const offer = queue.spec.callback;
      if (offer !== undefined && call.drawnOffers.callbackDraw < offer.acceptProbability && offer.offerAfterSeconds < patience) {
        call.ownOffers().offerEvent = this.sim.schedule(now + offer.offerAfterSeconds, this.onCallbackOffer, call, SameInstant.timeout);
      }
    } else {
      call.abandonAt = now + patience;
    }
    queue.push(call);
    this.handlers.offer(queue);
  }

  /** A handler takes the call: its pending patience and callback-offer events are cancelled. */
  answered(call: Call): void {
    const offers = call.offers;
    if (offers === null) return;
    if (offers.patienceEvent !== null) {
      this.sim.cancel(offers.patienceEvent);
      offers.patienceEvent = null;
    }
    if (offers.offerEvent !== null) {
      this.sim.cancel(offers.offerEvent);
      offers.offerEvent = null;
    }
  }

  /** At the horizon: settle expired waits; callers still waiting are open; undone outbound work is dropped. */
  settle(horizon: number): void {
    for (const queue of this.queues) {
      queue.line.forEach((call) => {
        if (!call.waiting) return;
        call.waiting = false;
        queue.waiting--;
        if (call instanceof VictimUpdateJob) return; // outbound work left undone: not a caller
        if (call.abandonAt <= horizon) {
          this.abandon(call, call.abandonAt);
        } else {
          this.monitor.queueLeft(queue.index, horizon, 'open', NaN, call);
          this.journey.end(call, 'open', horizon);
        }
      });
    }
  }

  private readonly onPatienceEnd = (call: Call): void => {
    const offers = call.ownOffers();
    offers.patienceEvent = null;
    if (offers.offerEvent !== null) {
      this.sim.cancel(offers.offerEvent);
      offers.offerEvent = null;
    }
    this.queues[call.visit.queueIndex].remove(call);
    this.abandon(call, this.sim.now);
  };

  private readonly onCallbackOffer = (call: Call): void => {
    const offers = call.ownOffers();
    offers.offerEvent = null;
    if (!call.waiting) return;
    offers.callbackAcceptedAt = this.sim.now;
    if (offers.patienceEvent !== null) {
      this.sim.cancel(offers.patienceEvent);
      offers.patienceEvent = null;
    }
    this.monitor.callbackAccepted(call.visit.queueIndex, this.sim.now, call);
  };

  /** The caller's patience ran out at `at` (now, or earlier when settled lazily). */
  private abandon(call: Call, at: number): void {
    const journey = this.journey;
    const queue = this.queues[call.visit.queueIndex];
    const answerSeconds = at - call.enteredQueueAt + (call.inEntryQueue ? call.transferSeconds : 0);
    this.monitor.queueLeft(queue.index, at, 'abandoned', answerSeconds, call);
    journey.end(call, 'abandoned', at);
    const redial = queue.spec.redial;
    if (redial !== undefined && call.drawnOffers.redialDraw < redial.probability) {
      // Redials exist only in queues with patience events, so `at` is now.
      const first = call.redialOf >= 0 ? call.redialOf : call.id;
      const redialAt = at + call.visit.redialDelaySeconds;
      if (redialAt < this.horizonSeconds) {
        const again = this.redialFactories[call.channelIndex].create(journey.newId(), redialAt, first, call.chasingIncident);
        // The redialling caller has the same matter: dispatch's case goes with them.
        again.callerCase = call.callerCase;
        this.monitor.redialScheduled(queue.index, at, call);
        this.sim.post(redialAt, this.onRedial, again, SameInstant.arrival);
      }
    }
  }

  private readonly onRedial = (call: Call): void => {
    this.transferLeg.begin(call);
  };
}
