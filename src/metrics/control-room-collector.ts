import { Calendar } from '../engine/calendar.js';
import { GRADES, type Grade } from '../model/dispatch/types.js';
import type { CallView, ModelMonitor, MonitorLayout, QueueOutcome } from '../model/monitor.js';
import { AttendanceTable, DEFAULT_TARGETS, type AttendanceTargets } from './incident-stats.js';
import type { ReplicationResult } from './results.js';
import { QueueStats, type SliceCounts } from './queue-stats.js';
import { OccupancyIntegral } from './time-weighted.js';

const CALL_OUTCOMES = ['answered', 'abandoned', 'deflected', 'ivrHangUp', 'resolved', 'callbackFailed', 'open'] as const;
const HOUR_KEYS = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));

const ratio = (part: number, whole: number): number => (whole > 0 ? part / whole : NaN);

/**
 * Turns the model's records into one replication's metrics (DESIGN.md section 6), streaming:
 * memory depends on the numbers of queues, pools, areas and months, never on the number of calls.
 * Only calls arriving after the warm-up count; time-weighted figures cover [warm-up, horizon].
 */
export class ControlRoomCollector implements ModelMonitor {
  private layout!: MonitorLayout;
  private calendar!: Calendar;
  private queues: QueueStats[] = [];
  private pools: OccupancyIntegral[] = [];
  private units: OccupancyIntegral[] = [];
  private dispatchWaiting: OccupancyIntegral[] = [];
  /** [channel][outcome] counts of counted calls. */
  private channelOutcomes: Float64Array[] = [];
  private callsOffered = 0;
  private redials = 0;
  private byGiven!: AttendanceTable;
  private byNeed!: AttendanceTable;
  private incidentsByGrade = new Float64Array(GRADES.length);
  private undergraded = 0;
  private incidents = 0;
  private upgraded = 0;
  private victimOwed = 0;
  private victimMade = 0;

  constructor(private readonly targets: AttendanceTargets = DEFAULT_TARGETS) {}

  begin(layout: MonitorLayout): void {
    this.layout = layout;
    this.calendar = new Calendar(layout.startEpochMs);
    const from = layout.warmupSeconds;
    const to = layout.horizonSeconds;
    this.queues = layout.queues.map((q) => new QueueStats(q.name, q.targetSeconds, this.calendar, from, to));
    this.pools = layout.pools.map(() => new OccupancyIntegral(this.calendar, from, to));
    this.units = layout.areas.map(() => new OccupancyIntegral(this.calendar, from, to));
    this.dispatchWaiting = layout.areas.map(() => {
      const level = new OccupancyIntegral(this.calendar, from, to);
      level.level(0, 0, 1);
      return level;
    });
    this.channelOutcomes = layout.channels.map(() => new Float64Array(CALL_OUTCOMES.length));
    this.byGiven = new AttendanceTable(layout.areas, this.targets);
    this.byNeed = new AttendanceTable(layout.areas, this.targets);
  }

