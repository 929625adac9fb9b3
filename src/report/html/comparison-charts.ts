/**
 * Charts of a comparison: headline ratios side by side per scenario, the paired differences with
 * their 95% intervals against zero, and the 999 answer rate by hour of day per scenario.
 */
import { queueMetric } from '../../metrics/metric-names.js';
import { ANSWER_999 } from '../../metrics/standards.js';
import type { TopLevelSpec } from 'vega-lite';
import type { ComparisonResults } from '../../metrics/results.js';
import { answeredWithinTargetAxis, bandedLines, groupEncodings, type BandRow, type ChartPlan } from './chart-specs.js';
import { findSeries, metricWithMean, seriesPoints } from './results-index.js';
import { CHART_WIDTH, CONFIG, STANDARD_COLOUR } from './theme.js';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Distinct, readable labels for the scenarios (names, numbered when two share a name). */
export function scenarioLabels(c: ComparisonResults): string[] {
  return c.scenarios.map((s, i) => {
    const clash = c.scenarios.some((o, j) => j !== i && o.scenario.name === s.scenario.name);
    return clash ? `${i + 1}. ${s.scenario.name}` : s.scenario.name;
  });
}

/** Headline ratios (of the baseline's metrics) that appear in every scenario. */
function ratioHeadlines(c: ComparisonResults, headlines: string[]): string[] {
  return headlines.filter((name) => c.scenarios.every((s) => s.metrics[name]?.unit === 'ratio' && metricWithMean(s, name) !== undefined));
}

/** Headline ratio metrics, each scenario's mean with its 95% interval, side by side. */
export function sideBySide(c: ComparisonResults, headlines: string[]): ChartPlan {
  const id = 'comparison-side-by-side';
  const title = 'Headline ratios per scenario';
  const description = 'Each headline ratio for each scenario: mean across replications with its 95% interval.';
  const labels = scenarioLabels(c);
  const names = ratioHeadlines(c, headlines);
  if (names.length === 0) return { id, title, description, note: 'No ratio metric common to every scenario.' };
  const rows = names.flatMap((metric) =>
    c.scenarios.map((s, i) => {
      const m = s.metrics[metric];
      const mean = m.mean as number;
      const half = m.ci95 ?? 0;
      return { metric, group: labels[i], mean, lo: Math.max(0, mean - half), hi: Math.min(1, mean + half) };
    }),
  );
  const y = { field: 'metric', type: 'nominal', sort: names, title: null, axis: { labelLimit: 360 } };
  const enc = groupEncodings(labels, 'Scenario', true);
  const x = { type: 'quantitative', title: 'Mean with 95% interval (%)', axis: { format: '.0%' } };
  const spec = {
    $schema: SCHEMA,
    title: { text: title, subtitle: 'Same seeds in every scenario (common random numbers).' },
    description,
    width: CHART_WIDTH - 160,
    height: Math.max(120, 22 * rows.length),
    config: CONFIG,
    data: { values: rows },
    encoding: { y, yOffset: { field: 'group', type: 'nominal', sort: labels } },
    layer: [
      { mark: { type: 'rule', strokeWidth: 1.5 }, encoding: { x: { field: 'lo', ...x }, x2: { field: 'hi' }, color: enc.color } },
      { mark: { type: 'point', filled: true, size: 70 }, encoding: { x: { field: 'mean', ...x }, color: enc.color, shape: enc.shape } },
    ],
  };
  return { id, title, description, spec: spec as unknown as TopLevelSpec };
}

