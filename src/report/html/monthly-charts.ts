/**
 * The briefing's monthly charts, with each month's value written over its point: per queue, the
 * 999 share answered within 10 s against the 90% line and each 101 queue's abandonment against the
 * 5% line; per grade, the share attended within its time frame (no national share is set, so no
 * line). One line per scenario (a comparison puts both on one chart), and for a comparison the
 * paired difference per month with its 95% interval.
 */
import type { TopLevelSpec } from 'vega-lite';
import { incidentMetric, queueMetric, seriesName } from '../../metrics/metric-names.js';
import type { ComparisonResults, Results } from '../../metrics/results.js';
import { ANSWER_999, ABANDONMENT_101, is101Queue, standardFor, withResultTargets } from '../../metrics/standards.js';
import { measureUsed } from '../used-measures.js';
import { bandedLines, groupEncodings, type BandRow, type ChartPlan, type Rule } from './chart-specs.js';
import { findSeries, queueNames, seriesPoints } from './results-index.js';
import { CONFIG, STANDARD_COLOUR } from './theme.js';

/** The briefing's charts sit two to a row: plot size in pixels. */
export const BRIEFING_WIDTH = 400;
export const BRIEFING_HEIGHT = 190;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 'YYYY-MM' -> 'Jan' (one year) or 'Jan 2022' (keys spanning years); other keys as they are. */
export function monthLabels(keys: readonly string[]): Map<string, string> {
  const parsed = keys.map((k) => ({ key: k, year: k.slice(0, 4), month: Number(k.slice(5, 7)) }));
  const valid = parsed.every((p) => p.key.length === 7 && p.key[4] === '-' && p.month >= 1 && p.month <= 12);
  const oneYear = new Set(parsed.map((p) => p.year)).size === 1;
  return new Map(parsed.map((p) => [p.key, !valid ? p.key : oneYear ? MONTHS[p.month - 1] : `${MONTHS[p.month - 1]} ${p.year}`]));
}

/** The x-axis title: the year when every month is in one. */
function monthAxisTitle(keys: readonly string[]): string {
  const years = new Set(keys.map((k) => k.slice(0, 4)));
  return years.size === 1 ? `Month of ${[...years][0]} (room's clock)` : "Month (room's clock)";
}

/** A measure the briefing charts by month: its metric, words and standard line. */
export interface MonthlyMeasure {
  id: string;
  metric: string;
  title: string;
  yTitle: string;
  rules: Rule[];
  /** Why there is no line, when none is drawn (subtitle lines). */
  noLine?: string[];
}

/** The measures charted by month for these results, standards first (only series the results carry). */
export function monthlyMeasures(results: Results): MonthlyMeasure[] {
  const options = withResultTargets(results.metrics, {});
  const out: MonthlyMeasure[] = [];
  const answered = queueMetric(ANSWER_999.queue, 'answeredWithinTarget');
  if (standardFor(answered, options) !== undefined) {
    out.push({ id: 'month-999-answered', metric: answered, title: '999 calls answered within 10 seconds, by month', yTitle: 'Answered within 10 s (% of answered)', rules: [{ y: ANSWER_999.share, label: '90% standard' }] });
  }
  for (const q of queueNames(results).filter(is101Queue)) {
    out.push({ id: `month-abandoned-${q}`, metric: queueMetric(q, 'abandonedRatio'), title: `101 ${q} queue: calls abandoned, by month`, yTitle: 'Abandoned (% of offered)', rules: [{ y: ABANDONMENT_101.maxRatio, label: '5% standard' }] });
  }
  for (const grade of ['immediate', 'priority']) {
    const word = grade === 'immediate' ? 'Immediate' : 'Priority';
    out.push({
      id: `month-attendance-${grade}`,
      metric: incidentMetric(grade, 'all', 'withinTarget'),
      title: `${word} incidents attended within their time frame, by month`,
      yTitle: 'Attended within time frame (%)',
      rules: [],
      noLine: ['Each incident against its time frame (Immediate 15 min urban,', '20 min rural; Priority 60 min); no national share, so no line.'],
    });
  }
  return out.filter((m) => measureUsed(m.metric, results.setup?.uses) && findSeries(results, m.metric, 'month') !== undefined);
}

/** The y axis of a share: from a little below the lowest value (and the line) to a little above the highest. */
function shareDomain(rows: readonly BandRow[], rules: readonly Rule[]): [number, number] {
  const values = [...rows.flatMap((r) => [r.lo ?? r.mean, r.hi ?? r.mean]), ...rules.map((r) => r.y)];
  const low = Math.max(0, Math.floor((Math.min(...values) - 0.03) * 20) / 20);
  const high = Math.min(1, Math.ceil((Math.max(...values) + 0.05) * 20) / 20);
  return [low, Math.max(high, low + 0.05)];
}

