import { INCIDENT_GRADES } from './grades.js';
import { IncidentLine } from './incident-line.js';
import { PRIORITY } from './grades.js';
import { type Incident, Unit } from './incident.js';
import type { AreaKind } from './types.js';

/**
 * One area's dispatch state: incidents waiting per grade, and its response units (free ones in a
 * stack, busy ones serving an incident here or in a neighbouring area). Headcount follows the
 * area's roster; a unit leaving at a roster drop finishes its incident first. Units may clear
 * without an event (`QuietClearUps`): `free`, `busy` and `present` are current only once
 * `UnitDispatcher` has settled the area, as it does before each dispatch and roster change.
 */
export class Area {
  /** Waiting incidents per grade index (immediate, priority, scheduled, resolved without deployment). */
  readonly lines: IncidentLine[] = Array.from({ length: INCIDENT_GRADES }, () => new IncidentLine());
  /** Waiting count per grade index, kept equal to the lines' sizes (what policies read). */
  readonly waitingByGrade = new Int32Array(INCIDENT_GRADES);
  /** Scratch for neighbour help: per grade, 1 when the oldest waiting incident may be helped. */
  readonly helpable = new Int32Array(INCIDENT_GRADES);
  waiting = 0;
  readonly free: Unit[] = [];
  /** Every unit this area has had (for diverting travelling units); at most its peak headcount. */
  readonly units: Unit[] = [];
  /** Units off duty, brought back first when the headcount rises (so `units` stays bounded). */
  private readonly offDuty: Unit[] = [];
  busy = 0;
  /** Units present (free or busy). */
  present = 0;
  /** Busy units that leave when their incident clears (the roster went down). */
  owedDepartures = 0;
  /** Areas this area's free units may help (those listing it as a neighbour). */
  helps: Area[] = [];
  /** Neighbours whose free units may help this area's incidents. */
  neighbours: Area[] = [];
  /** Attendance target of Priority Standard in seconds, when Priority is split (High takes the Priority target). */
  standardPrioritySeconds = Infinity;

  constructor(
    readonly index: number,
    readonly name: string,
    readonly kind: AreaKind,
    /** Attendance target per grade index in seconds (Infinity: none). */
    readonly targetSeconds: Float64Array,
    /** Seconds an incident waits before neighbours may help (Infinity: never). */
    readonly helpAfterSeconds: number,
    /** Shared counter giving units ids unique across areas. */
    private readonly unitIds: { next: number },
  ) {}

  /** The attendance target of an incident of this area, in seconds, for its given grade (and Priority tier). */
  targetOf(incident: Incident): number {
    return incident.standard && incident.given === PRIORITY ? this.standardPrioritySeconds : this.targetSeconds[incident.given];
  }

  /** Units on duty that are not leaving. */
  get staffed(): number {
    return this.present - this.owedDepartures;
  }

  /** Change the headcount on duty to `target`. Returns true when units were added. */
  setHeadcount(target: number): boolean {
    let staffed = this.staffed;
    if (target > staffed) {
      // A unit about to leave stays on first.
      const kept = Math.min(this.owedDepartures, target - staffed);
      this.owedDepartures -= kept;
      staffed += kept;
      const before = staffed;
      for (; staffed < target; staffed++) {
        let unit = this.offDuty.pop();
        if (unit === undefined) {
          unit = new Unit(this.unitIds.next++, this.index);
          this.units.push(unit);
        }
        unit.onDuty = true;
        this.free.push(unit);
        this.present++;
      }
      return staffed > before;
    }
    // Free units leave at once; busy ones finish their incident.
    while (staffed > target && this.free.length > 0) {
      const unit = this.free.pop() as Unit;
      unit.onDuty = false;
      this.offDuty.push(unit);
      this.present--;
      staffed--;
    }
    this.owedDepartures += staffed - target;
    return false;
  }

  /** A busy unit finished: it leaves if one is owed, else it is free again (returns true). */
  release(unit: Unit): boolean {
    this.busy--;
    if (this.owedDepartures > 0) {
      this.owedDepartures--;
      this.present--;
      unit.onDuty = false;
      this.offDuty.push(unit);
      return false;
    }
    this.free.push(unit);
    return true;
  }
}
