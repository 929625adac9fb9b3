import { SameInstant } from '../../engine/priorities.js';
import type { Simulator } from '../../engine/simulator.js';
import type { ModelMonitor } from '../monitor.js';
import type { Area } from './area.js';
import { IMMEDIATE, INCIDENT_GRADES, PRIORITY } from './grades.js';
import { CLEARED, Incident, ON_SCENE, TRAVELLING, type Unit, WAITING } from './incident.js';
import type { DispatchPolicy } from './policy-types.js';
import { QuietClearUps } from './quiet-clear-ups.js';

/** Priority Standard waits behind every Priority High incident of its line; in any other grade, by id. */
const STANDARD_BEHIND = 2 ** 40;
const standardOrder = (incident: Incident): number => (incident.given === PRIORITY ? incident.id + STANDARD_BEHIND : incident.id);

/** Optional per-event trace of units (tests, `--trace-out`); times in simulated seconds. */
export interface DispatchTrace {
  unitAssigned(unitId: number, unitArea: number, incidentId: number, incidentArea: number, at: number): void;
  unitArrived(unitId: number, incidentId: number, at: number): void;
  unitCleared(unitId: number, incidentId: number, at: number): void;
  /** A unit travelling to `fromIncident` was sent to `toIncident` instead. */
  unitDiverted(unitId: number, fromIncident: number, toIncident: number, at: number): void;
}

/**
 * Sends units to incidents: per area, incidents wait by grade in order of creation, and the
 * dispatch policy picks the grade a free unit takes next. A unit travels (the incident's travel
 * time), stays on scene, then is free again in its home area. Free units may help a neighbouring
 * area's incidents that have waited `helpAfterMinutes`; with `divert`, an Immediate incident
 * with no free unit takes a unit travelling to a lower-grade incident of its area, and that
 * incident goes back to its place (the front) in its grade's line.
 */
export class UnitDispatcher {
  private readonly reportedWaiting: Int32Array;
  /** Clear-ups without events (null with a trace: its records then come in time order). */
  private readonly quiet: QuietClearUps | null;

  constructor(
    private readonly sim: Simulator,
    readonly areas: readonly Area[],
    private readonly policy: DispatchPolicy,
    private readonly divert: boolean,
    private readonly monitor: ModelMonitor,
    /** Called once per incident for its first unit's arrival on scene at `at` (see `travel`). */
    private readonly attended: (incident: Incident, at: number) => void,
    /** Called when a diverted unit leaves an incident, which waits again. */
    private readonly requeued: (incident: Incident) => void,
    private readonly trace: DispatchTrace | null,
    /**
     * True when something may happen to an incident while its unit travels (a divert, a
     * re-grading, a chasing call); false lets `travel` settle the arrival at once.
     */
    private readonly watchTravel: boolean,
    private readonly horizonSeconds: number,
  ) {
    this.reportedWaiting = new Int32Array(areas.length);
    this.quiet = trace === null ? new QuietClearUps(sim, areas, monitor, this.onClear) : null;
  }

  /** A new (or upgraded, or diverted) incident waits in its area's line for its given grade. */
  enqueue(incident: Incident): void {
    const area = this.areas[incident.areaIndex];
    incident.state = WAITING;
    if (incident.standard) incident.orderKey = standardOrder(incident);
    area.lines[incident.given].insert(incident);
    area.waitingByGrade[incident.given]++;
    area.waiting++;
  }

  /** Move a waiting incident to the line of its new grade `to`. */
  regrade(incident: Incident, to: number): void {
    if (incident.state === WAITING) {
      const area = this.areas[incident.areaIndex];
      area.lines[incident.given].remove(incident);
      area.waitingByGrade[incident.given]--;
      incident.given = to;
      if (incident.standard) incident.orderKey = standardOrder(incident);
      area.lines[to].insert(incident);
      area.waitingByGrade[to]++;
    } else {
      incident.given = to;
    }
  }

  /** Send free units of `area` to its waiting incidents, then to neighbours', then divert. */
  dispatchArea(area: Area): void {
    this.settle(area);
    const free = area.free;
    while (free.length > 0 && area.waiting > 0) {
      const grade = this.policy(area.waitingByGrade, free.length);
      if (grade < 0) break;
      this.send(area, free.pop() as Unit, this.take(area, grade));
    }
    if (free.length > 0) {
      const helps = area.helps;
      for (let i = 0; i < helps.length && free.length > 0; i++) if (helps[i].waiting > 0) this.help(area, helps[i]);
    }
    if (this.divert && area.waitingByGrade[IMMEDIATE] > 0) this.divertFor(area);
    this.reportWaiting(area);
    // An incident waits here: units of this area and of those that may help it need their clear-up events.
    if (area.waiting > 0 && this.quiet !== null) this.quiet.wakeFor(area);
  }

  /** An incident of `area` has waited long enough for help: free units of its neighbours may come. */
  helpDue(incident: Incident): void {
    if (incident.state !== WAITING) return;
    const area = this.areas[incident.areaIndex];
    const neighbours = area.neighbours;
    for (let i = 0; i < neighbours.length && area.waiting > 0; i++) {
      this.settle(neighbours[i]);
      if (neighbours[i].free.length > 0) this.help(neighbours[i], area);
    }
  }

  /** Remove the oldest waiting incident of `grade` from `area`'s line. */
  private take(area: Area, grade: number): Incident {
    const incident = area.lines[grade].shift() as Incident;
    area.waitingByGrade[grade]--;
    area.waiting--;
    return incident;
  }

