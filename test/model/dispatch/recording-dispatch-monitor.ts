import type { CallView, ModelMonitor, MonitorLayout, QueueOutcome } from '../../../src/model/monitor.js';
import type { Grade } from '../../../src/model/dispatch/types.js';

export interface IncidentRecord {
  kind: 'created' | 'attended' | 'open';
  area: number;
  at: number;
  needed: Grade;
  given: Grade;
  /** Attendance seconds (attended) or wait so far (open); NaN for created. */
  seconds: number;
  counted: boolean;
}

/** A monitor that logs every dispatch record, for exact checks of the dispatch model. */
export class RecordingDispatchMonitor implements ModelMonitor {
  layout: MonitorLayout | null = null;
  readonly incidents: IncidentRecord[] = [];
  readonly unitLevels: { area: number; at: number; busy: number; staffed: number }[] = [];
  readonly queueLevels: { area: number; at: number; waiting: number }[] = [];
  readonly victimUpdates: { area: number; at: number; made: boolean; counted: boolean }[] = [];
  readonly upgrades: { area: number; at: number; from: Grade; to: Grade }[] = [];
  /** Keep only attended records (for long statistical runs). */
  constructor(private readonly attendedOnly = false) {}

  begin(layout: MonitorLayout): void {
    this.layout = layout;
  }
  queueEntered(_q: number, _at: number, _call: CallView): void {}
  queueLeft(_q: number, _at: number, _o: QueueOutcome, _s: number, _call: CallView): void {}
  callbackAccepted(): void {}
  redialScheduled(): void {}
  callEnded(): void {}
  poolLevel(): void {}
  queueLevel(): void {}
  incidentCreated(area: number, at: number, needed: Grade, given: Grade, counted: boolean): void {
    if (!this.attendedOnly) this.incidents.push({ kind: 'created', area, at, needed, given, seconds: NaN, counted });
  }
  incidentAttended(area: number, at: number, needed: Grade, given: Grade, attendanceSeconds: number, counted: boolean): void {
    this.incidents.push({ kind: 'attended', area, at, needed, given, seconds: attendanceSeconds, counted });
  }
  incidentOpen(area: number, needed: Grade, given: Grade, waitedSeconds: number, counted: boolean): void {
    this.incidents.push({ kind: 'open', area, at: NaN, needed, given, seconds: waitedSeconds, counted });
  }
  unitLevel(area: number, at: number, busy: number, staffed: number): void {
    if (!this.attendedOnly) this.unitLevels.push({ area, at, busy, staffed });
  }
  dispatchQueueLevel(area: number, at: number, waiting: number): void {
    if (!this.attendedOnly) this.queueLevels.push({ area, at, waiting });
  }
  victimUpdate(area: number, at: number, made: boolean, counted: boolean): void {
    this.victimUpdates.push({ area, at, made, counted });
  }
  incidentUpgraded(area: number, at: number, from: Grade, to: Grade): void {
    this.upgrades.push({ area, at, from, to });
  }
  end(): void {}

  attended(): IncidentRecord[] {
    return this.incidents.filter((r) => r.kind === 'attended');
  }
}
