/** What `callsim web` builds into the page: the scenario files (by the names the command line uses) and callsim's version. */
export interface SiteData {
  callsim: string;
  /** Scenario files the page offers, as named on the command line (or relative to the package for the defaults). */
  scenarios: string[];
  /** Every file those scenarios read (bases, traces), name -> text. */
  files: Record<string, string>;
}

export const SITE_DATA_ID = 'callsim-site-data';
export const WORKER_SOURCE_GLOBAL = 'CALLSIM_WORKER_SOURCE';
