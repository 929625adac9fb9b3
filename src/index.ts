/**
 * callsim as a library (`import { loadScenario, runScenario } from 'callsim'`). The testing kit for
 * users' CI is `callsim/testing`.
 *
 *   const scenario = await loadScenario('scenarios/avon-somerset-2022.yaml');
 *   const results = await runScenario(scenario, { replications: 10, threads: 4 });
 *   results.metrics['queues.999.serviceLevel'].mean;
 */
export { loadScenario, simulate, runScenario, compareScenarios, sweep, checkTargets } from './experiment/api.js';
export type { LoadScenarioOptions, SimulateOptions, RunOptions, SweepOptions } from './experiment/api.js';
export { loadPolicyModule } from './experiment/policy-modules.js';
export { generateCalls } from './experiment/call-log.js';
export type { RunObserver } from './experiment/counting-monitor.js';
export type { PrecisionTarget } from './experiment/run-replications.js';
export type { SweepPoint, SweepPointResult } from './experiment/sweep.js';
export type { TargetOutcome, TargetStatus, TargetsFile } from './experiment/targets.js';
export { callsimVersion } from './experiment/version.js';

export { registerQueuePolicy, registerDispatchPolicy, queuePolicyNames, dispatchPolicyNames } from './policies/registry.js';
export type { QueuePolicy, QueueState, PoolState, QueueChooser, QueueReference } from './policies/queue-policy.js';
export type { DispatchPolicyDefinition, DispatchPolicy } from './policies/dispatch/dispatch-policy.js';
export { PolicyError } from './policies/policy-error.js';

export { ScenarioError, formatProblem, type ScenarioProblem } from './scenario/errors.js';
export { scenarioJsonSchema } from './scenario/json-schema.js';
export type { WrittenScenario } from './scenario/schema.js';

export type { ResolvedScenario, ResolvedQueue, ResolvedChannel, ResolvedPool, ResolvedIvr, ResolvedSwitchboard, ResolvedHandlers, QueueShare, QueueSelectionSpec, TraceCall, ResolvedTraceCall } from './model/resolved.js';
export type { CallView, CallOutcome, QueueOutcome, ModelMonitor, MonitorLayout } from './model/monitor.js';
export type { Results, ReplicationResult, MetricSummary, SeriesSummary, ComparisonResults, PairedDifference } from './metrics/results.js';

/** zod, the schema library policies declare their parameters with (the same instance callsim validates with). */
export { z } from 'zod';
