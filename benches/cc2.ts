import { StreamFactory } from '../src/engine/random.js';
import { runReplication } from '../src/experiment/run-replication.js';
import { ControlRoomCollector } from '../src/metrics/collector.js';
import { REPORT_ATTENDANCE_TARGETS } from '../src/metrics/standards.js';
import { ControlRoom } from '../src/model/control-room.js';
import type { ResolvedScenario } from '../src/model/resolved.js';
import { makeDispatchPolicy } from '../src/policies/dispatch/dispatch-policies.js';
import { makeQueueSelector } from '../src/policies/queue-selection.js';

/**
 * "cc2": two Poisson classes sharing 12 handlers, non-preemptive, FIFO within a class. "999" at
 * 0.02/s (handle exp mean 240 s, patience exp mean 60 s) is served before "101" at 0.05/s (handle
 * mean 180 s, patience mean 300 s). `arrivals` sets the horizon: arrivals / 0.07 seconds.
 */
export function cc2Scenario(arrivals: number, options: { dispatch?: boolean; regrading?: boolean } = {}): ResolvedScenario {
  const horizonSeconds = Math.round(arrivals / 0.07);
  const scenario: ResolvedScenario = {
    name: 'cc2',
    start: '2022-01-03T00:00:00Z',
    startEpochMs: Date.parse('2022-01-03T00:00:00Z'), timeZone: 'UTC',
    horizonSeconds,
    warmupSeconds: 0,
    replications: 1,
    seed: 2022,
    channels: [
      { name: '999', rate: { perHour: 0.02 * 3600 }, dayBusynessCv: 0, surges: [], queueIndex: 0, queue: '999' },
      { name: '101', rate: { perHour: 0.05 * 3600 }, dayBusynessCv: 0, surges: [], queueIndex: 1, queue: '101' },
    ],
    queues: [
      { name: '999', targetSeconds: 10, patienceSeconds: { exponential: { mean: 60 } } },
      { name: '101', targetSeconds: 10, patienceSeconds: { exponential: { mean: 300 } } },
    ],
    handlers: {
      pools: [{ name: 'handlers', queueIndices: [0, 1], serves: ['999', '101'], roster: { constant: 12 } }],
      handleSecondsByQueue: [{ exponential: { mean: 240 } }, { exponential: { mean: 180 } }],
      handleSeconds: { '999': { exponential: { mean: 240 } }, '101': { exponential: { mean: 180 } } },
    },
    policy: { queueSelection: { kind: 'strictPriority', order: ['999', '101'] } },
  };
  if (!options.dispatch) return scenario;
  // The same calls, graded; Immediate and Priority incidents go to units in two areas.
  return {
    ...scenario,
    name: 'cc2 with dispatch',
    grading: {
      needByChannel: [
        { immediate: 0.35, priority: 0.35, scheduled: 0.15, resolvedWithoutDeployment: 0.1, none: 0.05 },
        { immediate: 0.02, priority: 0.3, scheduled: 0.3, resolvedWithoutDeployment: 0.3, none: 0.08 },
      ],
      needByQueue: [null, null],
      flags: { repeat: 0.2, vulnerable: 0.25 },
      thrive: 0.78,
      recogniseRepeat: 0.61,
      recogniseVulnerable: 0.64,
      undergradeIfMissed: 0.3,
    },
    dispatch: {
      areas: [
        { name: 'city', kind: 'urban', share: 0.6, units: { constant: 70 }, extraUnits: [], travelMinutes: { lognormal: { mean: 8, cv: 0.5 } }, neighbours: [1], helpAfterMinutes: 20 },
        { name: 'county', kind: 'rural', share: 0.4, units: { constant: 50 }, extraUnits: [], travelMinutes: { lognormal: { mean: 14, cv: 0.5 } }, neighbours: [0], helpAfterMinutes: 20 },
      ],
      onSceneMinutes: { immediate: { lognormal: { mean: 50, cv: 1 } }, priority: { lognormal: { mean: 45, cv: 1 } } },
      targets: { immediate: { urban: 15, rural: 20 }, priority: { urban: 60, rural: 60 } },
      dispatchedGrades: ['immediate', 'priority'],
      policy: { kind: 'gradeFirst' },
      divertFromPriority: false,
      attendanceFrom: 'incidentCreated',
      // Re-grading and chasing calls put timers on every unattended incident.
      upgradePerHour: options.regrading ? 0.5 : 0,
      chasePerHour: options.regrading ? 0.2 : 0,
    },
  };
}

