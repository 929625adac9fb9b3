import { MECHANISM_EVENTS, MechanismEvent } from '../model/callers/events.js';
import type { MonitorLayout } from '../model/monitor.js';
import { bucketOf } from './histogram.js';
import { AttendanceStats } from './incident-stats.js';
import { ratio, type MetricSink } from './metric-sink.js';

type Mechanisms = NonNullable<MonitorLayout['mechanisms']>;

/**
 * The optional mechanisms' figures (issue 15), written only for the mechanisms a scenario turns
 * on: repeat callers (`callers.*`), THRIVE and vulnerability recognition (`grading.thriveMissing*`,
 * `callers.vulnerable*`), channel shift (`channelShift.*`), online reports
 * (`onlineReports.*`), and attendance of Priority High and Standard (`incidents.priorityHigh.*`,
 * `incidents.priorityStandard.*`, judged against their own targets). Counts cover counted calls.
 */
export class MechanismStats {
  readonly counts = new Float64Array(MECHANISM_EVENTS);
  /** [tier: 0 High, 1 Standard][group]: the areas in order, then urban, rural, all. */
  private readonly tiers: AttendanceStats[][] | null;
  private readonly kindGroup: Int32Array;
  private readonly targetMinutes: Float64Array[];

  constructor(
    private readonly mechanisms: Mechanisms,
    private readonly areas: MonitorLayout['areas'],
  ) {
    const n = areas.length;
    const split = mechanisms.prioritySplit;
    this.tiers = split === undefined ? null : [0, 1].map(() => Array.from({ length: n + 3 }, () => new AttendanceStats()));
    this.kindGroup = Int32Array.from(areas, (a) => (a.kind === 'urban' ? n : n + 1));
    this.targetMinutes = split === undefined ? [] : [split.high, split.standard].map((t) => Float64Array.from(areas, (a) => t[a.kind]));
  }

  event(event: number): void {
    this.counts[event]++;
  }

  /** A Priority High or Standard incident attended after `seconds`, or open at the horizon (NaN). */
  tierAttended(area: number, standard: boolean, seconds: number): void {
    if (this.tiers === null) return;
    const tier = standard ? 1 : 0;
    const row = this.tiers[tier];
    const groups = [area, this.kindGroup[area], this.areas.length + 2];
    if (Number.isNaN(seconds)) {
      for (const g of groups) row[g].open++;
      return;
    }
    const minutes = seconds / 60;
    const bucket = bucketOf(minutes);
    const target = this.targetMinutes[tier][area];
    for (const g of groups) row[g].attend(minutes, bucket, target);
  }

  /** `callsOffered`: counted calls offered (the share of repeats is over them). */
  write(out: MetricSink, callsOffered: number): void {
    const m = this.mechanisms;
    const c = this.counts;
    const put = out.put.bind(out);
    if (m.callers) {
      const handled = c[MechanismEvent.repeatRecognised] + c[MechanismEvent.repeatMissed];
      put('callers.repeatCalls', c[MechanismEvent.repeatOffered], 'calls');
      put('callers.repeatShare', ratio(c[MechanismEvent.repeatOffered], callsOffered), 'ratio');
      put('callers.repeatsHandled', handled, 'calls');
      put('callers.repeatsNotIdentified', c[MechanismEvent.repeatMissed], 'calls');
      put('callers.repeatNotIdentifiedShare', ratio(c[MechanismEvent.repeatMissed], handled), 'ratio');
      put('callers.calledAgain', c[MechanismEvent.calledAgain], 'calls');
    }
    if (m.recognition === true) {
      // Over handled calls that opened an incident (the cases a review reads), chasing calls aside.
      const incidents = c[MechanismEvent.thriveDone] + c[MechanismEvent.thriveMissing];
      const vulnerable = c[MechanismEvent.vulnerableRecognised] + c[MechanismEvent.vulnerableMissed];
      put('grading.incidentCalls', incidents, 'calls');
      put('grading.thriveMissing', c[MechanismEvent.thriveMissing], 'calls');
      put('grading.thriveMissingShare', ratio(c[MechanismEvent.thriveMissing], incidents), 'ratio');
      put('callers.vulnerableHandled', vulnerable, 'calls');
      put('callers.vulnerableNotIdentified', c[MechanismEvent.vulnerableMissed], 'calls');
      put('callers.vulnerableNotIdentifiedShare', ratio(c[MechanismEvent.vulnerableMissed], vulnerable), 'ratio');
      put('callers.vulnerableFromHistory', c[MechanismEvent.vulnerableFromHistory], 'calls');
    }
    if (m.channelShift) put('channelShift.calls', c[MechanismEvent.shifted], 'calls');
    if (m.onlineReports) {
      put('onlineReports.reports', c[MechanismEvent.onlineReport], 'calls');
      put('onlineReports.callsBack', c[MechanismEvent.onlineCallBack], 'calls');
      put('onlineReports.incidents', c[MechanismEvent.onlineIncident], 'incidents');
    }
    if (this.tiers !== null) {
      put('incidents.priorityHigh.count', c[MechanismEvent.priorityHighCreated], 'incidents');
      put('incidents.priorityStandard.count', c[MechanismEvent.priorityStandardCreated], 'incidents');
      const names = [...this.areas.map((a) => a.name), 'urban', 'rural', 'all'];
      ['priorityHigh', 'priorityStandard'].forEach((grade, tier) => {
        names.forEach((group, i) => {
          const s = (this.tiers as AttendanceStats[][])[tier][i];
          const base = `incidents.${grade}.${group}`;
          put(`${base}.attended`, s.attended, 'incidents');
          put(`${base}.open`, s.open, 'incidents');
          put(`${base}.breaches`, s.breaches, 'incidents');
          put(`${base}.withinTarget`, ratio(s.withinTarget, s.attended), 'ratio');
          put(`${base}.attendanceMinutes.mean`, s.minutes.mean, 'minutes');
          put(`${base}.attendanceMinutes.p90`, s.minutes.quantile(0.9), 'minutes');
        });
      });
    }
  }
}
