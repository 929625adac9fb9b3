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
  /** Calls on their way to the force's queue. */
  private readonly inTransit = new Set<Call>();

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
      this.inTransit.add(call);
      this.sim.schedule(this.sim.now + delay, this.onReachForce, call, SameInstant.arrival);
    } else {
      this.reachForce(call);
    }
  }

  /** At the horizon: calls still on the way are open. */
  settle(horizon: number): void {
    for (const call of this.inTransit) this.journey.end(call, 'open', horizon);
    this.inTransit.clear();
  }

  private readonly onReachForce = (call: Call): void => {
    this.inTransit.delete(call);
    this.reachForce(call);
  };

  /** Past BT's transfer and the IVR: the IVR may have ended the call, else it joins its queue. */
  private reachForce(call: Call): void {
    if (call.ivrOutcome !== 'onward') this.journey.end(call, call.ivrOutcome, this.sim.now);
    else this.queues.enter(call, call.entryVisit);
  }
}
