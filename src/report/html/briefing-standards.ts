/**
 * The national standards met or missed, in sentences a chief superintendent reads aloud:
 * "999: 89.9% answered within 10 seconds; the standard is 90%." Only the real standards are judged
 * (src/metrics/standards.ts: 999 within 10 s, 101 abandonment per queue); the worst month is named
 * when the results carry the month series. Other figures are shown, not judged.
 */
import { ANSWER_999, is101Queue, judge, standardFor, type Judgement, type StandardOptions } from '../../metrics/standards.js';
import { parseMetricName, queueMetric } from '../../metrics/metric-names.js';
import type { ComparisonResults, MetricSummary, Results } from '../../metrics/results.js';
import { escapeHtml, formatDifference, formatValue } from './format.js';
import { monthLabels } from './monthly-charts.js';
import { findSeries, queueNames } from './results-index.js';

const pct = (x: number | null): string => formatValue(x, 'ratio');

/** The metrics a national standard judges in these results, 999 first. */
export function judgedMetrics(results: Results, options: StandardOptions): string[] {
  const names = [queueMetric(ANSWER_999.queue, 'answeredWithinTarget'), ...queueNames(results).filter(is101Queue).map((q) => queueMetric(q, 'abandonedRatio'))];
  return names.filter((n) => results.metrics[n] !== undefined && standardFor(n, options)?.informational === false);
}

/** What the figure is, in words, for the sentence: `999: 93.1% answered within 10 seconds`. */
function subject(name: string): { who: string; what: string; standard: string } {
  if (name === queueMetric(ANSWER_999.queue, 'answeredWithinTarget')) return { who: '999', what: 'answered within 10 seconds', standard: 'the standard is 90%' };
  const m = parseMetricName(name);
  const queue = m.kind === 'queue' ? m.queue : name;
  return { who: `101 ${queue} queue`, what: 'of calls abandoned', standard: 'the standard is under 5%' };
}

const interval = (m: MetricSummary): string =>
  m.mean === null || m.ci95 === null || !Number.isFinite(m.ci95) ? '' : ` (95% interval ${pct(Math.max(0, m.mean - m.ci95))} to ${pct(Math.min(1, m.mean + m.ci95))})`;

/** Months missing the standard and the worst month, from the month series, or ''. */
function monthsText(results: Results, name: string, options: StandardOptions): string {
  const s = findSeries(results, name, 'month');
  if (s === undefined || s.keys.length < 2) return '';
  const labels = monthLabels(s.keys);
  let worst: { key: string; mean: number; j: Judgement } | undefined;
  let missed = 0;
  let judged = 0;
  s.keys.forEach((key, i) => {
    const mean = s.mean[i];
    if (mean === null) return;
    const j = judge(name, { mean, ci95: s.ci95[i], min: null, max: null, unit: 'ratio', values: [] }, options);
    if (j === undefined || (j.status !== 'met' && j.status !== 'missed')) return;
    judged++;
    if (j.status === 'missed') missed++;
    const worse = worst === undefined || (j.direction === 'atLeast' ? mean < worst.mean : mean > worst.mean);
    if (worse) worst = { key, mean, j };
  });
  if (worst === undefined) return '';
  const month = labels.get(worst.key) ?? worst.key;
  return missed === 0 ? ` Every month met it; the closest was ${month} at ${pct(worst.mean)}.` : ` ${missed} of ${judged} months missed it; the worst was ${month} at ${pct(worst.mean)}.`;
}

/** One sentence per standard for a run, as list items marked met or missed (a word and a symbol). */
export function standardSentences(results: Results, options: StandardOptions): string {
  const names = judgedMetrics(results, options);
  if (names.length === 0) return '<p class="note">No measure in these results is judged by a national standard (no queue named 999 with a 10-second target, and no 101 queue).</p>';
  const items = names.map((name) => {
    const m = results.metrics[name];
    const j = judge(name, m, options) as Judgement;
    const { who, what, standard } = subject(name);
    if (j.status === 'noData') return `<li class="standard nodata" data-verdict="noData">${escapeHtml(`${who}: no calls to judge, so the standard (${standard.replace('the standard is ', '')}) cannot be judged.`)}</li>`;
    const mark = j.status === 'met' ? '✓ Met' : '✗ Missed';
    const soft = j.firm ? '' : ' The 95% interval crosses the standard: more replications would make the verdict firm.';
    const text = `${who}: ${pct(m.mean)} ${what}${interval(m)}; ${standard}.${monthsText(results, name, options)}${soft}`;
    return `<li class="standard ${j.status}" data-verdict="${j.status}" data-metric="${escapeHtml(name)}"><strong>${mark}.</strong> ${escapeHtml(text)}</li>`;
  });
  return `<ul class="standards">${items.join('')}</ul>`;
}

/** One sentence per standard for a comparison: each scenario's figure and verdict, and the paired difference. */
export function comparisonSentences(c: ComparisonResults, labels: readonly string[], options: StandardOptions): string {
  const base = c.scenarios[0];
  const names = judgedMetrics(base, options);
  if (names.length === 0) return '<p class="note">No measure in these results is judged by a national standard.</p>';
  const items = names.map((name) => {
    const { who, what, standard } = subject(name);
    const parts = c.scenarios.map((s, i) => {
      const m = s.metrics[name];
      const j = m === undefined ? undefined : judge(name, m, options);
      const verdict = j?.status === 'met' ? 'met' : j?.status === 'missed' ? 'missed' : 'no data';
      return { text: `${labels[i]}: ${pct(m?.mean ?? null)} (${verdict})`, verdict };
    });
    const diffs = c.scenarios.slice(1).map((_, i) => {
      const d = c.differences[name]?.[i];
      if (d === undefined || d.mean === null) return '';
      const half = d.ci95 === null ? '' : `, 95% interval ${formatDifference(d.mean - d.ci95, 'ratio')} to ${formatDifference(d.mean + d.ci95, 'ratio')}`;
      const what = d.mean === 0 && (d.ci95 ?? 0) === 0 ? 'no difference in any replication' : `${formatDifference(d.mean, 'ratio')}${half}, ${d.significant ? 'a real difference (the interval excludes 0)' : 'not distinguishable from no change'}`;
      return ` Difference (${labels[i + 1]} − ${labels[0]}): ${what}.`;
    });
    const all = parts.every((p) => p.verdict === parts[0].verdict) ? parts[0].verdict : 'mixed';
    const text = `${who}, ${what}: ${parts.map((p) => p.text).join('; ')}; ${standard}.${diffs.join('')}`;
    return `<li class="standard ${all === 'met' ? 'met' : all === 'missed' ? 'missed' : 'mixed'}" data-metric="${escapeHtml(name)}">${escapeHtml(text)}</li>`;
  });
  return `<ul class="standards">${items.join('')}</ul>`;
}
