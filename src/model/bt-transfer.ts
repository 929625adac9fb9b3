import { SameInstant } from '../engine/priorities.js';
import type { Simulator } from '../engine/simulator.js';
import type { Call } from './call.js';
import type { Journey, QueueEntrance } from './journey.js';

/**
 * The way to the force's queue. A 999 call first passes BT's operator, who transfers it to the
 * force (the transfer counts in the 999 answer time); a 101 call passes the IVR menu, which may
 * end it. Both times were drawn when the call arrived; one event covers them, and a call still on
 * the way at the horizon is reported open.
 */
export class TransferLeg {
  /**
   * Calls on their way to the force's queue, by slot; the event carries the slot number. Slots are
   * reused, so nothing is allocated per call (a Set of calls reallocated its table as it grew and
   * shrank, and the tables outlived scavenges: old-space garbage, issue 12). `order` keeps when
   * each slot was filled, so the horizon ends calls still on the way in the order they set out.
   */
  private readonly inTransit: (Call | null)[] = [];
  private readonly order: number[] = [];
  private readonly freeSlots: number[] = [];
  private began = 0;

  private readonly sim: Simulator;

  constructor(
    private readonly journey: Journey,
    private readonly queues: QueueEntrance,
  ) {
    this.sim = journey.sim;
  }

  /** A call has reached the control room: it is offered, then spends its transfer and menu time. */
  begin(call: Call): void {
    const journey = this.journey;
    journey.callsOffered++;
    journey.mechanisms?.offered(call);
    const delay = call.transferSeconds + call.ivrSeconds;
    if (delay > 0) {
      const slot = this.freeSlots.pop() ?? this.inTransit.length;
      this.inTransit[slot] = call;
      this.order[slot] = this.began++;
      this.sim.post(this.sim.now + delay, this.onReachForce, slot, SameInstant.arrival);
    } else {
      this.reachForce(call);
    }
  }

  /** At the horizon: calls still on the way are open. */
  settle(horizon: number): void {
    const open: number[] = [];
    for (let slot = 0; slot < this.inTransit.length; slot++) if (this.inTransit[slot] !== null) open.push(slot);
    open.sort((a, b) => this.order[a] - this.order[b]);
    for (const slot of open) this.journey.end(this.inTransit[slot] as Call, 'open', horizon);
    this.inTransit.length = 0;
    this.order.length = 0;
    this.freeSlots.length = 0;
  }

  private readonly onReachForce = (slot: number): void => {
    const call = this.inTransit[slot] as Call;
    this.inTransit[slot] = null;
    this.freeSlots.push(slot);
    this.reachForce(call);
  };

  /** Past BT's transfer and the IVR: the IVR may have ended the call, else it joins its queue. */
  private reachForce(call: Call): void {
    if (call.ivrOutcome !== 'onward') this.journey.end(call, call.ivrOutcome, this.sim.now);
    else this.queues.enter(call, call.entryVisit);
  }
}
