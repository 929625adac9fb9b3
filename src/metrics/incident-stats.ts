import type { AreaKind, Grade } from '../model/dispatch/types.js';
import type { AttendanceTargets } from './standards.js';
import { bucketOf, FineHistogram } from './histogram.js';

/** Grades judged against attendance targets. */
export type DispatchedGrade = 'immediate' | 'priority';
export const DISPATCHED: readonly DispatchedGrade[] = ['immediate', 'priority'];

/** Attendance targets in minutes per grade and area kind (ResolvedDispatch.targets); the national ones are the default. */
export type { AttendanceTargets } from './standards.js';

/** Row of a grade in `AttendanceTable.stats`: 0 immediate, 1 priority, -1 not judged. */
export function dispatchedRow(grade: Grade): number {
  return grade === 'immediate' ? 0 : grade === 'priority' ? 1 : -1;
}

/** Attendance of one grade in one area grouping (an area, urban, rural or all). */
export class AttendanceStats {
  /** Attendance times, minutes. */
  readonly minutes = new FineHistogram();
  attended = 0;
  /** Attended within the target (attendance <= target). */
  withinTarget = 0;
  breaches = 0;
  /** Still waiting or travelling at the horizon. */
  open = 0;

  attend(minutes: number, bucket: number, targetMinutes: number): void {
    this.attended++;
    this.minutes.addAt(minutes, bucket);
    if (minutes <= targetMinutes) this.withinTarget++;
    else this.breaches++;
  }

  /**
   * Like `attend`, but leaves the histogram's bucket counts alone: a group made of areas takes its
   * counts from its areas' histograms when written (`AttendanceTable.settleGroups`). Count, sum,
   * minimum and maximum are kept here, in the order the incidents came, so the mean is the same
   * to the last bit as when every value is added.
   */
  tally(minutes: number, targetMinutes: number): void {
    this.attended++;
    const h = this.minutes;
    h.count++;
    h.sum += minutes;
    if (minutes < h.min) h.min = minutes;
    if (minutes > h.max) h.max = minutes;
    if (minutes <= targetMinutes) this.withinTarget++;
    else this.breaches++;
  }
}

/**
 * Attendance per grade (immediate, priority) and area grouping: each area by name, then `urban`,
 * `rural` and `all`. An incident is judged against the target of its grade for its area's kind;
 * which grade (given or needed) is the caller's choice, so one table serves each view.
 */
export class AttendanceTable {
  /** [grade row][group]: groups are the areas in order, then urban, rural, all. */
  readonly stats: AttendanceStats[][];
  /** Per area: its kind's group index, and its target per grade row. */
  private readonly kindGroup: Int32Array;
  private readonly targetOf: Float64Array[];

  constructor(
    readonly areas: readonly { name: string; kind: AreaKind }[],
    targets: AttendanceTargets,
  ) {
    const n = areas.length;
    this.stats = DISPATCHED.map(() => Array.from({ length: n + 3 }, () => new AttendanceStats()));
    this.kindGroup = Int32Array.from(areas, (a) => (a.kind === 'urban' ? n : n + 1));
    this.targetOf = DISPATCHED.map((g) => Float64Array.from(areas, (a) => targets[g][a.kind]));
  }

  /** Names of the groups in column order. */
  groupNames(): string[] {
    return [...this.areas.map((a) => a.name), 'urban', 'rural', 'all'];
  }

  /** An incident of `grade` in `area` attended after `minutes` (other grades are ignored); true when within its time frame. */
  attend(grade: Grade, area: number, minutes: number): boolean | undefined {
    const g = dispatchedRow(grade);
    if (g < 0 || !(minutes >= 0)) return undefined;
    return this.attendRow(g, area, minutes, bucketOf(minutes));
  }

  /**
   * `attend` for grade row `g` (0 immediate, 1 priority) and `minutes` >= 0 whose histogram bucket
   * is `bucket`. Only the area's histogram gets the bucket count: its kind's and the all-areas
   * group's counts are the sums of their areas' (exact: whole numbers), filled in when written.
   */
  attendRow(g: number, area: number, minutes: number, bucket: number): boolean {
    const target = this.targetOf[g][area];
    const row = this.stats[g];
    row[area].attend(minutes, bucket, target);
    row[this.kindGroup[area]].tally(minutes, target);
    row[this.areas.length + 2].tally(minutes, target);
    return minutes <= target;
  }

  /** An incident of `grade` in `area` still unattended at the horizon. */
  open(grade: Grade, area: number): void {
    const g = dispatchedRow(grade);
    if (g < 0) return;
    const row = this.stats[g];
    row[area].open++;
    row[this.kindGroup[area]].open++;
    row[this.areas.length + 2].open++;
  }

  /** Fill each group's bucket counts from its areas' (idempotent; `attendRow` counts areas only). */
  settleGroups(): void {
    const n = this.areas.length;
    for (const row of this.stats) {
      for (let group = n; group < n + 3; group++) row[group].minutes.counts.fill(0);
      for (let area = 0; area < n; area++) {
        const counts = row[area].minutes.counts;
        for (const group of [this.kindGroup[area], n + 2]) {
          const into = row[group].minutes.counts;
          for (let i = 0; i < counts.length; i++) into[i] += counts[i];
        }
      }
    }
  }

  /** Flat metrics under `prefix.GRADE.GROUP...` through `put(name, value, unit)`. */
  write(prefix: string, put: (name: string, value: number, unit: string) => void): void {
    this.settleGroups();
    const names = this.groupNames();
    DISPATCHED.forEach((grade, g) => {
      names.forEach((group, i) => {
        const s = this.stats[g][i];
        const base = `${prefix}.${grade}.${group}`;
        put(`${base}.attended`, s.attended, 'incidents');
        put(`${base}.open`, s.open, 'incidents');
        put(`${base}.breaches`, s.breaches, 'incidents');
        put(`${base}.withinTarget`, s.attended > 0 ? s.withinTarget / s.attended : NaN, 'ratio');
        put(`${base}.attendanceMinutes.mean`, s.minutes.mean, 'minutes');
        put(`${base}.attendanceMinutes.p90`, s.minutes.quantile(0.9), 'minutes');
      });
    });
  }

  /** Breaches over attended, Immediate and Priority together, all areas (NaN when none attended). */
  breachShare(): number {
    const all = this.areas.length + 2;
    const attended = this.stats[0][all].attended + this.stats[1][all].attended;
    return attended > 0 ? (this.stats[0][all].breaches + this.stats[1][all].breaches) / attended : NaN;
  }
}