  queueEntered(): void {}

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
    const channel = this.layout.channels.indexOf(call.channel);
    this.channelOutcomes[channel][CALL_OUTCOMES.indexOf(call.outcome)]++;
  }

  poolLevel(pool: number, at: number, busy: number, staffed: number): void {
    this.pools[pool].level(at, busy, staffed);
  }

  queueLevel(): void {}

  incidentCreated(_area: number, _at: number, needed: Grade, given: Grade, counted: boolean): void {
    if (!counted) return;
    this.incidents++;
    this.incidentsByGrade[GRADES.indexOf(given)]++;
    if (GRADES.indexOf(given) > GRADES.indexOf(needed)) this.undergraded++;
  }

  incidentAttended(area: number, _at: number, needed: Grade, given: Grade, attendanceSeconds: number, counted: boolean): void {
    if (!counted) return;
    this.byGiven.attend(given, area, attendanceSeconds / 60);
    this.byNeed.attend(needed, area, attendanceSeconds / 60);
  }

  incidentOpen(area: number, needed: Grade, given: Grade, _waitedSeconds: number, counted: boolean): void {
    if (!counted) return;
    this.byGiven.open(given, area);
    this.byNeed.open(needed, area);
  }

  unitLevel(area: number, at: number, busy: number, staffed: number): void {
    this.units[area].level(at, busy, staffed);
  }

  dispatchQueueLevel(area: number, at: number, waiting: number): void {
    this.dispatchWaiting[area].level(at, waiting, 1);
  }

  victimUpdate(_area: number, _at: number, made: boolean, counted: boolean): void {
    if (!counted) return;
    if (made) this.victimMade++;
    else this.victimOwed++;
  }

  incidentUpgraded(): void {
    this.upgraded++;
  }

  end(): void {
    for (const level of [...this.pools, ...this.units, ...this.dispatchWaiting]) level.close();
  }

  /** This replication's metrics, units and series. */
  result(replication: number, eventsRun: number): ReplicationResult {
    const metrics: Record<string, number> = {};
    const units: Record<string, string> = {};
    const series: ReplicationResult['series'] = {};
    const put = (name: string, value: number, unit: string): void => {
      metrics[name] = value;
      units[name] = unit;
    };
    const window = this.layout.horizonSeconds - this.layout.warmupSeconds;

    put('calls.offered', this.callsOffered, 'calls');
    put('calls.uniqueCallers', this.callsOffered - this.redials, 'callers');
    this.layout.channels.forEach((name, c) => {
      const counts = this.channelOutcomes[c];
      put(`channels.${name}.offered`, counts.reduce((a, b) => a + b, 0), 'calls');
      CALL_OUTCOMES.forEach((outcome, o) => put(`channels.${name}.${outcome}`, counts[o], 'calls'));
    });

    for (const q of this.queues) {
      const p = `queues.${q.name}`;
      put(`${p}.offered`, q.offered, 'calls');
      put(`${p}.answered`, q.answered, 'calls');
      put(`${p}.abandoned`, q.abandoned, 'calls');
      put(`${p}.open`, q.open, 'calls');
      put(`${p}.abandonedRatio`, ratio(q.abandoned, q.offered), 'ratio');
      put(`${p}.serviceLevel`, ratio(q.withinTarget, q.offered), 'ratio');
      put(`${p}.answeredWithinTarget`, ratio(q.withinTarget, q.answered), 'ratio');
      put(`${p}.waitSeconds.mean`, q.waits.mean, 'seconds');
      put(`${p}.waitSeconds.p50`, q.waits.quantile(0.5), 'seconds');
      put(`${p}.waitSeconds.p90`, q.waits.quantile(0.9), 'seconds');
      put(`${p}.waitSeconds.p99`, q.waits.quantile(0.99), 'seconds');
      put(`${p}.abandonWaitSeconds.mean`, ratio(q.abandonWaitSum, q.abandoned), 'seconds');
      put(`${p}.answerBands.under5s`, ratio(q.under5s, q.answered), 'ratio');
      put(`${p}.answerBands.from5to10s`, ratio(q.from5to10s, q.answered), 'ratio');
      put(`${p}.answerBands.over10s`, ratio(q.answered - q.under5s - q.from5to10s, q.answered), 'ratio');
      put(`${p}.meanWaiting`, ratio(q.waitingSeconds, window), 'calls');
      put(`${p}.callbacks.accepted`, q.callbacksAccepted, 'calls');
      put(`${p}.callbacks.reached`, q.callbacksReached, 'calls');
      put(`${p}.callbacks.failed`, q.callbacksFailed, 'calls');
      put(`${p}.callbacks.waitSeconds.mean`, ratio(q.callbackWaitSum, q.callbacksReached + q.callbacksFailed), 'seconds');
      put(`${p}.redials`, q.redials, 'calls');
      const monthKeys = q.byMonth.map((_, i) => this.calendar.monthKey(this.calendar.monthStart(i) + 1));
      const seriesOf = (list: SliceCounts[], pick: (s: SliceCounts) => number): number[] => list.map(pick);
      for (const [axis, keys, list] of [['month', monthKeys, q.byMonth], ['hourOfDay', HOUR_KEYS, q.byHour]] as const) {
        const suffix = axis === 'month' ? 'byMonth' : 'byHourOfDay';
        series[`${p}.abandonedRatio.${suffix}`] = { by: axis, keys: [...keys], values: seriesOf(list, (s) => ratio(s.abandoned, s.offered)) };
        series[`${p}.serviceLevel.${suffix}`] = { by: axis, keys: [...keys], values: seriesOf(list, (s) => ratio(s.withinTarget, s.offered)) };
        series[`${p}.answeredWithinTarget.${suffix}`] = { by: axis, keys: [...keys], values: seriesOf(list, (s) => ratio(s.withinTarget, s.answered)) };
        series[`${p}.offered.${suffix}`] = { by: axis, keys: [...keys], values: seriesOf(list, (s) => s.offered) };
      }
    }

    this.layout.pools.forEach((name, i) => {
      const level = this.pools[i];
      const metric = name === 'switchboard' ? 'switchboard.occupancy' : `handlers.${name}.occupancy`;
      put(metric, ratio(level.busySeconds, level.staffedSeconds), 'ratio');
      put(metric.replace('occupancy', 'meanStaffed'), ratio(level.staffedSeconds, window), 'handlers');
      series[`${metric}.byHourOfDay`] = {
        by: 'hourOfDay',
        keys: [...HOUR_KEYS],
        values: Array.from(level.busyByHour, (busy, h) => ratio(busy, level.staffedByHour[h])),
      };
    });

    if (this.layout.areas.length > 0) {
      this.byGiven.write('incidents', metrics, units);
      this.byNeed.write('incidentsByNeed', metrics, units);
      put('incidents.breachShare', this.byGiven.breachShare(), 'ratio');
      put('incidentsByNeed.breachShare', this.byNeed.breachShare(), 'ratio');
      this.layout.areas.forEach((area, i) => {
        put(`units.${area.name}.occupancy`, ratio(this.units[i].busySeconds, this.units[i].staffedSeconds), 'ratio');
        const waiting = this.dispatchWaiting[i];
        series[`dispatch.${area.name}.waiting.byHourOfDay`] = {
          by: 'hourOfDay',
          keys: [...HOUR_KEYS],
          values: Array.from(waiting.busyByHour, (w, h) => ratio(w, waiting.staffedByHour[h])),
        };
      });
    }
    put('incidents.created', this.incidents, 'incidents');
    put('incidents.immediate.count', this.incidentsByGrade[GRADES.indexOf('immediate')], 'incidents');
    put('incidents.priority.count', this.incidentsByGrade[GRADES.indexOf('priority')], 'incidents');
    put('incidents.scheduled.count', this.incidentsByGrade[GRADES.indexOf('scheduled')], 'incidents');
    put('incidents.resolvedWithoutDeployment.count', this.incidentsByGrade[GRADES.indexOf('resolvedWithoutDeployment')], 'incidents');
    put('grading.undergraded', ratio(this.undergraded, this.incidents), 'ratio');
    put('grading.upgraded', this.upgraded, 'incidents');
    put('victimUpdates.owed', this.victimOwed, 'updates');
    put('victimUpdates.made', this.victimMade, 'updates');
    put('victimUpdates.missed', Math.max(0, this.victimOwed - this.victimMade), 'updates');

    return { replication, metrics, series, units, eventsRun, callsOffered: this.callsOffered };
  }
}