/** One measure by month, one line per scenario (labelled), values over the points, the standard as a line. */
export function monthlyChart(scenarios: readonly { label: string; results: Results }[], m: MonthlyMeasure): ChartPlan {
  const description = `${m.title}: mean across replications per month with its 95% interval band${scenarios.length > 1 ? ', one line per scenario' : ''}${m.rules.length > 0 ? `, against the ${m.rules[0].label}` : ''}.`;
  const rows: BandRow[] = [];
  let keys: string[] = [];
  for (const s of scenarios) {
    const series = findSeries(s.results, m.metric, 'month');
    if (series === undefined) continue;
    if (series.keys.length > keys.length) keys = series.keys;
    rows.push(...seriesPoints(series).map((p) => ({ group: s.label, ...p })));
  }
  if (rows.length === 0) return { id: m.id, title: m.title, description, note: 'No month of these results has data for it.' };
  const labels = monthLabels(keys);
  const labelled = rows.map((r) => ({ ...r, key: labels.get(r.key) ?? r.key }));
  const groups = scenarios.map((s) => s.label).filter((l) => rows.some((r) => r.group === l));
  return {
    id: m.id,
    title: m.title,
    description,
    spec: bandedLines({
      title: m.title,
      subtitle: m.noLine ?? 'Mean per month with its 95% interval band; the dashed line is the national standard.',
      description,
      rows: labelled,
      groups,
      keys: keys.map((k) => labels.get(k) ?? k),
      groupTitle: 'Scenario',
      xTitle: monthAxisTitle(keys),
      yTitle: m.yTitle,
      yFormat: '.0%',
      bounds: [0, 1],
      yDomain: shareDomain(rows, m.rules),
      rules: m.rules,
      valueLabels: '.1%',
      width: BRIEFING_WIDTH,
      height: BRIEFING_HEIGHT,
    }),
  };
}

/**
 * The paired difference per month (each scenario minus the baseline) of one measure with its 95%
 * interval, in percentage points, against zero; values over the points.
 */
export function monthlyDifferenceChart(c: ComparisonResults, labels: readonly string[], m: MonthlyMeasure): ChartPlan {
  const id = `${m.id}-difference`;
  const title = `${m.title}: difference from the baseline`;
  const description = `Each scenario minus the baseline, per month, in percentage points, with the 95% interval of the paired difference (same seeds); an interval clear of zero is a real difference.`;
  const d = c.seriesDifferences?.[seriesName(m.metric, 'month')] ?? c.seriesDifferences?.[m.metric];
  if (d === undefined) return { id, title, description, note: 'These results carry no paired differences by month (compare writes them).' };
  const monthNames = monthLabels(d.keys);
  const rows: { group: string; key: string; mean: number; lo: number; hi: number }[] = [];
  d.differences.forEach((row, i) => {
    row.forEach((x, k) => {
      if (x.mean === null || !Number.isFinite(x.mean) || labels[i + 1] === undefined) return;
      const half = x.ci95 ?? 0;
      rows.push({ group: labels[i + 1], key: monthNames.get(d.keys[k]) ?? d.keys[k], mean: x.mean * 100, lo: (x.mean - half) * 100, hi: (x.mean + half) * 100 });
    });
  });
  if (rows.length === 0) return { id, title, description, note: 'No month has a paired difference.' };
  if (rows.every((r) => r.mean === 0 && r.lo === 0 && r.hi === 0)) {
    return { id, title, description, note: 'The same in every month and every replication: the change does not reach this measure.' };
  }
  const others = labels.slice(1);
  const groups = others.filter((l) => rows.some((r) => r.group === l));
  // Each scenario keeps the colour, dash and shape it has on the chart beside this one.
  const enc = groupEncodings(groups, 'Scenario', groups.length > 1, groups.map((g) => others.indexOf(g) + 1));
  const keys = d.keys.map((k) => monthNames.get(k) ?? k);
  const x = { field: 'key', type: 'ordinal', sort: keys, title: monthAxisTitle(d.keys), axis: { labelAngle: 0 } };
  const y = { field: 'mean', type: 'quantitative', title: 'Difference (percentage points)', scale: { nice: true, zero: true, padding: 14 }, axis: { format: '+.1f' } };
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, subtitle: 'Paired difference per month with its 95% interval; filled point: the interval excludes 0.' },
    description,
    width: BRIEFING_WIDTH,
    height: BRIEFING_HEIGHT,
    config: CONFIG,
    layer: [
      { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: STANDARD_COLOUR, strokeDash: [6, 4] }, encoding: { y: { field: 'zero', type: 'quantitative' } } },
      {
        data: { values: rows },
        mark: { type: 'rule', strokeWidth: 2 },
        encoding: { x, xOffset: { field: 'group', type: 'nominal', sort: groups }, y: { field: 'lo', type: 'quantitative', scale: y.scale, title: y.title }, y2: { field: 'hi' }, color: enc.color },
      },
      ...[true, false].map((significant) => ({
        data: { values: rows.filter((r) => (r.lo > 0 || r.hi < 0) === significant) },
        mark: { type: 'point', size: 60, strokeWidth: 2, filled: significant },
        encoding: { x, xOffset: { field: 'group', type: 'nominal', sort: groups }, y, color: enc.color, shape: enc.shape },
      })),
      {
        data: { values: rows },
        // Right of each point: the interval's bar runs through it vertically.
        mark: { type: 'text', align: 'left', dx: 7, fontSize: 10, color: '#222222' },
        encoding: { x, xOffset: { field: 'group', type: 'nominal', sort: groups }, y, text: { field: 'mean', type: 'quantitative', format: '+.1f' } },
      },
    ],
  };
  return { id, title, description, spec: spec as unknown as TopLevelSpec };
}
