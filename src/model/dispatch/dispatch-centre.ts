import type { Calendar } from '../../engine/calendar.js';
import { SameInstant } from '../../engine/priorities.js';
import type { RandomStream, StreamFactory } from '../../engine/random.js';
import type { Simulator } from '../../engine/simulator.js';
import type { ModelMonitor } from '../monitor.js';
import type { ResolvedScenario } from '../resolved.js';
import { Area } from './area.js';
import type { CallerCase } from './caller-case.js';
import { CallerSampler, type TraceOverrides } from './caller-sampler.js';
import { gradeIndex, gradeName, IMMEDIATE, INCIDENT_GRADES, NO_INCIDENT, PRIORITY } from './grades.js';
import { MechanismEvent } from '../callers/events.js';
import { Grader } from './grading.js';
import { Incident, WAITING } from './incident.js';
import { IncidentEvents, type DispatchHooks } from './incident-events.js';
import type { DispatchPolicyFactory } from './policy-types.js';
import { NATIONAL_ATTENDANCE_MINUTES, type ResolvedDispatch } from './types.js';
import { UnitDispatcher, type DispatchTrace } from './unit-dispatcher.js';
import { unitHeadcount } from './unit-roster.js';

export type { DispatchHooks, DispatchTrace };

/** What the dispatch centre needs from the run it belongs to. */
export interface DispatchCentreOptions {
  sim: Simulator;
  scenario: ResolvedScenario;
  streams: StreamFactory;
  calendar: Calendar;
  /** Already begun (`monitor.begin` called with the scenario's areas in order). */
  monitor: ModelMonitor;
  hooks: DispatchHooks;
  /** Builds the dispatch policy the scenario names (`makeDispatchPolicy` of `src/policies/dispatch/`). */
  policy: DispatchPolicyFactory;
  trace?: DispatchTrace;
}

interface HeadcountStep {
  area: Area;
  headcount: number;
}

/** An incident due while its caller is on the line. */
interface DuringCall { caller: CallerCase; callArrivedAt: number; connectedAt: number; counted: boolean }

const NO_DISPATCH: ResolvedDispatch = {
  areas: [],
  onSceneMinutes: {},
  targets: NATIONAL_ATTENDANCE_MINUTES,
  dispatchedGrades: [],
  policy: { kind: 'gradeFirst' },
  divertFromPriority: false,
  attendanceFrom: 'incidentCreated',
  upgradePerHour: 0,
  chasePerHour: 0,
};

/**
 * From answered call to attended incident: the one object the call model talks to about grading
 * and dispatch. The model draws each caller's case at arrival (`drawCaller`), tells it when a
 * handler answers (`callAnswered`) and when the talk ends (`callHandled`): the call is graded, an
 * incident is created in its area (at the talk's end, or during the call when the scenario says)
 * and counted, and Immediate and Priority incidents (the dispatched grades) wait for units.
 * Records go to the ModelMonitor with area indices in the order of `scenario.dispatch.areas`.
 */
export class DispatchCentre {
  readonly sampler: CallerSampler;
  readonly grader: Grader;
  readonly areas: Area[];
  private readonly sim: Simulator;
  private readonly monitor: ModelMonitor;
  private readonly dispatcher: UnitDispatcher;
  private readonly events: IncidentEvents;
  private readonly dispatched: boolean[];
  /** When the attendance clock starts (`dispatch.attendanceFrom`). */
  private readonly clockStart: 'incidentCreated' | 'callConnected' | 'callReceived';
  private readonly lateStream: RandomStream;
  /** Unattended incidents (waiting or a unit travelling); `Incident.openSlot` indexes it. */
  private readonly open: Incident[] = [];
  private nextIncidentId = 0;
  /** Priority High's share when Priority is split; null otherwise. */
  private readonly highShare: number | null;
  /** Incidents created per given grade index (dispatched and counted alike). */
  readonly createdByGrade = new Float64Array(INCIDENT_GRADES);

