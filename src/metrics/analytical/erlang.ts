/** Kept for existing imports: Erlang B and C live in `erlang-b.ts` and `erlang-c.ts`. */
export { erlangB } from './erlang-b.js';
export { erlangC, erlangCMeanWait, erlangCServiceLevel, mmc, type MmcFigures } from './erlang-c.js';
