import type { Calendar } from '../engine/calendar.js';
import type { Grade } from '../model/dispatch/types.js';
import type { MonitorLayout } from '../model/monitor.js';
import { bucketOf } from './histogram.js';
import { AttendanceTable, DISPATCHED, dispatchedRow, type AttendanceTargets } from './incident-stats.js';
import type { MonthSlots } from './month-slots.js';
import { HOUR_KEYS, WEEKDAY_KEYS, ratio, type MetricSink } from './metric-sink.js';
import { TimeWeightedLevel } from './time-weighted.js';
import { incidentMetric, seriesName } from './metric-names.js';

/** Position of a grade in the order of urgency (immediate 0 ... none 4). */
function gradeRank(grade: Grade): number {
  switch (grade) {
    case 'immediate':
      return 0;
    case 'priority':
      return 1;
    case 'scheduled':
      return 2;
    case 'resolvedWithoutDeployment':
      return 3;
    default:
      return 4;
  }
}

/**
 * Incidents, grading, units and victim updates of one replication. Counts cover counted incidents
 * (from calls arriving after the warm-up); unit occupancy and incidents waiting are time-weighted
 * over [warm-up, horizon].
 */
export class DispatchStats {
  /** Attendance judged against the GIVEN grade's target, and against the NEEDED grade's. */
  readonly byGiven: AttendanceTable;
  readonly byNeed: AttendanceTable;
  /** Counted incidents created, per given grade rank. */
  readonly createdByGrade = new Float64Array(5);
  created = 0;
  undergraded = 0;
  upgraded = 0;
  victimOwed = 0;
  victimMade = 0;
  readonly units: TimeWeightedLevel[];
  readonly waiting: TimeWeightedLevel[];
  /** [grade row * months + month]: attended, and attended within the time frame, by GIVEN grade, all areas. */
  private readonly monthAttended: Float64Array;
  private readonly monthWithin: Float64Array;

  constructor(
    private readonly layout: MonitorLayout,
    calendar: Calendar,
    targets: AttendanceTargets,
    private readonly months?: MonthSlots,
  ) {
    const from = layout.warmupSeconds;
    const to = Math.max(from, layout.horizonSeconds);
    this.byGiven = new AttendanceTable(layout.areas, targets);
    this.byNeed = new AttendanceTable(layout.areas, targets);
    this.units = layout.areas.map(() => new TimeWeightedLevel(from, to, null, 0, 0));
    this.waiting = layout.areas.map(() => new TimeWeightedLevel(from, to, calendar, 0, 1));
    this.monthAttended = new Float64Array(DISPATCHED.length * (months?.count ?? 0));
    this.monthWithin = new Float64Array(DISPATCHED.length * (months?.count ?? 0));
  }

  created1(needed: Grade, given: Grade): void {
    this.created++;
    const g = gradeRank(given);
    this.createdByGrade[g]++;
    if (g > gradeRank(needed)) this.undergraded++;
  }

  /** Attended at `at`: the month is the one its attendance clock started in (`at` minus the attendance time). */
  attended(area: number, needed: Grade, given: Grade, attendanceSeconds: number, at = NaN): void {
    const minutes = attendanceSeconds / 60;
    if (!(minutes >= 0)) return;
    const g = dispatchedRow(given);
    const n = dispatchedRow(needed);
    if (g < 0 && n < 0) return;
    // One bucket lookup serves both tables.
    const bucket = bucketOf(minutes);
    if (n >= 0) this.byNeed.attendRow(n, area, minutes, bucket);
    if (g < 0) return;
    const within = this.byGiven.attendRow(g, area, minutes, bucket);
    if (this.months === undefined || !(at === at)) return;
    const i = g * this.months.count + this.months.slot(at - attendanceSeconds);
    this.monthAttended[i]++;
    if (within) this.monthWithin[i]++;
  }

  open(area: number, needed: Grade, given: Grade): void {
    this.byGiven.open(given, area);
    this.byNeed.open(needed, area);
  }

  close(): void {
    for (const level of this.units) level.close();
    for (const level of this.waiting) level.close();
  }

  write(out: MetricSink): void {
    const put = out.put.bind(out);
    if (this.layout.areas.length > 0) {
      this.byGiven.write('incidents', put);
      this.byNeed.write('incidentsByNeed', put);
      put('incidents.breachShare', this.byGiven.breachShare(), 'ratio');
      put('incidentsByNeed.breachShare', this.byNeed.breachShare(), 'ratio');
      // The report's "victims not told of delays in 2 of 8" is this share (NaN when no update fell due).
      put('victimUpdates.missedRatio', ratio(Math.max(0, this.victimOwed - this.victimMade), this.victimOwed), 'ratio');
      const months = this.months;
      if (months !== undefined) {
        DISPATCHED.forEach((grade, g) => {
          const shares = months.keys.map((_, m) => ratio(this.monthWithin[g * months.count + m], this.monthAttended[g * months.count + m]));
          out.putSeries(seriesName(incidentMetric(grade, 'all', 'withinTarget'), 'month'), 'month', months.keys, shares);
        });
      }
      this.layout.areas.forEach((area, i) => {
        put(`units.${area.name}.occupancy`, this.units[i].ratio(), 'ratio');
        put(`dispatch.${area.name}.waiting`, this.waiting[i].mean(), 'incidents');
        out.putSeries(`dispatch.${area.name}.waiting.byHourOfDay`, 'hourOfDay', HOUR_KEYS, this.waiting[i].hourlyRatios());
        out.putSeries(`dispatch.${area.name}.waiting.byDayOfWeek`, 'dayOfWeek', WEEKDAY_KEYS, this.waiting[i].weekdayRatios());
      });
    }
    put('incidents.created', this.created, 'incidents');
    put('incidents.immediate.count', this.createdByGrade[0], 'incidents');
    put('incidents.priority.count', this.createdByGrade[1], 'incidents');
    put('incidents.scheduled.count', this.createdByGrade[2], 'incidents');
    put('incidents.resolvedWithoutDeployment.count', this.createdByGrade[3], 'incidents');
    put('grading.undergraded', ratio(this.undergraded, this.created), 'ratio');
    put('grading.upgraded', this.upgraded, 'incidents');
    put('victimUpdates.owed', this.victimOwed, 'incidents');
    put('victimUpdates.made', this.victimMade, 'incidents');
    put('victimUpdates.missed', Math.max(0, this.victimOwed - this.victimMade), 'incidents');
  }
}