  constructor(options: DispatchCentreOptions) {
    const { sim, scenario, streams, monitor } = options;
    const dispatch = scenario.dispatch ?? NO_DISPATCH;
    this.sim = sim;
    this.monitor = monitor;
    this.sampler = new CallerSampler(scenario, streams);
    this.grader = new Grader(scenario.grading);
    this.clockStart = dispatch.attendanceFrom;
    const split = dispatch.prioritySplit;
    this.highShare = split === undefined ? null : split.high;
    this.lateStream = streams.stream('dispatch.late');
    const grades = dispatch.dispatchedGrades.map((g) => gradeIndex(g)).sort((a, b) => a - b);
    this.dispatched = Array.from({ length: NO_INCIDENT + 1 }, (_, g) => grades.includes(g));

    const unitIds = { next: 0 };
    this.areas = dispatch.areas.map((a, i) => {
      const targets = new Float64Array(INCIDENT_GRADES).fill(Infinity);
      targets[IMMEDIATE] = 60 * dispatch.targets.immediate[a.kind];
      targets[PRIORITY] = 60 * dispatch.targets.priority[a.kind];
      const helpAfter = a.helpAfterMinutes === undefined || a.neighbours.length === 0 ? Infinity : 60 * a.helpAfterMinutes;
      // Priority split: Priority High takes the Priority target, Standard its own.
      if (split !== undefined) targets[PRIORITY] = 60 * split.targets.high[a.kind];
      const area = new Area(i, a.name, a.kind, targets, helpAfter, unitIds);
      if (split !== undefined) area.standardPrioritySeconds = 60 * split.targets.standard[a.kind];
      return area;
    });
    dispatch.areas.forEach((a, i) => {
      for (const j of a.neighbours) {
        this.areas[i].neighbours.push(this.areas[j]);
        this.areas[j].helps.push(this.areas[i]);
      }
    });

    this.dispatcher = new UnitDispatcher(sim, this.areas, options.policy(dispatch.policy, grades), dispatch.divertFromPriority, monitor, this.onAttended, this.onRequeued, options.trace ?? null,
      dispatch.divertFromPriority || dispatch.upgradePerHour > 0 || dispatch.chasePerHour > 0, scenario.horizonSeconds);
    this.events = new IncidentEvents(sim, dispatch, streams, this.sampler, this.areas, this.dispatcher, monitor, options.hooks);

    // Units: headcount at 0, then an event at each roster change (with releases, before seizes).
    const horizon = scenario.horizonSeconds;
    dispatch.areas.forEach((a, i) => {
      const pieces = unitHeadcount(a, options.calendar, horizon);
      this.dispatcher.setHeadcount(this.areas[i], pieces.valueAt(0));
      for (const at of pieces.changeTimes()) {
        if (at > 0 && at < horizon) sim.post(at, this.onHeadcount, { area: this.areas[i], headcount: pieces.valueAt(at) }, SameInstant.capacity);
      }
    });
  }

  /**
   * Draw the case of a call arriving now on channel `channelIndex` (scenario order) whose planned
   * path ends in queue `plannedQueueIndex` (scenario order, -1 for none); `trace` overrides the
   * area and need. Call it once per first call; a redial reuses the first call's case.
   */
  drawCaller(channelIndex: number, plannedQueueIndex: number, trace?: TraceOverrides): CallerCase {
    return this.sampler.draw(channelIndex, plannedQueueIndex, trace);
  }

  /**
   * A handler finished a call at the current time. `callArrivedAt` and `connectedAt` are the
   * call's arrival and answer instants; `counted` is false for calls in the warm-up. A first call
   * is graded and makes an incident (unless it needs none); a chasing call feeds the
   * repeat-recognition step: recognised, its incident is re-graded to the grade it needs.
   */
  callHandled(caller: CallerCase, callArrivedAt: number, connectedAt: number, counted: boolean): void {
    const chased = caller.chasing;
    if (chased !== null) {
      if (chased.unattended && chased.given > chased.neededIndex && this.grader.recognisesRepeat(caller)) {
        this.events.upgrade(chased, chased.neededIndex);
      }
      return;
    }
    if (!caller.createdDuringCall) this.createIncident(caller, callArrivedAt, connectedAt, counted);
  }

  /**
   * A handler answered a first call now and will talk for `talkSeconds`. When the scenario creates
   * incidents of the call's given grade during the call (`dispatch.createIncidentAfterSeconds`)
   * and the caller's drawn time falls before the talk ends, the incident is created then and the
   * end of the talk creates none. Grading uses only arrival draws, so grading now gives the same grade.
   */
  callAnswered(caller: CallerCase, callArrivedAt: number, talkSeconds: number, counted: boolean): void {
    const afterSeconds = caller.incidentAfterSeconds;
    if (afterSeconds === null || caller.chasing !== null || caller.areaIndex < 0) return;
    const given = this.grader.grade(caller);
    if (given === NO_INCIDENT || !(afterSeconds[given] < talkSeconds)) return;
    caller.createdDuringCall = true;
    const now = this.sim.now;
    this.sim.post(now + afterSeconds[given], this.onCreateDuringCall, { caller, callArrivedAt, connectedAt: now, counted }, SameInstant.arrival);
  }

