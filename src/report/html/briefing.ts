/**
 * The one-page briefing that opens every report: what was run (scenario, period, changes, roster
 * by shift, replications), the national standards met or missed in sentences, the other headline
 * figures shown but not judged, then the monthly charts with their values written on them.
 */
import type { ComparisonResults, Results } from '../../metrics/results.js';
import type { StandardOptions } from '../../metrics/standards.js';
import { headlineNames } from '../headline.js';
import { tableStandard } from '../standards.js';
import { factsList, rosterTable } from './briefing-facts.js';
import { comparisonSentences, judgedMetrics, standardSentences } from './briefing-standards.js';
import { escapeHtml, formatHalfWidth, formatValue, unitLabel } from './format.js';
import { metricLabel } from './metric-labels.js';
import { monthlyChart, monthlyDifferenceChart, monthlyMeasures } from './monthly-charts.js';
import { chartFigures } from './page.js';

/** The headline figures no standard judges (attendance, waits, occupancy, demand): shown, not judged. */
export function shownFigures(results: Results, options: StandardOptions): string {
  const judged = new Set(judgedMetrics(results, options));
  const names = headlineNames(results).filter((n) => !judged.has(n));
  if (names.length === 0) return '';
  const rows = names.map((n) => {
    const m = results.metrics[n];
    const frame = tableStandard(n, results.metrics)?.text ?? '';
    return `<tr data-metric="${escapeHtml(n)}"><th scope="row">${escapeHtml(metricLabel(n))}</th><td class="num">${formatValue(m.mean, m.unit)} <span class="soft">${escapeHtml(formatHalfWidth(m.ci95, m.unit))}</span></td><td>${escapeHtml(unitLabel(m.unit))}</td><td>${escapeHtml(frame)}</td></tr>`;
  });
  return (
    '<table class="shown"><caption>Other figures: shown, not judged (no national standard sets a share for them)</caption>' +
    '<thead><tr><th scope="col">measure</th><th scope="col" class="num">mean ± 95%</th><th scope="col">unit</th><th scope="col">for reference</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table>`
  );
}

/** The briefing of one run. */
export async function runBriefing(results: Results, options: StandardOptions): Promise<string> {
  const plans = monthlyMeasures(results).map((m) => monthlyChart([{ label: results.scenario.name, results }], m));
  return (
    '<section class="briefing" aria-labelledby="h-briefing"><h2 id="h-briefing">Briefing</h2>' +
    `<h3>What was run</h3>${factsList(results)}${rosterTable([{ label: results.scenario.name, setup: results.setup }])}` +
    `<h3 id="h-standards">National standards</h3>${standardSentences(results, options)}` +
    `${shownFigures(results, options)}` +
    `<h3>Month by month</h3>${plans.length === 0 ? '<p class="note">These results carry no series by month.</p>' : await chartFigures(plans)}` +
    '</section>'
  );
}

/**
 * Labels short enough for sentences and legends: the words every scenario name starts with are
 * dropped ("Avon and Somerset 2022 baseline" and "... - two more handlers on the late shift" become
 * "baseline" and "two more handlers on the late shift"); the full names when that leaves one empty or two alike.
 */
export function shortLabels(labels: readonly string[]): string[] {
  const words = labels.map((l) => l.split(' '));
  let n = 0;
  while (words.every((w) => w.length > n + 1 && w[n] === words[0][n])) n++;
  const out = words.map((w) => w.slice(n).join(' ').replace(/^[-–:,\s]+/, ''));
  return out.some((o) => o === '') || new Set(out).size < out.length ? [...labels] : out;
}

/** The briefing of a comparison: both scenarios on each monthly chart, then the paired difference per month. */
export async function comparisonBriefing(c: ComparisonResults, fullLabels: readonly string[], options: StandardOptions): Promise<string> {
  const labels = shortLabels(fullLabels);
  const base = c.scenarios[0];
  const scenarios = c.scenarios.map((results, i) => ({ label: labels[i], results }));
  const plans = monthlyMeasures(base).flatMap((m) => [monthlyChart(scenarios, m), monthlyDifferenceChart(c, labels, m)]);
  const facts = c.scenarios.map((s, i) => factsList(s, i === 0 && !labels[0].includes('baseline') ? `${labels[0]} (baseline)` : labels[i])).join('');
  return (
    '<section class="briefing" aria-labelledby="h-briefing"><h2 id="h-briefing">Briefing</h2>' +
    `<h3>What was run</h3><p class="lede">${c.scenarios.length} scenarios, ${c.replications} replications each with the same seeds (seed ${c.seed}), so each difference is paired: the same callers meet each room.</p>` +
    `<div class="facts-grid">${facts}</div>${rosterTable(scenarios.map((s) => ({ label: s.label, setup: s.results.setup })))}` +
    `<h3 id="h-standards">National standards</h3>${comparisonSentences(c, labels, options)}` +
    `<h3>Month by month</h3>${plans.length === 0 ? '<p class="note">These results carry no series by month.</p>' : await chartFigures(plans)}` +
    '</section>'
  );
}
