import { Calendar } from '../engine/calendar.js';
import type { Grade } from '../model/dispatch/types.js';
import type { CallView, ModelMonitor, MonitorLayout, QueueOutcome } from '../model/monitor.js';
import { CALL_OUTCOMES, outcomeColumn } from './call-outcomes.js';
import { DispatchStats } from './dispatch-stats.js';
import type { AttendanceTargets } from './incident-stats.js';
import { MechanismStats } from './mechanism-stats.js';
import { REPORT_ATTENDANCE_TARGETS } from './standards.js';
import { MetricSink } from './metric-sink.js';
import { MonthSlots } from './month-slots.js';
import { QueueStats } from './queue-stats.js';
import type { ReplicationResult } from './results.js';
import { TimeWeightedLevel } from './time-weighted.js';
import { writeCallMetrics } from './write-call-metrics.js';

/**
 * Turns the model's records into one replication's metrics (DESIGN.md section 6), streaming:
 * memory depends on the numbers of queues, pools, areas and months, never on the number of calls.
 * Counts cover calls with `counted` true (arriving after the warm-up); time-weighted figures
 * cover [warm-up, horizon]. Names are resolved to indices in `begin`; record methods use typed
 * arrays and allocate nothing.
 */
export class ControlRoomCollector implements ModelMonitor {
  layout!: MonitorLayout;
  calendar!: Calendar;
  months!: MonthSlots;
  queues: QueueStats[] = [];
  /** Busy over present handlers per pool, by hour of day. */
  pools: TimeWeightedLevel[] = [];
  /** [channel * CALL_OUTCOMES.length + outcome] counts of counted calls. */
  channelOutcomes = new Float64Array(0);
  callsOffered = 0;
  redials = 0;
  dispatch!: DispatchStats;
  /** The optional mechanisms' figures, when the scenario turns one on. */
  mechanisms: MechanismStats | null = null;
  private channelNames: string[] = [];

  /** @param targets attendance targets in minutes (ResolvedDispatch.targets) */
  constructor(private readonly targets: AttendanceTargets = REPORT_ATTENDANCE_TARGETS) {}

  begin(layout: MonitorLayout): void {
    this.layout = layout;
    this.calendar = new Calendar(layout.startEpochMs, layout.timeZone);
    const from = layout.warmupSeconds;
    const to = Math.max(from, layout.horizonSeconds);
    this.months = new MonthSlots(this.calendar, from, to);
    this.queues = layout.queues.map((q) => new QueueStats(q.name, q.targetSeconds, this.months, from, to));
    this.pools = layout.pools.map(() => new TimeWeightedLevel(from, to, this.calendar, 0, 0));
    this.channelNames = [...layout.channels];
    this.channelOutcomes = new Float64Array(layout.channels.length * CALL_OUTCOMES.length);
    this.callsOffered = 0;
    this.redials = 0;
    this.dispatch = new DispatchStats(layout, this.calendar, this.targets, this.months);
    this.mechanisms = layout.mechanisms === undefined ? null : new MechanismStats(layout.mechanisms, layout.areas);
  }

  queueEntered(_queue: number, _at: number, _call: CallView): void {}

  queueLeft(queue: number, at: number, outcome: QueueOutcome, answerSeconds: number, call: CallView): void {
    this.queues[queue].left(at, outcome, answerSeconds, call);
  }

  callbackAccepted(queue: number, _at: number, call: CallView): void {
    if (call.counted) this.queues[queue].callbacksAccepted++;
  }

  redialScheduled(queue: number, _at: number, call: CallView): void {
    if (call.counted) this.queues[queue].redials++;
  }

  callEnded(call: CallView): void {
    if (!call.counted) return;
    this.callsOffered++;
    if (call.redialOf >= 0) this.redials++;
    const names = this.channelNames;
    const name = call.channel;
    let c = 0;
    while (c < names.length && names[c] !== name) c++;
    if (c === names.length) throw new Error(`call ${call.id} on unknown channel '${name}'`);
    this.channelOutcomes[c * CALL_OUTCOMES.length + outcomeColumn(call.outcome)]++;
  }

  poolLevel(pool: number, at: number, busy: number, staffed: number): void {
    this.pools[pool].set(at, busy, staffed);
  }

  queueLevel(_queue: number, _at: number, _waiting: number): void {}

  incidentCreated(_area: number, _at: number, needed: Grade, given: Grade, counted: boolean): void {
    if (counted) this.dispatch.created1(needed, given);
  }

  incidentAttended(area: number, at: number, needed: Grade, given: Grade, attendanceSeconds: number, counted: boolean): void {
    if (counted) this.dispatch.attended(area, needed, given, attendanceSeconds, at);
  }

  incidentOpen(area: number, needed: Grade, given: Grade, _waitedSeconds: number, counted: boolean): void {
    if (counted) this.dispatch.open(area, needed, given);
  }

  unitLevel(area: number, at: number, busy: number, staffed: number): void {
    this.dispatch.units[area].set(at, busy, staffed);
  }

  dispatchQueueLevel(area: number, at: number, waiting: number): void {
    this.dispatch.waiting[area].set(at, waiting, 1);
  }

  victimUpdate(_area: number, _at: number, made: boolean, counted: boolean): void {
    if (!counted) return;
    if (made) this.dispatch.victimMade++;
    else this.dispatch.victimOwed++;
  }

  /** Upgrades count from the warm-up's end (the record carries no `counted` flag). */
  incidentUpgraded(_area: number, at: number, _from: Grade, _to: Grade): void {
    if (at >= this.layout.warmupSeconds) this.dispatch.upgraded++;
  }

  mechanismEvent(event: number, _at: number, counted: boolean): void {
    if (counted) this.mechanisms?.event(event);
  }

  priorityTierAttended(area: number, standard: boolean, attendanceSeconds: number, counted: boolean): void {
    if (counted) this.mechanisms?.tierAttended(area, standard, attendanceSeconds);
  }

  end(_horizonSeconds?: number): void {
    for (const level of this.pools) level.close();
    this.dispatch.close();
  }

  /** This replication's metrics, units and series (call after `end`). */
  result(replication: number, eventsRun: number): ReplicationResult {
    const out = new MetricSink();
    writeCallMetrics(this, out);
    this.dispatch.write(out);
    this.mechanisms?.write(out, this.callsOffered);
    return { replication, metrics: out.metrics, series: out.series, units: out.units, eventsRun, callsOffered: this.callsOffered };
  }
}