  /** Grade the call, create its incident now and, for a dispatched grade, send units. */
  private createIncident(caller: CallerCase, callArrivedAt: number, connectedAt: number, counted: boolean): void {
    const given = this.grader.grade(caller);
    const areaIndex = caller.areaIndex;
    if (given === NO_INCIDENT || areaIndex < 0) return;
    const now = this.sim.now;
    this.createdByGrade[given]++;
    this.monitor.incidentCreated(areaIndex, now, caller.needed, gradeName(given), counted);
    if (!this.dispatched[given]) return;
    if (Number.isNaN(caller.travelSeconds) || Number.isNaN(caller.onSceneSeconds)) this.sampler.lateDraws(caller, given, this.lateStream);
    const start = this.clockStart;
    // Receipt: the answered call's arrival at the room (a redial's own arrival, not its first attempt's).
    const clockFrom = start === 'callConnected' ? Math.min(connectedAt, now) : start === 'callReceived' ? Math.min(callArrivedAt, now) : now;
    const incident = new Incident(this.nextIncidentId++, areaIndex, caller.neededIndex, given, now, clockFrom, counted, caller);
    if (this.highShare !== null) {
      incident.standard = !(caller.uPriorityHigh < this.highShare);
      if (given === PRIORITY) this.monitor.mechanismEvent?.(incident.standard ? MechanismEvent.priorityStandardCreated : MechanismEvent.priorityHighCreated, now, counted);
    }
    incident.openSlot = this.open.length;
    this.open.push(incident);
    this.dispatcher.enqueue(incident);
    const area = this.areas[areaIndex];
    this.dispatcher.dispatchArea(area);
    this.events.start(incident);
    if (incident.state === WAITING && area.neighbours.length > 0 && area.helpAfterSeconds !== Infinity) {
      this.sim.post(now + area.helpAfterSeconds, this.onHelpDue, incident, SameInstant.timeout);
    }
  }

  /** The victim update for `incident` was made at `at` (by a handler, through the hook). */
  victimUpdateMade(incident: Incident, at: number = this.sim.now): void {
    this.events.victimUpdateMade(incident, at);
  }

  /** Incidents still unattended (waiting, or a unit travelling). */
  get unattended(): number {
    return this.open.length;
  }

  /** At the horizon: report every unattended incident as open, with its wait so far. */
  finish(horizonSeconds: number): void {
    this.dispatcher.settleAll(horizonSeconds);
    for (const incident of this.open) {
      this.monitor.incidentOpen(incident.areaIndex, gradeName(incident.neededIndex), gradeName(incident.given), horizonSeconds - incident.clockFrom, incident.counted);
      if (this.highShare !== null && incident.given === PRIORITY) this.monitor.priorityTierAttended?.(incident.areaIndex, incident.standard, NaN, incident.counted);
    }
  }

  /** The first unit arrives at `at` (now, or later when the arrival was settled at dispatch). */
  private readonly onAttended = (incident: Incident, at: number): void => {
    this.events.stop(incident);
    const last = this.open.pop() as Incident;
    if (last !== incident) {
      this.open[incident.openSlot] = last;
      last.openSlot = incident.openSlot;
    }
    incident.openSlot = -1;
    this.monitor.incidentAttended(incident.areaIndex, at, gradeName(incident.neededIndex), gradeName(incident.given), at - incident.clockFrom, incident.counted, incident.caller.travelSeconds, incident.clockFrom);
    if (this.highShare !== null && incident.given === PRIORITY) this.monitor.priorityTierAttended?.(incident.areaIndex, incident.standard, at - incident.clockFrom, incident.counted);
  };

  private readonly onRequeued = (incident: Incident): void => {
    this.events.requeued(incident);
  };

  private readonly onCreateDuringCall = (d: DuringCall): void => {
    this.createIncident(d.caller, d.callArrivedAt, d.connectedAt, d.counted);
  };

  private readonly onHelpDue = (incident: Incident): void => {
    this.dispatcher.helpDue(incident);
  };

  private readonly onHeadcount = (step: HeadcountStep): void => {
    this.dispatcher.setHeadcount(step.area, step.headcount);
  };
}
