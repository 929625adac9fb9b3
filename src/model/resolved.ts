import type { DistributionSpec } from '../engine/distributions.js';
import type { RateProfileSpec, RosterSpec } from '../engine/profile-types.js';
import type { ResolvedCallers, ResolvedChannelShift, ResolvedOnlineReports } from './callers/types.js';
import type { Grade, ResolvedDispatch, ResolvedGrading } from './dispatch/types.js';

/**
 * The complete, validated scenario the model runs: every default filled in, every reference
 * checked, times in seconds from the start instant. Plain data only (it crosses to worker threads
 * by structured clone); `src/scenario/` builds it from a written file and freezes it.
 */
export interface ResolvedScenario {
  name: string;
  /** ISO-8601 UTC start instant; simulated time 0. */
  start: string;
  startEpochMs: number;
  /** IANA time zone of the room's clock: rosters, profiles and breakdowns are local to it. */
  timeZone: string;
  horizonSeconds: number;
  /** Calls arriving before this are simulated but not counted. */
  warmupSeconds: number;
  replications: number;
  seed: number;
  channels: readonly ResolvedChannel[];
  queues: readonly ResolvedQueue[];
  switchboard?: ResolvedSwitchboard;
  handlers: ResolvedHandlers;
  policy: { queueSelection: QueueSelectionSpec };
  grading?: ResolvedGrading;
  dispatch?: ResolvedDispatch;
  /** Optional caller mechanisms (model/callers/types.ts): repeat callers from history, channel shift, online reports. */
  callers?: ResolvedCallers;
  channelShift?: Readonly<Record<string, ResolvedChannelShift>>;
  onlineReports?: Readonly<Record<string, ResolvedOnlineReports>>;
  /** Replayed calls; when present, channels take their arrivals from here, not their profiles. */
  trace?: readonly TraceCall[];
}

/** A dated multiplier on a channel's rate (New Year's Eve, a football match). */
export interface SurgeWindow {
  startSeconds: number;
  durationSeconds: number;
  factor: number;
}

export interface ResolvedChannel {
  name: string;
  rate: RateProfileSpec;
  /** Each day's rate is multiplied by a gamma factor with mean 1 and this cv (0: none). */
  dayBusynessCv: number;
  surges: readonly SurgeWindow[];
  /** BT's transfer leg before the force queue (999); counted in the answer time. */
  btTransferSeconds?: DistributionSpec;
  ivr?: ResolvedIvr;
  /** Queue a call enters when it has no IVR, or the IVR sends it onward by default. */
  queue: string;
}

export interface ResolvedIvr {
  menuSeconds: DistributionSpec;
  /** Probability of leaving through the IVR (online, another agency). */
  deflected: number;
  /** Probability of hanging up in the menu. */
  hangUp: number;
  /**
   * Onward routes by queue name with probabilities; together with `deflected` and `hangUp` they
   * sum to 1. Normally `{ switchboard: 1 - deflected - hangUp }`.
   */
  onward: Readonly<Record<string, number>>;
}

export interface CallbackOffer {
  /** Seconds in the queue after which a callback is offered. */
  offerAfterSeconds: number;
  /** Probability a caller still waiting accepts. */
  acceptProbability: number;
  /** Probability the call back reaches the caller. */
  reachProbability: number;
  /** Handler time spent on a call back that fails to reach the caller. */
  failedAttemptSeconds: DistributionSpec;
}

export interface Redial {
  probability: number;
  delaySeconds: DistributionSpec;
}

export interface ResolvedQueue {
  name: string;
  targetSeconds: number;
  /** Absent: callers never abandon. */
  patienceSeconds?: DistributionSpec;
  /** The caller keeps their place: accepted callbacks are served from the queue in order. */
  callback?: CallbackOffer;
  redial?: Redial;
}

export interface ResolvedSwitchboard {
  /** The queue the operators serve (normally `switchboard`). */
  queue: string;
  staff: RosterSpec;
  handleSeconds: DistributionSpec;
  wrapUpSeconds?: DistributionSpec;
  /** Routes after an operator's call: `resolved` or a queue name, with probabilities. */
  routes: Readonly<Record<string, number>>;
}

export interface ResolvedPool {
  name: string;
  /** Queues this pool serves. */
  serves: readonly string[];
  roster: RosterSpec;
  /** Queue selection for this pool; the scenario's policy when absent. */
  queueSelection?: QueueSelectionSpec;
}

export interface ResolvedHandlers {
  pools: readonly ResolvedPool[];
  /** Handle time per queue served by handlers. */
  handleSeconds: Readonly<Record<string, DistributionSpec>>;
  wrapUpSeconds?: DistributionSpec;
}

/**
 * A queue-selection policy by name (`kind`, a registered policy of `src/policies/`) with its
 * resolved parameters beside it, plain data.
 */
export interface QueueSelectionSpec {
  readonly kind: string;
  readonly [param: string]: unknown;
}

/** One replayed call; optional fields override the sampled values. */
export interface TraceCall {
  arrivalSeconds: number;
  channel: string;
  handleSeconds?: number;
  patienceSeconds?: number;
  area?: string;
  need?: Grade;
}
