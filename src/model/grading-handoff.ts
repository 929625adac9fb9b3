import type { ResolvedTraceCall } from './resolved.js';
import type { Call } from './call.js';
import type { DispatchCentre } from './dispatch/dispatch-centre.js';
import type { VictimUpdateJob } from './victim-update.js';

/**
 * The hand-off to grading: each caller's case (need, flags, area) is drawn when the call arrives,
 * goes with the caller through redials, and reaches dispatch when a handler finishes the call.
 */
export class GradingHandoff {
  constructor(readonly centre: DispatchCentre) {}

  /** A first call arrived on channel `channelIndex`: draw its case (a trace row may fix area and need). */
  drawCase(call: Call, channelIndex: number, row: ResolvedTraceCall | undefined): void {
    call.callerCase = this.centre.drawCaller(channelIndex, call.plannedLastQueue, row);
  }

  /** A handler answered the call and will talk for `talkSeconds`: its incident may be created before the talk ends. */
  answered(call: Call, talkSeconds: number): void {
    const caller = call.callerCase;
    if (caller !== null) this.centre.callAnswered(caller, call.arrivedAt, talkSeconds, call.counted);
  }

  /** The handler has finished talking: dispatch grades the call and creates its incident (unless created during the call). */
  handOver(call: Call): void {
    const caller = call.callerCase;
    if (caller === null) return;
    this.centre.callHandled(caller, call.arrivedAt, call.answeredAt, call.counted);
    call.needed = caller.needed;
    call.given = caller.given;
    call.area = caller.area;
  }

  /** A handler has made the victim update of `job` at `now`. */
  victimUpdated(job: VictimUpdateJob, now: number): void {
    this.centre.victimUpdateMade(job.incidentId, now);
  }
}
