/** Every record a run reports, kept in memory: the raw material of `checkInvariants` and the metamorphic relations. */
import type { CallView, ModelMonitor, MonitorLayout, QueueOutcome } from '../model/monitor.js';
import type { Grade } from '../model/dispatch/types.js';

export interface QueueLeftRecord {
  queue: string;
  at: number;
  outcome: QueueOutcome;
  answerSeconds: number;
  callId: number;
  enteredAt: number;
  arrivedAt: number;
  /** False for calls arriving in the warm-up. */
  counted: boolean;
}

export interface EndedRecord {
  id: number;
  channel: string;
  outcome: string;
  arrivedAt: number;
  endedAt: number;
  redialOf: number;
  lastQueue: string;
  patienceSeconds: number;
  handleSeconds: number;
  counted: boolean;
}

/**
 * An incident as recorded: created (no attendance), attended (attendance, travel and the clock's
 * start), or open at the horizon (`open`).
 */
export interface IncidentRecord {
  area: number;
  at: number;
  needed: Grade;
  given: Grade;
  /** From the attendance clock's start to the first unit's arrival. */
  attendanceSeconds?: number;
  /** The arriving unit's travel time. */
  travelSeconds?: number;
  /** When the attendance clock started (incident creation, or the call's connection or receipt). */
  clockStartAt?: number;
  open?: boolean;
  counted: boolean;
}

/** A monitor that keeps every record, for tests that check the model's behaviour exactly. */
export class RecordingMonitor implements ModelMonitor {
  layout!: MonitorLayout;
  readonly entered: { queue: string; at: number; callId: number }[] = [];
  /** Channel of each call that entered a queue ('' for outbound work, which is no offered call). */
  readonly channelOf = new Map<number, string>();
  readonly left: QueueLeftRecord[] = [];
  readonly ended: EndedRecord[] = [];
  readonly poolLevels: { pool: string; at: number; busy: number; staffed: number }[] = [];
  readonly callbacks: { queue: string; at: number; callId: number }[] = [];
  readonly redials: { queue: string; at: number; callId: number }[] = [];
  readonly incidents: IncidentRecord[] = [];
  endedAt = NaN;

  begin(layout: MonitorLayout): void {
    this.layout = layout;
  }
  queueEntered(queue: number, at: number, call: CallView): void {
    this.entered.push({ queue: this.layout.queues[queue].name, at, callId: call.id });
    this.channelOf.set(call.id, call.channel);
  }
  queueLeft(queue: number, at: number, outcome: QueueOutcome, answerSeconds: number, call: CallView): void {
    this.left.push({ queue: this.layout.queues[queue].name, at, outcome, answerSeconds, callId: call.id, enteredAt: call.enteredQueueAt, arrivedAt: call.arrivedAt, counted: call.counted });
  }
  callbackAccepted(queue: number, at: number, call: CallView): void {
    this.callbacks.push({ queue: this.layout.queues[queue].name, at, callId: call.id });
  }
  redialScheduled(queue: number, at: number, call: CallView): void {
    this.redials.push({ queue: this.layout.queues[queue].name, at, callId: call.id });
  }
  callEnded(call: CallView): void {
    this.ended.push({
      id: call.id, channel: call.channel, outcome: call.outcome, arrivedAt: call.arrivedAt, endedAt: call.endedAt,
      redialOf: call.redialOf, lastQueue: call.lastQueue, patienceSeconds: call.patienceSeconds, handleSeconds: call.handleSeconds, counted: call.counted,
    });
  }
  poolLevel(pool: number, at: number, busy: number, staffed: number): void {
    this.poolLevels.push({ pool: this.layout.pools[pool], at, busy, staffed });
  }
  queueLevel(): void {}
  incidentCreated(area: number, at: number, needed: Grade, given: Grade, counted = true): void {
    this.incidents.push({ area, at, needed, given, counted });
  }
  incidentAttended(area: number, at: number, needed: Grade, given: Grade, attendanceSeconds: number, counted = true, travelSeconds = NaN, clockStartAt = NaN): void {
    this.incidents.push({ area, at, needed, given, attendanceSeconds, travelSeconds, clockStartAt, counted });
  }
  incidentOpen(area: number, needed: Grade, given: Grade, _waitedSeconds = 0, counted = true): void {
    this.incidents.push({ area, at: NaN, needed, given, open: true, counted });
  }
  unitLevel(): void {}
  dispatchQueueLevel(): void {}
  readonly victimUpdates: { area: number; at: number; made: boolean }[] = [];
  victimUpdate(area: number, at: number, made: boolean): void {
    this.victimUpdates.push({ area, at, made });
  }
  incidentUpgraded(): void {}
  end(horizonSeconds: number): void {
    this.endedAt = horizonSeconds;
  }
}
