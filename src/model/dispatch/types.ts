import type { DistributionSpec } from '../../engine/distributions.js';
import type { DatedExtra, RosterSpec } from '../../engine/profile-types.js';

/** Grades from most to least urgent; `none` is a call that needs no incident. */
export type Grade = 'immediate' | 'priority' | 'scheduled' | 'resolvedWithoutDeployment' | 'none';
export const GRADES: readonly Grade[] = ['immediate', 'priority', 'scheduled', 'resolvedWithoutDeployment', 'none'];

export type AreaKind = 'urban' | 'rural';

/**
 * The national attendance time frames in minutes (Immediate 15 urban, 20 rural; Priority 60):
 * the one place they are written; scenarios default to them and the standards module shows them.
 */
export const NATIONAL_ATTENDANCE_MINUTES: { readonly immediate: Readonly<Record<AreaKind, number>>; readonly priority: Readonly<Record<AreaKind, number>> } = Object.freeze({
  immediate: Object.freeze({ urban: 15, rural: 20 }),
  priority: Object.freeze({ urban: 60, rural: 60 }),
});

/** Probabilities of each needed grade (summing to 1). */
export type NeedMix = Readonly<Partial<Record<Grade, number>>>;

/** Caller flags drawn at arrival. */
export interface CallerFlagProbabilities {
  repeat: number;
  vulnerable: number;
}

export interface ResolvedGrading {
  /**
   * Needed-grade mix by channel index (null: the channel's calls need no incident); a mix by the
   * index of the queue that ends the call's planned path, when given, overrides it.
   */
  needByChannel: readonly (NeedMix | null)[];
  needByQueue: readonly (NeedMix | null)[];
  flags: CallerFlagProbabilities;
  /** Probability the handler performs a structured THRIVE assessment. */
  thrive: number;
  recogniseRepeat: number;
  recogniseVulnerable: number;
  /** Probability that a miss (THRIVE not done, or a flagged caller not recognised) under-grades. */
  undergradeIfMissed: number;
  /** Handler time added when THRIVE is done (absent: none; THRIVE is inside the handle time). */
  thriveSeconds?: DistributionSpec;
  /** Handler time added when a repeat or vulnerable caller is recognised and checked (absent: none). */
  identifySeconds?: DistributionSpec;
  /**
   * Optional given-grade matrix for an under-graded call: needed grade -> probabilities of given
   * grades. Without it an under-graded incident is given the next grade down.
   */
  undergradeMatrix?: Readonly<Partial<Record<Grade, NeedMix>>>;
}

export interface ResolvedArea {
  name: string;
  kind: AreaKind;
  /** Share of incidents created in this area (shares sum to 1). */
  share: number;
  units: RosterSpec;
  /** Dated extra units (for example neighbourhood officers moved to response for a summer). */
  extraUnits: readonly DatedExtra[];
  /** Travel time to an incident of this area (drawn at the call's arrival). */
  travelMinutes: DistributionSpec;
  /**
   * Indices of the areas whose free units may help once an incident here has waited
   * `helpAfterMinutes` (from its creation); a helping unit travels the incident's own travel time
   * and stays busy in its home area.
   */
  neighbours: readonly number[];
  helpAfterMinutes?: number;
}

/** A dispatch policy by name (`kind`, a registered policy of `src/policies/dispatch/`) with its resolved parameters beside it. */
export interface DispatchPolicySpec {
  readonly kind: string;
  readonly [param: string]: unknown;
}

export interface ResolvedDispatch {
  areas: readonly ResolvedArea[];
  /**
   * On-scene time per grade, drawn at the call's arrival for the grade the incident NEEDS (what
   * it really is, whatever it was given); a grade without an entry spends 0 minutes on scene.
   */
  onSceneMinutes: Readonly<Partial<Record<Grade, DistributionSpec>>>;
  /** Attendance targets in minutes (other dispatched grades have none, and owe no victim update). */
  targets: {
    immediate: { urban: number; rural: number };
    priority: { urban: number; rural: number };
  };
  /** Grades that get units; by default immediate and priority. Other grades are counted only. */
  dispatchedGrades: readonly Grade[];
  policy: DispatchPolicySpec;
  /** May an Immediate incident take a unit travelling to a Priority one? */
  divertFromPriority: boolean;
  /** Attendance clock starts at incident creation (default), the call's connect time, or its receipt. */
  attendanceFrom: 'incidentCreated' | 'callConnected' | 'callReceived';
  /**
   * Incidents created while the caller is still on the line (absent: every incident is created when
   * the talk ends): per given grade, the seconds after answer when the handler has enough to create
   * it, drawn at the call's arrival and capped at the end of the talk.
   */
  createIncidentAfterSeconds?: Readonly<Partial<Record<Grade, DistributionSpec>>>;
  /**
   * Rates per hour, per unattended incident (waiting, or its unit travelling): re-grading as new
   * information comes (to the needed grade when under-graded, else one grade up), and chasing
   * calls on channel `chaseChannelIndex` (default: the first call's channel). 0: none.
   */
  upgradePerHour: number;
  chasePerHour: number;
  chaseChannelIndex?: number;
  /**
   * Victim updates: one is owed when an incident's wait passes its given grade's target. With
   * `queueIndex`, the update is handler work in that queue (`handleSeconds`; absent: the queue's
   * own handle time) and counts as made when done before a unit arrives; without it, owed updates
   * are counted and all missed.
   */
  victimUpdates?: { handleSeconds?: DistributionSpec; queueIndex?: number; compliance?: number };
  /**
   * Priority split (absent: one Priority grade): a Priority incident is Priority High with
   * probability `high` (decided by a draw at the call's arrival), else Priority Standard; each has
   * its own attendance target in minutes, and units take High before Standard.
   */
  prioritySplit?: { high: number; targets: { high: { urban: number; rural: number }; standard: { urban: number; rural: number } } };
}
