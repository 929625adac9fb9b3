import type { AreaKind, Grade } from '../model/dispatch/types.js';
import { bucketOf, LogHistogram } from './log-histogram.js';

/** Attendance of one grade in one area grouping (an area, urban, rural or all). */
export class AttendanceStats {
  readonly minutes = new LogHistogram();
  attended = 0;
  withinTarget = 0;
  breaches = 0;
  open = 0;

  attend(minutes: number, bucket: number, targetMinutes: number): void {
    this.attended++;
    this.minutes.addAt(minutes, bucket);
    if (minutes <= targetMinutes) this.withinTarget++;
    else this.breaches++;
  }
}

export type DispatchedGrade = 'immediate' | 'priority';
export const DISPATCHED: readonly DispatchedGrade[] = ['immediate', 'priority'];

export interface AttendanceTargets {
  immediate: { urban: number; rural: number };
  priority: { urban: number; rural: number };
}

/** Default targets from the report: Immediate 15 min urban, 20 min rural; Priority 1 hour. */
export const DEFAULT_TARGETS: AttendanceTargets = { immediate: { urban: 15, rural: 20 }, priority: { urban: 60, rural: 60 } };

/**
 * Attendance per grade and area grouping: each area by name, `urban`, `rural` and `all`. An
 * incident is judged against the target of a grade for its area's kind.
 */
export class AttendanceTable {
  /** [grade][group]: groups are the areas in order, then urban, rural, all. */
  readonly stats: AttendanceStats[][];

  constructor(
    readonly areas: readonly { name: string; kind: AreaKind }[],
    private readonly targets: AttendanceTargets,
  ) {
    this.stats = DISPATCHED.map(() => Array.from({ length: areas.length + 3 }, () => new AttendanceStats()));
  }

  groupNames(): string[] {
    return [...this.areas.map((a) => a.name), 'urban', 'rural', 'all'];
  }

  /** The grouping of an area's kind (urban or rural). */
  private kindGroup(area: number): number {
    return this.areas[area].kind === 'urban' ? this.areas.length : this.areas.length + 1;
  }

  attend(grade: Grade, area: number, minutes: number): void {
    const g = grade === 'immediate' ? 0 : grade === 'priority' ? 1 : -1;
    if (g < 0 || !(minutes >= 0)) return;
    const target = this.targets[DISPATCHED[g]][this.areas[area].kind];
    const bucket = bucketOf(minutes);
    const row = this.stats[g];
    row[area].attend(minutes, bucket, target);
    row[this.kindGroup(area)].attend(minutes, bucket, target);
    row[this.areas.length + 2].attend(minutes, bucket, target);
  }

  open(grade: Grade, area: number): void {
    const g = grade === 'immediate' ? 0 : grade === 'priority' ? 1 : -1;
    if (g < 0) return;
    for (const group of [area, this.kindGroup(area), this.areas.length + 2]) this.stats[g][group].open++;
  }

  /** Flat metrics under `prefix.GRADE.GROUP...`. */
  write(prefix: string, metrics: Record<string, number>, units: Record<string, string>): void {
    const names = this.groupNames();
    DISPATCHED.forEach((grade, g) => {
      names.forEach((group, i) => {
        const s = this.stats[g][i];
        const base = `${prefix}.${grade}.${group}`;
        metrics[`${base}.attended`] = s.attended;
        metrics[`${base}.open`] = s.open;
        metrics[`${base}.breaches`] = s.breaches;
        metrics[`${base}.withinTarget`] = s.attended > 0 ? s.withinTarget / s.attended : NaN;
        metrics[`${base}.attendanceMinutes.mean`] = s.minutes.mean;
        metrics[`${base}.attendanceMinutes.p90`] = s.minutes.quantile(0.9);
        units[`${base}.attended`] = 'incidents';
        units[`${base}.open`] = 'incidents';
        units[`${base}.breaches`] = 'incidents';
        units[`${base}.withinTarget`] = 'ratio';
        units[`${base}.attendanceMinutes.mean`] = 'minutes';
        units[`${base}.attendanceMinutes.p90`] = 'minutes';
      });
    });
  }

  /** Breaches over attended, Immediate and Priority together, all areas. */
  breachShare(): number {
    const all = this.areas.length + 2;
    const attended = this.stats[0][all].attended + this.stats[1][all].attended;
    return attended > 0 ? (this.stats[0][all].breaches + this.stats[1][all].breaches) / attended : NaN;
  }
}