/** The events of replication 0 of `scenario`: all of them, those that passed through the heap, and the calls offered. */
export interface EventCounts {
  events: number;
  heapEvents: number;
  arrivals: number;
}

/**
 * Counts the events of replication 0: the model wired as `runReplication` wires it (collector,
 * built-in policies), so the count equals its `eventsRun`, which the caller can check; the
 * simulator also says how many were lane events (arrivals kept outside the heap). Call it after
 * the timed runs: it runs the model once more.
 */
export function countEvents(scenario: ResolvedScenario): EventCounts {
  const collector = new ControlRoomCollector(scenario.dispatch?.targets ?? REPORT_ATTENDANCE_TARGETS);
  // The same objects and shapes as runReplication's (a context without `counts`, say, would make
  // the policies' property reads polymorphic and slow the timed runs after it).
  const context = { startEpochMs: scenario.startEpochMs, counts: undefined };
  const room = new ControlRoom(scenario, new StreamFactory(scenario.seed, 0), collector, {
    queueSelector: (spec, served) => makeQueueSelector(spec, served, context),
    dispatchPolicy: makeDispatchPolicy,
    callSink: undefined,
  });
  room.run();
  const sim = room.sim;
  return { events: sim.eventsRun, heapEvents: sim.eventsRun - sim.laneEventsRun, arrivals: collector.result(0, sim.eventsRun).callsOffered };
}

/** Time one replication and print its rate and figures; returns the checks to print after all timing. */
function measure(label: string, scenario: ResolvedScenario): () => void {
  const before = performance.now();
  const result = runReplication(scenario, 0);
  const seconds = (performance.now() - before) / 1000;
  const m = result.metrics;
  const pct = (x: number): string => `${(100 * x).toFixed(2)}%`;
  console.log(`${label}: ${result.callsOffered.toLocaleString('en-GB')} arrivals in ${seconds.toFixed(2)} s = ${Math.round(result.callsOffered / seconds).toLocaleString('en-GB')} arrivals/s, ${Math.round(result.eventsRun / seconds).toLocaleString('en-GB')} events/s`);
  console.log(
    `  999 answered within 10 s ${pct(m['queues.999.answeredWithinTarget'])} (of offered ${pct(m['queues.999.serviceLevel'])}), abandoned ${pct(m['queues.999.abandonedRatio'])}; ` +
      `101 answered within 10 s ${pct(m['queues.101.answeredWithinTarget'])}, abandoned ${pct(m['queues.101.abandonedRatio'])}; occupancy ${pct(m['handlers.handlers.occupancy'])}`,
  );
  if (m['incidents.breachShare'] !== undefined) {
    console.log(`  incidents ${m['incidents.created']}, Immediate+Priority attended outside target ${pct(m['incidents.breachShare'])}, under-graded ${pct(m['grading.undergraded'])}`);
  }
  return () => {
    const counts = countEvents(scenario);
    if (counts.events !== result.eventsRun) throw new Error(`countEvents saw ${counts.events} events, runReplication ${result.eventsRun}`);
    console.log(`${label}: ${(counts.events / counts.arrivals).toFixed(2)} events per arrival, ${(counts.heapEvents / counts.arrivals).toFixed(2)} of them through the heap (the rest are arrivals on lanes)`);
  };
}

export const cc2Bench = {
  name: 'cc2',
  description: 'two-class call centre (999 before 101, 12 handlers, abandonment), about 1,000,000 arrivals; then with dispatch',
  run(): void {
    const arrivals = Number(process.env.CC2_ARRIVALS ?? 1_000_000);
    measure('cc2 warm-up', cc2Scenario(100_000));
    const counts = [
      measure('cc2', cc2Scenario(arrivals)),
      measure('cc2 + grading and dispatch', cc2Scenario(arrivals, { dispatch: true })),
      measure('cc2 + dispatch, re-grading and chasing calls', cc2Scenario(arrivals, { dispatch: true, regrading: true })),
    ];
    const peak = process.resourceUsage().maxRSS / 1024;
    console.log(`  peak memory (max RSS) ${peak.toFixed(0)} MB`);
    // Counted after every timed run, so the counting runs never disturb a timing.
    for (const print of counts) print();
  },
};
