/**
 * callsim's testing kit (`import ... from 'callsim/testing'`), for property tests in a user's own
 * CI, built on fast-check: arbitraries for scenarios, traces and policy parameters; a recorded run
 * and the invariants it must keep; metamorphic relations under common random numbers; and the
 * analytic oracles.
 */
export { arbitraryScenario, arbitraryTrace, arbitraryQueueSelection, arbitraryDispatchPolicy, arbitraryPolicyParams, arbitraryDuration, arbitraryRoster, type ScenarioArbitraryOptions } from './arbitraries.js';
export { recordRun, type RecordedRun } from './run.js';
export { RecordingMonitor, type QueueLeftRecord, type EndedRecord, type IncidentRecord } from './recorder.js';
export { checkInvariants } from './invariants.js';
export { withExtraHandlers, oneMoreHandlerWaitViolations, rescaleTime, metricOverReplications, withinNoise } from './metamorphic.js';
export { singleQueue, sharedPool } from './scenarios.js';
export { scaleRatesAndStaff, scaleUpServiceLevel, predictedServiceLevel, type ScaleUpCheck } from './scale-up.js';
export * from './oracles.js';
