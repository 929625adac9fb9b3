import type { CallerPerson } from '../callers/person.js';
import { gradeName, NO_INCIDENT } from './grades.js';
import type { Incident } from './incident.js';
import type { Grade } from './types.js';

/**
 * What dispatch knows about one caller: the need and flags drawn when the call arrived, the area
 * of the incident, the uniforms that later decide the handler's grading, and the incident's
 * travel and on-scene times. Everything random is drawn at arrival from the caller's channel
 * streams, so scenarios that differ only in staffing, units or policy see the same callers
 * (common random numbers). The call model keeps it on the call (`Call.callerCase`) and hands it
 * back to `DispatchCentre.callHandled` when a handler finishes the call.
 */
export class CallerCase {
  /** Grade index given by the handler (`grades.ts`); NO_INCIDENT until graded. */
  givenIndex = NO_INCIDENT;
  /**
   * Uniforms on [0, 1) deciding: THRIVE done, repeat recognised, vulnerable recognised, and
   * under-grading (which also picks the given grade from a matrix).
   */
  uThrive = 0;
  uRepeat = 0;
  uVulnerable = 0;
  uUndergrade = 1;
  /**
   * The chance THRIVE is done, fixed at answer when THRIVE depends on load (`recognition.ts`);
   * negative: `grading.thrive`. A whole-number default keeps the field unboxed (NaN would cost every
   * case a heap number) in scenarios where THRIVE does not depend on load.
   */
  thriveChance = -1;
  /** Handler time the assessment adds (THRIVE done, a flag recognised), drawn at arrival; 0 when not modelled. */
  assessmentSeconds = 0;
  /** The THRIVE and identification times drawn at arrival, done or not (so a flag set later can be costed). */
  thriveDrawSeconds = 0;
  identifyDrawSeconds = 0;
  /** The person behind the call, when repeat callers come from history (`callers`); null otherwise. */
  person: CallerPerson | null = null;
  /** Decides Priority High (below the split's share) when Priority is split; drawn at arrival only then. */
  uPriorityHigh = 0;
  /** Decides whether an owed victim update is made (below the compliance probability); drawn at arrival only when modelled. */
  uVictimUpdate = 0;
  /**
   * Seconds after answer when the handler creates the incident while the caller is on the line,
   * by given grade index (NaN: when the talk ends), drawn at arrival; null when not modelled.
   */
  incidentAfterSeconds: readonly number[] | null = null;
  /** True once the incident was created during the call (the end of the talk then creates none). */
  createdDuringCall = false;
  /** Travel time to the scene (seconds) and time on scene (seconds), drawn for the needed grade. */
  travelSeconds = 0;
  onSceneSeconds = 0;
  /**
   * The incident this caller is chasing, or null for a first call about a new matter.
   */
  chasing: Incident | null = null;
  /** Id of the chased incident, or -1. */
  chasingIncident = -1;

  constructor(
    /** Index of the channel the call came in on (scenario order). */
    readonly channelIndex: number,
    /** Index of the grade the call needs (`grades.ts`). */
    readonly neededIndex: number,
    /** Index of the incident's area (order of `dispatch.areas`), or -1 when there are no areas. */
    readonly areaIndex: number,
    /** Name of the area, or '' when there are no areas. */
    readonly area: string,
    /** Set again at each call of the person when repeat callers come from history. */
    public repeat: boolean,
    /** Set again for a person's new matter when recognition comes from the assessment (vulnerability is the person's). */
    public vulnerable: boolean,
  ) {}

  /** The grade the call needs. */
  get needed(): Grade {
    return gradeName(this.neededIndex);
  }

  /** The grade the handler gave ('none' before grading, and for calls needing no incident). */
  get given(): Grade {
    return gradeName(this.givenIndex);
  }
}
