import { StreamFactory } from '../../../src/engine/random.js';
import { Simulator } from '../../../src/engine/simulator.js';
import { Calendar } from '../../../src/engine/calendar.js';
import { CallerCase } from '../../../src/model/dispatch/caller-case.js';
import { DispatchCentre, type DispatchHooks, type DispatchTrace } from '../../../src/model/dispatch/dispatch-centre.js';
import { gradeIndex } from '../../../src/model/dispatch/grades.js';
import type { Incident } from '../../../src/model/dispatch/incident.js';
import type { Grade } from '../../../src/model/dispatch/types.js';
import type { ResolvedScenario } from '../../../src/model/resolved.js';
import { makeDispatchPolicy } from '../../../src/policies/dispatch/dispatch-policies.js';
import { RecordingDispatchMonitor } from './recording-dispatch-monitor.js';

export interface Chase {
  channel: string;
  at: number;
  incidentId: number;
  caller: CallerCase;
}

/** A dispatch centre on its own simulator, with a recording monitor, hooks and unit trace. */
export class Harness {
  readonly sim = new Simulator();
  readonly monitor: RecordingDispatchMonitor;
  readonly centre: DispatchCentre;
  readonly chases: Chase[] = [];
  readonly victimWork: { queue: string; handleSeconds: number; at: number; incidentId: number }[] = [];
  /** The incidents handed over with `victimWork`, in the same order (what a handler passes back). */
  readonly victimIncidents: Incident[] = [];
  readonly unitLog: { what: 'assigned' | 'arrived' | 'cleared' | 'diverted'; unit: number; incident: number; at: number; to?: number }[] = [];

  constructor(readonly scenario: ResolvedScenario, options: { seed?: number; replication?: number; attendedOnly?: boolean; hooks?: Partial<DispatchHooks>; traceUnits?: boolean } = {}) {
    this.monitor = new RecordingDispatchMonitor(options.attendedOnly ?? false);
    this.monitor.begin({
      startEpochMs: scenario.startEpochMs, timeZone: 'UTC', horizonSeconds: scenario.horizonSeconds, warmupSeconds: 0, channels: [], queues: [], pools: [],
      areas: (scenario.dispatch?.areas ?? []).map((a) => ({ name: a.name, kind: a.kind })),
    });
    const hooks: DispatchHooks = {
      // Recorded by name, so tests read as the scenario is written.
      offerChasingCall: (channel, at, incidentId, caller) => this.chases.push({ channel: scenario.channels[channel].name, at, incidentId, caller }),
      victimUpdateWork: (queue, handleSeconds, at, incident) => {
        this.victimWork.push({ queue: scenario.queues[queue].name, handleSeconds, at, incidentId: incident.id });
        this.victimIncidents.push(incident);
      },
      ...options.hooks,
    };
    const log = this.unitLog;
    const trace: DispatchTrace | undefined = options.traceUnits === false ? undefined : {
      unitAssigned: (unit, _ua, incident, _ia, at) => log.push({ what: 'assigned', unit, incident, at }),
      unitArrived: (unit, incident, at) => log.push({ what: 'arrived', unit, incident, at }),
      unitCleared: (unit, incident, at) => log.push({ what: 'cleared', unit, incident, at }),
      unitDiverted: (unit, incident, to, at) => log.push({ what: 'diverted', unit, incident, at, to }),
    };
    this.centre = new DispatchCentre({
      sim: this.sim,
      scenario,
      streams: new StreamFactory(options.seed ?? scenario.seed, options.replication ?? 0),
      calendar: new Calendar(scenario.startEpochMs),
      monitor: this.monitor,
      hooks,
      policy: makeDispatchPolicy,
      trace,
    });
  }

  /** A handled call at `at` whose case is built by hand: need, area, travel and on-scene seconds. */
  handAt(at: number, need: Grade, travelSeconds: number, onSceneSeconds: number, areaIndex = 0, connectedAt = at, receivedAt = connectedAt): CallerCase {
    const c = new CallerCase(0, gradeIndex(need), areaIndex, this.scenario.dispatch!.areas[areaIndex].name, false, false);
    c.travelSeconds = travelSeconds;
    c.onSceneSeconds = onSceneSeconds;
    this.sim.schedule(at, () => this.centre.callHandled(c, receivedAt, connectedAt, true), null, 3);
    return c;
  }

  run(until: number): void {
    this.sim.run(until);
    this.centre.finish(until);
  }
}
