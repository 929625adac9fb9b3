/**
 * The built-in queue-selection policies: one line per policy file. The scenario schema, the JSON
 * Schema, `extends` merging and the README reference are derived from this list.
 */
export * as strictPriority from './strict-priority.js';
export * as longestWeightedWait from './longest-weighted-wait.js';
export * as ageing from './ageing.js';
export * as reserve from './reserve.js';
