/**
 * Charts of the calls side of a run: 999 answered within target by hour of day, abandonment by
 * month per queue, and the answer-time distribution per queue (statistics and answer bands).
 */
import { queueMetric } from '../../metrics/metric-names.js';
import { ANSWER_999 } from '../../metrics/standards.js';
import type { TopLevelSpec } from 'vega-lite';
import type { Results } from '../../metrics/results.js';
import { answeredWithinTargetAxis, bandedLines, type BandRow, type ChartPlan } from './chart-specs.js';
import { findSeries, metricWithMean, queueNames, seriesPoints } from './results-index.js';
import { CHART_WIDTH, CONFIG, PALETTE, SHAPES } from './theme.js';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const HOUR_TITLE = 'Hour of day of arrival (00 = midnight to 1 am)';

/** 999 share of answered calls answered within target, by hour of day, with the 90% line. */
export function answered999ByHour(results: Results): ChartPlan {
  const id = 'answered-999-by-hour';
  const title = '999 calls answered within 10 seconds, by hour of day';
  const description = 'Share of answered 999 calls answered within the queue target, by hour of day of arrival: mean across replications with its 95% interval band, against the 90% standard.';
  const s = findSeries(results, queueMetric(ANSWER_999.queue, 'answeredWithinTarget'), 'hourOfDay');
  if (s === undefined || seriesPoints(s).length === 0) {
    return { id, title, description, note: 'No 999 answer series by hour of day in these results (no queue named "999", or no answered call).' };
  }
  const rows: BandRow[] = seriesPoints(s).map((p) => ({ group: '999', ...p }));
  return {
    id,
    title,
    description,
    spec: bandedLines({
      title,
      subtitle: 'Mean with 95% interval band; the queue target is 10 s in the national standard (the scenario sets it).',
      description,
      rows,
      groups: ['999'],
      keys: s.keys,
      groupTitle: 'Queue',
      xTitle: HOUR_TITLE,
      ...answeredWithinTargetAxis(rows),
    }),
  };
}

/** Abandoned share of offered calls by month, one line per queue, with the 5% line. */
export function abandonmentByMonth(results: Results): ChartPlan {
  const id = 'abandonment-by-month';
  const title = 'Abandoned calls by month, per queue';
  const description = 'Share of offered calls abandoned before answer, by month of arrival, one line per queue with its 95% interval band, against the 5% standard for 101 queues.';
  const rows: BandRow[] = [];
  const groups: string[] = [];
  let keys: string[] = [];
  for (const q of queueNames(results)) {
    const s = findSeries(results, queueMetric(q, 'abandonedRatio'), 'month');
    if (s === undefined || seriesPoints(s).length === 0) continue;
    groups.push(q);
    if (s.keys.length > keys.length) keys = s.keys;
    rows.push(...seriesPoints(s).map((p) => ({ group: q, ...p })));
  }
  if (rows.length === 0) return { id, title, description, note: 'No abandonment series by month in these results.' };
  return {
    id,
    title,
    description,
    spec: bandedLines({
      title,
      subtitle: 'Mean with 95% interval band; the 5% standard applies to the 101 queues (every queue but 999).',
      description,
      rows,
      groups,
      keys,
      groupTitle: 'Queue',
      xTitle: 'Month of arrival',
      yTitle: 'Abandoned (% of offered)',
      yFormat: '.0%',
      bounds: [0, 1],
      yDomain: [0, Math.max(0.1, ...rows.map((r) => r.hi ?? r.mean)) * 1.05],
      rules: [{ y: 0.05, label: '5% standard (101)' }],
    }),
  };
}

const WAIT_STATS = [
  { key: 'p50', label: 'median' },
  { key: 'mean', label: 'mean' },
  { key: 'p90', label: '90th percentile' },
  { key: 'p99', label: '99th percentile' },
];

