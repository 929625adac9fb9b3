import type { IntervalKind } from './intervals.js';
import type { StaffTarget } from './staffing-targets.js';

export interface SearchOptions {
  /** Names of the handler pools to staff. */
  pools: readonly string[];
  interval: IntervalKind;
  targets: readonly StaffTarget[];
  /** Replications per simulation at first. */
  replications: number;
  /** Replications at most, added while some interval's verdict is unsure. */
  maxReplications: number;
  /** Handlers per interval at most (the ample staffing of the first simulation). */
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
  /** Handler-hours a week (or a day with hourOfDay) over the searched pools. */
  staffHours: number;
  /** Intervals changed by this step. */
  changed: number;
}

export interface PoolRequirement {
  name: string;
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
  iterations: IterationNote[];
  /** Replications used for each verdict at the end. */
  replications: number;
}
