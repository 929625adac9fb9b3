import type { IntervalKind } from './intervals.js';
import type { StaffTarget } from './staffing-targets.js';

export interface SearchOptions {
  /** Names of the handler pools to staff. */
  pools: readonly string[];
  /** Names of the dispatch areas whose response units to staff (default none). */
  areas?: readonly string[];
  interval: IntervalKind;
  targets: readonly StaffTarget[];
  /** Replications per simulation at first. */
  replications: number;
  /** Replications at most, added while some interval's verdict is unsure. */
  maxReplications: number;
  /** Handlers (or units) per interval at most (the ample staffing of the first simulation). */
  maxStaff: number;
  /** Handlers per interval at least. */
  minStaff: number;
  /** Cap on ISA iterations and on correction rounds (each). */
  maxIterations: number;
}

/** One simulation of the search, for the report and the progress bar. */
export interface IterationNote {
  phase: 'ample' | 'isa' | 'verify' | 'trim';
  replications: number;
  /** Replications run for this step (the rest were reused from an earlier step with the same staffing). */
  ran: number;
  /** Handler- and unit-hours per interval cycle (a week, a day, or the horizon with hourOfDate) over the searched resources. */
  staffHours: number;
  /** Intervals changed by this step. */
  changed: number;
}

export interface PoolRequirement {
  name: string;
  /** A handler pool or a dispatch area (response units). */
  kind: 'pool' | 'area';
  /** Smallest staffing per interval the simulation shows meets every target. */
  required: number[];
  /** Per-interval Erlang requirement from arrival rates (the spreadsheet answer). */
  analytic: number[];
  /** Where ISA converged before the simulation's corrections. */
  isa: number[];
  /** Offered load (erlangs) per interval in the ample simulation. */
  offeredLoad: number[];
  /** The pool's roster in the scenario, per interval (mean headcount). */
  current: number[];
}

export interface SearchOutcome {
  pools: PoolRequirement[];
  areas: PoolRequirement[];
  /** Label of each interval ("Mon 09:00", "2022-07-14 09:00"). */
  labels: string[];
  iterations: IterationNote[];
  /** Replications used for each verdict at the end. */
  replications: number;
}