/** Answer-time statistics per queue (median, mean, p90, p99) on a log scale, with intervals. */
export function waitStatistics(results: Results): ChartPlan {
  const id = 'wait-statistics';
  const title = 'Time to answer per queue';
  const description = 'Median, mean, 90th and 99th percentile of the time answered calls waited, per queue, in seconds on a logarithmic scale, each with its 95% interval.';
  const rows: { queue: string; stat: string; mean: number; lo: number; hi: number }[] = [];
  for (const q of queueNames(results)) {
    for (const { key, label } of WAIT_STATS) {
      const m = metricWithMean(results, queueMetric(q, `waitSeconds.${key}`));
      if (m === undefined || m.mean <= 0) continue;
      const half = m.ci95 ?? 0;
      rows.push({ queue: q, stat: label, mean: m.mean, lo: Math.max(m.mean - half, m.mean / 10), hi: m.mean + half });
    }
  }
  if (rows.length === 0) return { id, title, description, note: 'No answer-time statistics (queues.Q.waitSeconds) in these results.' };
  const queues = [...new Set(rows.map((r) => r.queue))];
  const stats = WAIT_STATS.map((s) => s.label);
  const x = { type: 'quantitative', scale: { type: 'log' }, title: 'Time to answer (seconds, log scale)' };
  const spec = {
    $schema: SCHEMA,
    title: { text: title, subtitle: 'Answered calls only; a 999 wait includes the BT transfer. Bars show 95% intervals.' },
    description,
    width: CHART_WIDTH,
    height: Math.max(120, 46 * queues.length),
    config: CONFIG,
    data: { values: rows },
    encoding: {
      y: { field: 'queue', type: 'nominal', sort: queues, title: 'Queue' },
      yOffset: { field: 'stat', type: 'nominal', sort: stats },
    },
    layer: [
      { mark: { type: 'rule', strokeWidth: 1.5 }, encoding: { x: { field: 'lo', ...x }, x2: { field: 'hi' }, color: { field: 'stat', type: 'nominal', title: 'Statistic', scale: { domain: stats, range: PALETTE } } } },
      {
        mark: { type: 'point', filled: true, size: 70 },
        encoding: {
          x: { field: 'mean', ...x },
          color: { field: 'stat', type: 'nominal', title: 'Statistic', scale: { domain: stats, range: PALETTE } },
          shape: { field: 'stat', type: 'nominal', title: 'Statistic', scale: { domain: stats, range: SHAPES } },
        },
      },
    ],
  };
  return { id, title, description, spec: spec as unknown as TopLevelSpec };
}

const BANDS = [
  { key: 'under5s', label: 'under 5 s', colour: '#f2f2f2' },
  { key: 'from5to10s', label: '5 to 10 s', colour: '#9e9e9e' },
  { key: 'over10s', label: 'over 10 s', colour: '#303030' },
];

/** Answered calls split by answer-time band (under 5 s, 5-10 s, over 10 s), per queue. */
export function answerBands(results: Results): ChartPlan {
  const id = 'answer-bands';
  const title = 'Answered calls by time to answer, per queue';
  const description = 'Share of answered calls answered in under 5 seconds, in 5 to 10 seconds and after more than 10 seconds, per queue (means across replications).';
  const rows: { queue: string; band: string; order: number; share: number }[] = [];
  for (const q of queueNames(results)) {
    BANDS.forEach((b, order) => {
      const m = metricWithMean(results, queueMetric(q, `answerBands.${b.key}`));
      if (m !== undefined) rows.push({ queue: q, band: b.label, order, share: m.mean });
    });
  }
  if (rows.length === 0) return { id, title, description, note: 'No answer bands (queues.Q.answerBands) in these results.' };
  const queues = [...new Set(rows.map((r) => r.queue))];
  const labels = BANDS.map((b) => b.label);
  const spec = {
    $schema: SCHEMA,
    title: { text: title, subtitle: 'Light to dark: under 5 s, 5 to 10 s, over 10 s (the Home Office publishes 999 answer times in these bands).' },
    description,
    width: CHART_WIDTH,
    height: Math.max(100, 34 * queues.length),
    config: CONFIG,
    data: { values: rows },
    mark: { type: 'bar', stroke: '#000000', strokeWidth: 0.75 },
    encoding: {
      y: { field: 'queue', type: 'nominal', sort: queues, title: 'Queue' },
      x: { field: 'share', type: 'quantitative', stack: 'normalize', title: 'Share of answered calls (%)', axis: { format: '.0%' } },
      color: { field: 'band', type: 'nominal', title: 'Time to answer', scale: { domain: labels, range: BANDS.map((b) => b.colour) } },
      order: { field: 'order', type: 'quantitative' },
    },
  };
  return { id, title, description, spec: spec as unknown as TopLevelSpec };
}