  /** Free units of `helper` take `needy`'s oldest incidents that have waited long enough. */
  private help(helper: Area, needy: Area): void {
    const now = this.sim.now;
    const helpable = needy.helpable;
    const free = helper.free;
    while (free.length > 0 && needy.waiting > 0) {
      for (let g = 0; g < INCIDENT_GRADES; g++) {
        const head = needy.lines[g].peek();
        helpable[g] = head !== undefined && now - head.createdAt >= needy.helpAfterSeconds ? 1 : 0;
      }
      const grade = this.policy(helpable, free.length);
      if (grade < 0) break;
      this.send(helper, free.pop() as Unit, this.take(needy, grade));
    }
    this.reportWaiting(needy);
  }

  /** Immediate incidents of `area` still waiting take units travelling to its lower-grade incidents. */
  private divertFor(area: Area): void {
    while (area.waitingByGrade[IMMEDIATE] > 0) {
      let best: Unit | null = null;
      const units = area.units;
      for (let i = 0; i < units.length; i++) {
        const target = units[i].incident;
        if (target === null || target.state !== TRAVELLING || target.given === IMMEDIATE || target.areaIndex !== area.index) continue;
        // The least urgent, then the youngest incident loses its unit.
        const current = best?.incident as Incident | undefined;
        if (current === undefined || target.given > current.given || (target.given === current.given && target.orderKey > current.orderKey)) best = units[i];
      }
      if (best === null) return;
      const unit = best;
      const from = unit.incident as Incident;
      this.sim.cancel(unit.event!);
      from.unit = null;
      this.enqueue(from);
      const to = this.take(area, IMMEDIATE);
      this.trace?.unitDiverted(unit.id, from.id, to.id, this.sim.now);
      this.travel(unit, to);
      this.requeued(from);
      // The incident put back may already have waited long enough for a neighbour's help.
      if (area.neighbours.length > 0 && this.sim.now - from.createdAt >= area.helpAfterSeconds) this.helpDue(from);
    }
  }

  /** A free unit of `home` is sent to `incident`. */
  private send(home: Area, unit: Unit, incident: Incident): void {
    home.busy++;
    this.monitor.unitLevel(home.index, this.sim.now, home.busy, home.present);
    this.trace?.unitAssigned(unit.id, home.index, incident.id, incident.areaIndex, this.sim.now);
    this.travel(unit, incident);
  }

  private travel(unit: Unit, incident: Incident): void {
    unit.incident = incident;
    incident.unit = unit;
    const arriveAt = this.sim.now + incident.caller.travelSeconds;
    // When nothing can change while the unit travels (no divert, re-grading or chasing call, no
    // victim update falling due, arrival by the horizon), the arrival is settled now: one event
    // per incident instead of two. The attendance record then carries the future instant `at`.
    if (!this.watchTravel && arriveAt <= this.horizonSeconds && arriveAt <= incident.clockFrom + this.areas[incident.areaIndex].targetOf(incident)) {
      this.arrive(unit, incident, arriveAt);
      return;
    }
    incident.state = TRAVELLING;
    unit.event = this.sim.schedule(arriveAt, this.onArrive, unit, SameInstant.arrival);
  }

  private readonly onArrive = (unit: Unit): void => {
    this.arrive(unit, unit.incident as Incident, this.sim.now);
  };

  private arrive(unit: Unit, incident: Incident, at: number): void {
    incident.state = ON_SCENE;
    this.trace?.unitArrived(unit.id, incident.id, at);
    this.attended(incident, at);
    unit.event = null;
    const clearAt = at + incident.caller.onSceneSeconds;
    // Nothing cancels a clear-up, so it is posted without a handle (no allocation per incident).
    if (this.quiet === null || !this.quiet.tryAdd(unit, clearAt)) this.sim.post(clearAt, this.onClear, unit, SameInstant.release);
  }

  /** Settle the quiet clear-ups of `area` due by now (before anything looks at its units). */
  private settle(area: Area): void {
    if (this.quiet !== null) this.quiet.settle(area, this.sim.now);
  }

  private readonly onClear = (unit: Unit): void => {
    this.settle(this.areas[unit.homeArea]);
    const incident = unit.incident as Incident;
    const now = this.sim.now;
    incident.state = CLEARED;
    incident.unit = null;
    unit.incident = null;
    unit.event = null;
    this.trace?.unitCleared(unit.id, incident.id, now);
    const home = this.areas[unit.homeArea];
    const freed = home.release(unit);
    this.monitor.unitLevel(home.index, now, home.busy, home.present);
    if (freed) this.dispatchArea(home);
  };

  /** Roster change: the area's headcount becomes `headcount`. */
  setHeadcount(area: Area, headcount: number): void {
    this.settle(area);
    const added = area.setHeadcount(headcount);
    this.monitor.unitLevel(area.index, this.sim.now, area.busy, area.present);
    if (added) this.dispatchArea(area);
  }

  /** At the horizon: settle every quiet clear-up due by then (as the events up to it would). */
  settleAll(horizonSeconds: number): void {
    if (this.quiet !== null) for (const area of this.areas) this.quiet.settle(area, horizonSeconds);
  }

  /** Report an area's waiting count when it changed since last reported. */
  reportWaiting(area: Area): void {
    if (this.reportedWaiting[area.index] === area.waiting) return;
    this.reportedWaiting[area.index] = area.waiting;
    this.monitor.dispatchQueueLevel(area.index, this.sim.now, area.waiting);
  }
}
