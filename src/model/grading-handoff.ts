import type { ResolvedTraceCall } from './resolved.js';
import type { Call } from './call.js';
import { MechanismEvent } from './callers/events.js';
import { AssessmentTime } from './dispatch/assessment-time.js';
import type { CallerCase } from './dispatch/caller-case.js';
import type { DispatchCentre } from './dispatch/dispatch-centre.js';
import { NO_INCIDENT } from './dispatch/grades.js';
import type { Recognition } from './dispatch/recognition.js';
import type { ResolvedGrading } from './dispatch/types.js';
import type { Journey } from './journey.js';
import type { VictimUpdateJob } from './victim-update.js';

/**
 * The hand-off to grading: each caller's case (need, flags, area) is drawn when the call arrives,
 * goes with the caller through redials, and reaches dispatch when a handler finishes the call.
 */
export class GradingHandoff {
  private readonly recognition: Recognition;
  /** THRIVE and identification time, recomputed at answer when THRIVE depends on load (null otherwise). */
  private readonly assessment: AssessmentTime | null;

  constructor(
    readonly centre: DispatchCentre,
    grading: ResolvedGrading | undefined,
    private readonly journey: Journey,
  ) {
    this.recognition = centre.grader.recognition;
    const assessment = new AssessmentTime(grading);
    this.assessment = this.recognition.underLoad && assessment.modelled ? assessment : null;
  }

  /** A first call arrived on channel `channelIndex`: draw its case (a trace row may fix area and need). */
  drawCase(call: Call, channelIndex: number, row: ResolvedTraceCall | undefined): void {
    call.callerCase = this.centre.drawCaller(channelIndex, call.plannedLastQueue, row);
  }

  /** A handler answered the case's caller after `waitSeconds` in the queue: under load, THRIVE's chance (and its time) is fixed now, before the talk's length and any grading. */
  assessAtAnswer(c: CallerCase, waitSeconds: number): void {
    if (!this.recognition.underLoad) return;
    this.recognition.answered(c, waitSeconds);
    if (this.assessment !== null) c.assessmentSeconds = this.assessment.seconds(c);
  }

  /** A handler answered the call and will talk for `talkSeconds`: its incident may be created before the talk ends. */
  answered(call: Call, talkSeconds: number): void {
    const caller = call.callerCase;
    if (caller !== null) this.centre.callAnswered(caller, call.arrivedAt, talkSeconds, call.counted);
  }

  /** The handler has finished talking to the caller answered at `answeredAt`: dispatch grades the call and creates its incident (unless created during the call). */
  handOver(call: Call, answeredAt: number): void {
    const caller = call.callerCase;
    if (caller === null) return;
    this.centre.callHandled(caller, call.arrivedAt, answeredAt, call.counted);
    call.needed = caller.needed;
    call.given = caller.given;
    call.area = caller.area;
    if (this.recognition.modelled && caller.chasing === null && caller.givenIndex !== NO_INCIDENT) this.report(caller, call.counted);
  }

  /** The first contact of an incident, as a case review reads it: THRIVE done or not, a vulnerable caller recognised or not. */
  private report(c: CallerCase, counted: boolean): void {
    const r = this.recognition;
    const monitor = this.journey.monitor;
    const at = this.journey.sim.now;
    monitor.mechanismEvent?.(r.thriveDone(c) ? MechanismEvent.thriveDone : MechanismEvent.thriveMissing, at, counted);
    if (!c.vulnerable) return;
    const onCall = r.vulnerableOnCall(c);
    const fromHistory = !onCall && r.fromHistory(c);
    monitor.mechanismEvent?.(onCall || fromHistory ? MechanismEvent.vulnerableRecognised : MechanismEvent.vulnerableMissed, at, counted);
    if (fromHistory) monitor.mechanismEvent?.(MechanismEvent.vulnerableFromHistory, at, counted);
  }

  /** A handler has made the victim update of `job` at `now`. */
  victimUpdated(job: VictimUpdateJob, now: number): void {
    this.centre.victimUpdateMade(job.incident, now);
  }
}
