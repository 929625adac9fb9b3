/** Analytic results to test a simulation against (Erlang B, C and A; Cobham's priority waits). */
export { erlangB } from '../metrics/analytical/erlang-b.js';
export { erlangC, erlangCMeanWait, erlangCServiceLevel, mmc, type MmcFigures } from '../metrics/analytical/erlang-c.js';
export { erlangA, type ErlangAFigures } from '../metrics/analytical/erlang-a.js';
export { cobhamWaits as cobham, cobhamConservation } from '../metrics/analytical/cobham.js';
