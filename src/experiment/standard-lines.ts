/**
 * The national standards as lines of `check`, judged by the standards module
 * (`src/metrics/standards.ts`): 999 answered within 10 s, 101 abandonment per 101 queue, and
 * attendance beside its time frame. A targets file holds a force's own report figures; these lines
 * are added to every check, so no targets file restates a standard. They are informational: a
 * baseline reproduces what a force achieved, which may miss a standard, so they never decide the
 * exit code.
 */
import type { Results } from '../metrics/results.js';
import { parseMetricName } from '../metrics/metric-names.js';
import { judge, standardFor, standardMetricNames, withResultTargets } from '../metrics/standards.js';
import type { TargetOutcome } from './targets.js';

/** What a standard's line is about (its figure and threshold are in the other columns). */
export function standardLabel(name: string): string {
  return `standard: ${subject(name)}`;
}

function subject(name: string): string {
  const m = parseMetricName(name);
  if (m.kind === 'queue') return m.measure === 'abandonedRatio' ? `101 abandonment, queue ${m.queue}` : `999 answering, queue ${m.queue}`;
  if (m.kind === 'incident') return `${m.grade === 'immediate' ? 'Immediate' : 'Priority'} attendance, ${m.group}`;
  return name;
}

/** One line per standard that applies to these results, in the standards module's order. */
export function standardOutcomes(results: Results): TargetOutcome[] {
  const options = withResultTargets(results.metrics, {});
  return standardMetricNames(Object.keys(results.metrics)).flatMap((name): TargetOutcome[] => {
    const standard = standardFor(name, options);
    const summary = results.metrics[name];
    const judged = judge(name, summary, options);
    if (standard === undefined || judged === undefined) return [];
    const range: [number | null, number | null] | null = standard.informational ? null : standard.direction === 'atLeast' ? [standard.threshold, null] : [null, standard.threshold];
    return [{
      label: standardLabel(name),
      name, kind: 'metric', required: false, range, observed: null,
      mean: summary.mean, ci95: summary.ci95, key: null, spread: null, unit: summary.unit,
      status: judged.status, standard: standard.short,
    }];
  });
}
