/** Moved to src/testing/scenarios.ts (the testing kit, `callsim/testing`). */
export * from '../../src/testing/scenarios.js';
