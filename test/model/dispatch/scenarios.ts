import type { ResolvedArea, ResolvedDispatch, ResolvedGrading } from '../../../src/model/dispatch/types.js';
import type { ResolvedScenario } from '../../../src/model/resolved.js';

/** One area with fixed travel (minutes) and a constant number of units. */
export function area(name: string, units: number, extra: Partial<ResolvedArea> = {}): ResolvedArea {
  return { name, kind: 'urban', share: 1, units: { constant: units }, extraUnits: [], travelMinutes: { fixed: 0 }, neighbours: [], ...extra };
}

export function dispatchSpec(areas: ResolvedArea[], extra: Partial<ResolvedDispatch> = {}): ResolvedDispatch {
  return {
    areas,
    onSceneMinutes: { immediate: { fixed: 30 }, priority: { fixed: 30 } },
    targets: { immediate: { urban: 15, rural: 20 }, priority: { urban: 60, rural: 60 } },
    dispatchedGrades: ['immediate', 'priority'],
    policy: { kind: 'gradeFirst' },
    divertFromPriority: false,
    attendanceFrom: 'incidentCreated',
    upgradePerHour: 0,
    chasePerHour: 0,
    ...extra,
  };
}

/** A resolved scenario with channels '999' and '101' (queues of the same names) and the given dispatch. */
export function scenarioWith(dispatch: ResolvedDispatch, grading?: ResolvedGrading, hours = 1000): ResolvedScenario {
  return {
    name: 'dispatch test',
    start: '2022-01-03T00:00:00Z',
    startEpochMs: Date.parse('2022-01-03T00:00:00Z'), timeZone: 'UTC',
    horizonSeconds: hours * 3600,
    warmupSeconds: 0,
    replications: 1,
    seed: 1,
    channels: [
      { name: '999', rate: { perHour: 0 }, dayBusynessCv: 0, surges: [], queueIndex: 0, queue: '999' },
      { name: '101', rate: { perHour: 0 }, dayBusynessCv: 0, surges: [], queueIndex: 1, queue: '101' },
    ],
    queues: [
      { name: '999', targetSeconds: 10 },
      { name: '101', targetSeconds: 60 },
    ],
    handlers: { pools: [{ name: 'h', queueIndices: [0, 1], serves: ['999', '101'], roster: { constant: 1 } }], handleSecondsByQueue: [null, null], handleSeconds: {} },
    policy: { queueSelection: { kind: 'strictPriority', order: ['999', '101'] } },
    grading,
    dispatch,
  };
}