/** Paired differences (scenario minus baseline) of the headline ratios, in percentage points. */
export function pairedDifferences(c: ComparisonResults, headlines: string[]): ChartPlan {
  const id = 'comparison-differences';
  const title = 'Paired differences from the baseline';
  const description = 'Scenario minus baseline for each headline ratio, in percentage points, with the 95% interval of the paired difference; an interval clear of zero is significant.';
  const labels = scenarioLabels(c);
  const rows: { metric: string; group: string; mean: number; lo: number; hi: number; significance: string }[] = [];
  for (const metric of ratioHeadlines(c, headlines)) {
    (c.differences[metric] ?? []).forEach((d, i) => {
      if (d.mean === null || !Number.isFinite(d.mean) || labels[i + 1] === undefined) return;
      const half = d.ci95 ?? 0;
      rows.push({ metric, group: labels[i + 1], mean: d.mean * 100, lo: (d.mean - half) * 100, hi: (d.mean + half) * 100, significance: d.significant ? 'significant' : 'not significant' });
    });
  }
  if (rows.length === 0) return { id, title, description, note: 'No paired differences of headline ratios in these results.' };
  const groups = labels.slice(1);
  const names = [...new Set(rows.map((r) => r.metric))];
  const enc = groupEncodings(groups, 'Scenario', groups.length > 1);
  const x = { type: 'quantitative', title: 'Difference from baseline (percentage points)', scale: { nice: true, padding: 12 } };
  const y = { field: 'metric', type: 'nominal', sort: names, title: null, axis: { labelLimit: 360 } };
  const spec = {
    $schema: SCHEMA,
    title: { text: title, subtitle: 'Filled point: significant (95% interval excludes 0); hollow: not significant.' },
    description,
    width: CHART_WIDTH - 160,
    height: Math.max(120, 24 * rows.length),
    config: CONFIG,
    layer: [
      { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: STANDARD_COLOUR, strokeDash: [6, 4] }, encoding: { x: { field: 'zero', ...x } } },
      {
        data: { values: rows },
        encoding: { y, yOffset: { field: 'group', type: 'nominal', sort: groups } },
        layer: [
          { mark: { type: 'rule', strokeWidth: 1.5 }, encoding: { x: { field: 'lo', ...x }, x2: { field: 'hi' }, color: enc.color } },
          { transform: [{ filter: "datum.significance === 'significant'" }], mark: { type: 'point', filled: true, size: 80 }, encoding: { x: { field: 'mean', ...x }, color: enc.color, shape: enc.shape } },
          { transform: [{ filter: "datum.significance !== 'significant'" }], mark: { type: 'point', filled: false, strokeWidth: 2, size: 80 }, encoding: { x: { field: 'mean', ...x }, color: enc.color, shape: enc.shape } },
        ],
      },
    ],
  };
  return { id, title, description, spec: spec as unknown as TopLevelSpec };
}

/** The 999 answered-within-target share by hour of day, one line per scenario. */
export function answered999ByHourPerScenario(c: ComparisonResults): ChartPlan {
  const id = 'comparison-999-by-hour';
  const title = '999 calls answered within 10 seconds, by hour of day, per scenario';
  const description = 'Share of answered 999 calls answered within the queue target by hour of day, one line per scenario with its 95% interval band, against the 90% standard.';
  const labels = scenarioLabels(c);
  const rows: BandRow[] = [];
  let keys: string[] = [];
  c.scenarios.forEach((s, i) => {
    const series = findSeries(s, queueMetric(ANSWER_999.queue, 'answeredWithinTarget'), 'hourOfDay');
    if (series === undefined) return;
    if (series.keys.length > keys.length) keys = series.keys;
    rows.push(...seriesPoints(series).map((p) => ({ group: labels[i], ...p })));
  });
  if (rows.length === 0) return { id, title, description, note: 'No 999 answer series by hour of day in these results.' };
  return {
    id,
    title,
    description,
    spec: bandedLines({
      title,
      subtitle: 'Mean with 95% interval band per scenario.',
      description,
      rows,
      groups: labels.filter((l) => rows.some((r) => r.group === l)),
      keys,
      groupTitle: 'Scenario',
      xTitle: 'Hour of day of arrival (00 = midnight to 1 am)',
      ...answeredWithinTargetAxis(rows),
    }),
  };
}
