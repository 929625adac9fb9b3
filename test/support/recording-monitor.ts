/** Moved to src/testing/recorder.ts (the testing kit, `callsim/testing`). */
export * from '../../src/testing/recorder.js';
