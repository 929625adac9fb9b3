/**
 * The briefing that opens every report: what was run, the national standards in sentences (met or
 * missed as the standards module judges them, and nothing invented), measures of unused features
 * left out, monthly charts with value labels, a comparison's paired differences per month, and
 * breakdown tables for whatever series axes the results carry.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ComparisonResults, Results } from '../../../src/metrics/results.js';
import { judge, withResultTargets } from '../../../src/metrics/standards.js';
import { shortLabels } from '../../../src/report/html/briefing.js';
import { breakdownAxes, runBreakdownTables } from '../../../src/report/html/breakdown-tables.js';
import { renderComparisonReport } from '../../../src/report/html/comparison-report.js';
import { monthLabels } from '../../../src/report/html/monthly-charts.js';
import { renderRunReport } from '../../../src/report/html/run-report.js';
import { figures, realComparisonFixture, realRunFixture, runFixture } from './fixtures.js';

const briefingOf = (html: string): string => html.slice(html.indexOf('<section class="briefing"'), html.indexOf('</section>', html.indexOf('<section class="briefing"')));
const pct = (x: number | null): string => `${(100 * (x as number)).toFixed(1)}%`;

describe('run briefing (real baseline output)', () => {
  let results: Results;
  let html = '';
  let briefing = '';
  beforeAll(async () => {
    results = realRunFixture();
    html = await renderRunReport(results);
    briefing = briefingOf(html);
  });

  it('comes first and says what was run: scenario, period on the room clock, changes, replications and seed', () => {
    expect(html.indexOf('<section class="briefing"')).toBeLessThan(html.indexOf('id="h-charts"'));
    expect(briefing).toContain('Avon and Somerset 2022 baseline');
    expect(briefing).toContain('1 Jan 2022 to 31 Aug 2022 (242.96 days), on the room&#39;s clock (Europe/London)');
    expect(briefing).toContain('none on the command line');
    expect(briefing).toContain(`${results.replications}, seed ${results.seed}`);
  });

  it('has the roster by named shift with local times, per pool', () => {
    expect(briefing).toMatch(/non-emergency <span class="soft">\(primary, secondary\)<\/span><\/th><td>late<\/td><td>15:00–23:00<\/td><td>every day<\/td><td class="num">5<\/td>/);
    expect(briefing).toMatch(/emergency <span class="soft">\(999\)<\/span><\/th><td>weekend-night<\/td><td>23:00–07:00 \(next day\)<\/td><td>Fri, Sat<\/td><td class="num">6<\/td>/);
  });

  it('states each national standard in a sentence, met or missed exactly as the standards module judges it', () => {
    const options = withResultTargets(results.metrics, {});
    const items = [...briefing.matchAll(/<li class="standard (\w+)" data-verdict="(\w+)" data-metric="([^"]+)">(.*?)<\/li>/g)];
    expect(items.map((m) => m[3])).toEqual(['queues.999.answeredWithinTarget', 'queues.switchboard.abandonedRatio', 'queues.primary.abandonedRatio', 'queues.secondary.abandonedRatio']);
    for (const [, , verdict, name, text] of items) {
      expect(verdict, name).toBe(judge(name, results.metrics[name], options)?.status);
      expect(text, name).toContain(verdict === 'met' ? '✓ Met.' : '✗ Missed.');
    }
    const m999 = results.metrics['queues.999.answeredWithinTarget'];
    expect(items[0][4]).toContain(`999: ${pct(m999.mean)} answered within 10 seconds`);
    expect(items[0][4]).toContain('the standard is 90%.');
    expect(items[3][4]).toContain(`101 secondary queue: ${pct(results.metrics['queues.secondary.abandonedRatio'].mean)} of calls abandoned`);
    expect(items[3][4]).toContain('the standard is under 5%.');
  });

  it('names the worst month from the month series', () => {
    const s = results.series['queues.secondary.abandonedRatio.byMonth'];
    const worst = s.keys[s.mean.indexOf(Math.max(...(s.mean as number[])))];
    expect(briefing).toContain(`the worst was ${monthLabels(s.keys).get(worst)} at ${pct(Math.max(...(s.mean as number[])))}.`);
  });

  it('judges nothing else: no invented standard, attendance shown beside its time frame only', () => {
    expect(html).not.toMatch(/mean attendance\s*(<=|≤)/i);
    expect(html).not.toMatch(/of \d+ standards met/);
    expect(briefing).toContain('Other figures: shown, not judged');
    const shown = briefing.slice(briefing.indexOf('<table class="shown">'));
    expect(shown).toContain('data-metric="incidents.immediate.urban.withinTarget"');
    expect(shown).not.toContain('data-verdict');
  });

  it('leaves out the measures of features the baseline does not use (victim updates, callbacks), from the resolved scenario', () => {
    expect(results.setup?.uses.victimUpdates).toBe(false);
    // The values are there (and not all zero), but the feature is unused: not shown anywhere.
    expect(results.metrics['victimUpdates.owed'].mean).toBeGreaterThan(0);
    expect(html).not.toContain('victimUpdates');
    expect(html).not.toMatch(/victim update/i);
    expect(html).not.toContain('.callbacks.');
  });

  it('draws the monthly charts, values written on the points, the standard as a line', () => {
    const figs = figures(html);
    const monthly = [...figs.keys()].filter((id) => id.startsWith('month-'));
    expect(monthly).toEqual(['month-999-answered', 'month-abandoned-switchboard', 'month-abandoned-primary', 'month-abandoned-secondary', 'month-attendance-immediate', 'month-attendance-priority']);
    const secondary = figs.get('month-abandoned-secondary') as string;
    expect(secondary).toContain('5% standard');
    const s = results.series['queues.secondary.abandonedRatio.byMonth'];
    for (const mean of s.mean) expect(secondary).toContain(`>${pct(mean)}</text>`);
    expect(figs.get('month-999-answered')).toContain('90% standard');
    expect(figs.get('month-attendance-immediate')).toContain('no national share, so no line');
  });

  it('shows breakdown tables for every series axis the results carry, read generically', async () => {
    expect(breakdownAxes(results)).toEqual(['month', 'hourOfDay']);
    const withDays: Results = { ...results, series: { ...results.series, 'queues.999.answeredWithinTarget.byDayOfWeek': { by: 'dayOfWeek', keys: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'], mean: [0.91, 0.92, 0.93, 0.94, 0.95, 0.85, 0.96], ci95: [0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01] } } };
    const tables = runBreakdownTables(withDays, withResultTargets(withDays.metrics, {}));
    const days = tables.slice(tables.indexOf('data-axis="dayOfWeek"'));
    expect(days).toContain('By day of the week');
    expect(days).toMatch(/<th scope="row">Sat<\/th><td class="num missed" data-verdict="missed">✗ 85\.0%/);
    expect(days).toMatch(/<th scope="row">Sun<\/th><td class="num">96\.0%/);
  });
});

describe('results without setup (older files, shards)', () => {
  it('keep every measure and say the roster is unknown', async () => {
    const results = runFixture();
    expect(results.setup).toBeUndefined();
    const html = await renderRunReport(results);
    for (const name of Object.keys(results.metrics)) expect(html).toContain(`data-metric="${name}"`);
    expect(briefingOf(html)).toContain('do not say how the rooms were staffed');
  });
});

describe('comparison briefing (real output: baseline vs two more on the 101 late shift)', () => {
  let c: ComparisonResults;
  let html = '';
  let briefing = '';
  beforeAll(async () => {
    c = realComparisonFixture();
    html = await renderComparisonReport(c);
    briefing = briefingOf(html);
  });

  it('short labels drop the words both names start with', () => {
    expect(shortLabels(c.scenarios.map((s) => s.scenario.name))).toEqual(['baseline', 'two more handlers on the late shift']);
    expect(shortLabels(['same', 'same'])).toEqual(['same', 'same']);
  });

  it('marks the changed shift in the roster table side by side', () => {
    expect(briefing).toMatch(/<td>late<\/td><td>15:00–23:00<\/td><td>every day<\/td><td class="num">5<\/td><td class="num changed" data-changed="true"><strong>7<\/strong> <span class="soft">\(was 5\)<\/span><\/td>/);
    expect(briefing.match(/data-changed/g)).toHaveLength(1);
  });

  it('states each standard for both scenarios with the paired difference and its interval', () => {
    const d = c.differences['queues.secondary.abandonedRatio'][0];
    const item = /<li class="standard \w+" data-metric="queues\.secondary\.abandonedRatio">(.*?)<\/li>/.exec(briefing)?.[1] ?? '';
    expect(item).toContain(`baseline: ${pct(c.scenarios[0].metrics['queues.secondary.abandonedRatio'].mean)} (missed)`);
    expect(item).toContain(`Difference (two more handlers on the late shift − baseline): −${(100 * Math.abs(d.mean as number)).toFixed(1)} pp`);
    expect(item).toContain(d.significant ? 'a real difference' : 'not distinguishable from no change');
  });

  it('puts both scenarios on each monthly chart and charts the paired difference per month', () => {
    const figs = figures(html);
    const both = figs.get('month-abandoned-secondary') as string;
    expect(both).toContain('baseline');
    expect(both).toContain('two more handlers on the late shift');
    const diff = figs.get('month-abandoned-secondary-difference') as string;
    const series = c.seriesDifferences?.['queues.secondary.abandonedRatio.byMonth'];
    expect(series?.keys).toHaveLength(8);
    for (const x of series!.differences[0]) expect(diff).toContain(`>${(100 * (x.mean as number)).toFixed(1).replace('-', '−')}</text>`);
    // The 999 queue is served by a pool the change leaves alone: identical, said in words, not drawn.
    expect(figs.get('month-999-answered-difference')).toContain('data-absent="true"');
  });

  it('without per-month differences (an older file) says so instead of drawing', async () => {
    const older = { ...c, seriesDifferences: undefined };
    const figs = figures(await renderComparisonReport(older));
    expect(figs.get('month-abandoned-secondary-difference')).toContain('carry no paired differences by month');
  });
});
