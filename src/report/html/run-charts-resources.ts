/**
 * Charts of the resources side of a run: handler occupancy by hour of day, attendance per grade
 * and area kind against the time frames, and incidents waiting for dispatch by hour of day.
 */
import { areaMetric, incidentMetric } from '../../metrics/metric-names.js';
import type { TopLevelSpec } from 'vega-lite';
import type { Results } from '../../metrics/results.js';
import { bandedLines, type BandRow, type ChartPlan } from './chart-specs.js';
import { dispatchAreas, findSeries, metricWithMean, occupancyBases, seriesPoints } from './results-index.js';
import { attendanceTarget, type StandardOptions } from '../../metrics/standards.js';
import { CHART_WIDTH, CONFIG, STANDARD_COLOUR } from './theme.js';

const HOUR_TITLE = 'Hour of day (00 = midnight to 1 am)';

function seriesRows(results: Results, bases: { label: string; base: string }[]): { rows: BandRow[]; groups: string[]; keys: string[] } {
  const rows: BandRow[] = [];
  const groups: string[] = [];
  let keys: string[] = [];
  for (const { label, base } of bases) {
    const s = findSeries(results, base, 'hourOfDay');
    if (s === undefined || seriesPoints(s).length === 0) continue;
    groups.push(label);
    if (s.keys.length > keys.length) keys = s.keys;
    rows.push(...seriesPoints(s).map((p) => ({ group: label, ...p })));
  }
  return { rows, groups, keys };
}

/** Busy share of staffed time per handler pool (and the switchboard), by hour of day. */
export function occupancyByHour(results: Results): ChartPlan {
  const id = 'occupancy-by-hour';
  const title = 'Call-handler occupancy by hour of day';
  const description = 'Share of staffed handler time spent busy with calls, by hour of day, one line per handler pool, with 95% interval bands.';
  const { rows, groups, keys } = seriesRows(results, occupancyBases(results));
  if (rows.length === 0) return { id, title, description, note: 'No occupancy series by hour of day (handlers.POOL.occupancy) in these results.' };
  return {
    id,
    title,
    description,
    spec: bandedLines({
      title,
      subtitle: 'Busy time over staffed time (talk and wrap-up); mean with 95% interval band.',
      description,
      rows,
      groups,
      keys,
      groupTitle: 'Pool',
      xTitle: HOUR_TITLE,
      yTitle: 'Occupancy (% of staffed time)',
      yFormat: '.0%',
      bounds: [0, 1],
      yDomain: [0, 1],
    }),
  };
}

/** Mean number of incidents waiting for a unit, by hour of day, one line per dispatch area. */
export function dispatchWaitingByHour(results: Results): ChartPlan {
  const id = 'dispatch-waiting-by-hour';
  const title = 'Incidents waiting for a unit, by hour of day';
  const description = 'Time-average number of Immediate and Priority incidents waiting for a response unit, by hour of day, one line per dispatch area, with 95% interval bands.';
  const bases = dispatchAreas(results).map((a) => ({ label: a, base: areaMetric(a, 'waiting') }));
  const { rows, groups, keys } = seriesRows(results, bases);
  if (rows.length === 0) return { id, title, description, note: 'No dispatch in these results (no dispatch.AREA.waiting series).' };
  return {
    id,
    title,
    description,
    spec: bandedLines({
      title,
      subtitle: 'Time-average queue length of the area dispatch queue; mean with 95% interval band.',
      description,
      rows,
      groups,
      keys,
      groupTitle: 'Area',
      xTitle: HOUR_TITLE,
      yTitle: 'Incidents waiting (time-average)',
      bounds: [0, Number.POSITIVE_INFINITY],
      yDomain: [0, Math.max(1, ...rows.map((r) => r.hi ?? r.mean)) * 1.05],
    }),
  };
}

const MEASURES = ['mean', '90th percentile', 'time frame'];

/** Attendance minutes (mean and p90, with intervals) per grade and area kind against the time frames. */
export function attendanceByGrade(results: Results, options: StandardOptions = {}): ChartPlan {
  const id = 'attendance';
  const title = 'Attendance time per grade and area kind';
  const description = 'Minutes from incident creation to arrival on scene, mean and 90th percentile with 95% intervals, for Immediate and Priority incidents in urban and rural areas, against the 15, 20 and 60 minute time frames.';
  const rows: { row: string; measure: string; minutes: number; lo: number | null; hi: number | null }[] = [];
  const order: string[] = [];
  for (const grade of ['immediate', 'priority'] as const) {
    for (const kind of ['urban', 'rural'] as const) {
      const row = `${grade === 'immediate' ? 'Immediate' : 'Priority'}, ${kind}`;
      let any = false;
      for (const [stat, measure] of [['mean', 'mean'], ['p90', '90th percentile']] as const) {
        const m = metricWithMean(results, incidentMetric(grade, kind, `attendanceMinutes.${stat}`));
        if (m === undefined) continue;
        any = true;
        const half = m.ci95;
        // Minutes cannot go below 0; a symmetric t-interval from few replications can.
        rows.push({ row, measure, minutes: m.mean, lo: half === null ? null : Math.max(0, m.mean - half), hi: half === null ? null : m.mean + half });
      }
      const target = attendanceTarget(grade, kind, options);
      if (any && target !== undefined) rows.push({ row, measure: 'time frame', minutes: target, lo: null, hi: null });
      if (any) order.push(row);
    }
  }
  if (order.length === 0) return { id, title, description, note: 'No attendance figures (incidents.GRADE.urban|rural.attendanceMinutes) in these results.' };
  const y = { field: 'row', type: 'nominal', sort: order, title: 'Grade, area kind' };
  const x = { type: 'quantitative', title: 'Attendance time (minutes)', scale: { zero: true } };
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, subtitle: 'Circle: mean; triangle: 90th percentile (95% intervals as bars); vertical line: the grade’s time frame.' },
    description,
    width: CHART_WIDTH,
    height: Math.max(120, 48 * order.length),
    config: CONFIG,
    layer: [
      {
        data: { values: rows.filter((r) => r.lo !== null) },
        mark: { type: 'rule', strokeWidth: 1.5, color: '#555555' },
        encoding: { y, x: { field: 'lo', ...x }, x2: { field: 'hi' } },
      },
      {
        data: { values: rows },
        mark: { type: 'point', filled: false, strokeWidth: 2.5, size: 160 },
        encoding: {
          y,
          x: { field: 'minutes', ...x },
          color: { field: 'measure', type: 'nominal', title: 'Measure', scale: { domain: MEASURES, range: ['#1f2d5c', '#d55e00', STANDARD_COLOUR] } },
          shape: { field: 'measure', type: 'nominal', title: 'Measure', scale: { domain: MEASURES, range: ['circle', 'triangle-up', 'M0,-1.6L0,1.6'] } },
        },
      },
    ],
  };
  return { id, title, description, spec: spec as unknown as TopLevelSpec };
}
