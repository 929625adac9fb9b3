/**
 * The headline view printed by default: about a dozen measures a planner briefs on, the national
 * standards first (999 answered within 10 s; 101 abandonment per queue), then attendance within
 * the time frames, waits, occupancy and demand, each in words with its unit and its metric name
 * (for `--metrics`). `--metrics all` or a glob gives the full table.
 */
import { parseMetricName, poolMetric, queueMetric, switchboardMetric } from '../metrics/metric-names.js';
import type { Results } from '../metrics/results.js';
import { ANSWER_999, is101Queue } from '../metrics/standards.js';
import { alignRows, meanPlusMinus, unitLabel } from './format-number.js';
import { metricLabel } from './html/metric-labels.js';
import { tableStandard, verdict } from './standards.js';
import { usedMeasures } from './used-measures.js';

/** The headline metric names present in these results, standards first. */
export function headlineNames(results: Results): string[] {
  const has = (n: string): boolean => results.metrics[n] !== undefined;
  const queues: string[] = [];
  const pools: string[] = [];
  for (const name of Object.keys(results.metrics)) {
    const m = parseMetricName(name);
    if (m.kind === 'queue' && !queues.includes(m.queue)) queues.push(m.queue);
    if (m.kind === 'pool' && m.measure === 'occupancy' && !pools.includes(m.pool)) pools.push(m.pool);
  }
  queues.sort();
  pools.sort();
  const names = [
    queueMetric(ANSWER_999.queue, 'answeredWithinTarget'),
    ...queues.filter(is101Queue).map((q) => queueMetric(q, 'abandonedRatio')),
    ...queues.filter((q) => !is101Queue(q)).map((q) => queueMetric(q, 'abandonedRatio')),
    'incidents.immediate.urban.withinTarget',
    'incidents.immediate.rural.withinTarget',
    'incidents.priority.all.withinTarget',
    ...queues.map((q) => queueMetric(q, 'waitSeconds.mean')),
    ...pools.map((p) => poolMetric(p, 'occupancy')),
    switchboardMetric('occupancy'),
    'calls.offered',
  ];
  return usedMeasures(results, names.filter(has));
}

/** The headline table (a trailing newline included). */
export function headlineTable(results: Results, heading: string): string {
  const names = headlineNames(results);
  const rows: string[][] = [['measure', 'mean ± 95% half-width', 'unit', 'standard', 'verdict', 'metric']];
  for (const name of names) {
    const m = results.metrics[name];
    rows.push([metricLabel(name), meanPlusMinus(m.mean, m.ci95, m.unit), unitLabel(m.unit), tableStandard(name, results.metrics)?.text ?? '', verdict(name, m, results.metrics), name]);
  }
  // Measures of features the scenario does not use are left out of the count as of every table.
  const more = usedMeasures(results, Object.keys(results.metrics)).length - names.length;
  return [
    heading,
    '',
    ...alignRows(rows, [false, true]),
    '',
    'Judged on the mean across replications. 999: the share of answered calls answered within 10 s (serviceLevel, in the full',
    'table, counts offered calls). Attendance is shown beside its time frame, not judged.',
    `${more} more measures: --metrics all, or a name or glob such as --metrics 'queues.secondary.*'; --by month for months.`,
    '',
  ].join('\n');
}
