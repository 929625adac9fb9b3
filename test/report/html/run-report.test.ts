import { beforeAll, describe, expect, it } from 'vitest';
import type { Results } from '../../../src/metrics/results.js';
import { scopeIds } from '../../../src/report/html/render-svg.js';
import { renderRunReport, runChartPlans } from '../../../src/report/html/run-report.js';
import { externalReferences, figures, realRunFixture, runFixture } from './fixtures.js';

const CHARTS = ['answered-999-by-hour', 'abandonment-by-month', 'wait-statistics', 'answer-bands', 'occupancy-by-hour', 'attendance', 'dispatch-waiting-by-hour'];

describe.each([
  ['hand-made fixture', runFixture],
  ['real callsim output', realRunFixture],
])('run report (%s)', (_, load) => {
  let html = '';
  beforeAll(async () => {
    html = await renderRunReport(load());
  });

  it('is self-contained: no script, no link, no external URL, a CSP forbidding every load', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link/i);
    expect(html).not.toMatch(/<img/i);
    expect(externalReferences(html)).toEqual([]);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });

  it('chart text uses the generic sans-serif family only', () => {
    const families = new Set([...html.matchAll(/font-family="([^"]*)"/g)].map((m) => m[1]));
    expect([...families]).toEqual(['sans-serif']);
  });

  it('shows every chart for the fixture, each an SVG with marks', () => {
    const figs = figures(html);
    // The briefing's monthly charts (month-...) first, then the others.
    expect([...figs.keys()].filter((id) => !id.startsWith('month-'))).toEqual(CHARTS);
    for (const [id, fig] of figs) {
      expect(fig, id).toMatch(/<svg /);
      expect(fig, id).not.toContain('data-absent');
      // Marks: lines and areas are paths, bars rects, points symbol paths.
      expect(fig.match(/<path /g)?.length ?? 0, id).toBeGreaterThan(5);
      expect(fig, id).toMatch(/role-axis/);
    }
  });

  it('has a title, chart titles in the SVG, and axis titles with units', () => {
    expect(html).toContain(`<title>callsim report: ${load().scenario.name}</title>`);
    const figs = figures(html);
    expect(figs.get('answered-999-by-hour')).toContain('999 calls answered within 10 seconds, by hour of day');
    expect(figs.get('answered-999-by-hour')).toContain('Answered within target (% of answered)');
    expect(figs.get('abandonment-by-month')).toContain('Abandoned (% of offered)');
    expect(figs.get('wait-statistics')).toContain('Time to answer (seconds, log scale)');
    expect(figs.get('attendance')).toContain('Attendance time (minutes)');
    expect(figs.get('occupancy-by-hour')).toContain('Occupancy (% of staffed time)');
  });

  it('draws the standards: the 90% line on the 999 chart and the 5% line on the abandonment chart', () => {
    const figs = figures(html);
    expect(figs.get('answered-999-by-hour')).toContain('90% standard');
    expect(figs.get('abandonment-by-month')).toContain('5% standard (101)');
  });

  it('tells series apart by dash as well as colour (greyscale)', () => {
    const dashes = new Set([...(figures(html).get('abandonment-by-month') ?? '').matchAll(/stroke-dasharray="([^"]+)"/g)].map((m) => m[1]));
    // Four queues: four different dashes on the lines (plus the standard's).
    expect(dashes.size).toBeGreaterThanOrEqual(4);
  });

  it('footer names the scenario, seed, replications and callsim version', () => {
    const footer = html.slice(html.indexOf('<footer>'));
    const r = load();
    expect(footer).toContain(r.scenario.name);
    expect(footer).toContain(`<dd class="seed">${r.seed}</dd>`);
    expect(footer).toContain(`<dd class="replications">${r.replications}</dd>`);
    expect(footer).toContain(`<dd class="version">${r.callsim}</dd>`);
  });

  it('lists every metric of a feature the scenario uses in the summary, and no other', () => {
    const results = load();
    const all = html.slice(html.indexOf('<table class="summary all">'));
    for (const name of Object.keys(results.metrics)) {
      // The baseline has no victim updates, callbacks, redials, 999 IVR or re-grading while waiting.
      const unused = name.startsWith('victimUpdates.') || name.includes('.callbacks.') || name.endsWith('.redials') || name.endsWith('.callbackFailed') ||
        ['calls.uniqueCallers', 'channels.999.deflected', 'channels.999.ivrHangUp', 'grading.upgraded'].includes(name);
      const used = results.setup === undefined || !unused;
      if (used) expect(all).toContain(`data-metric="${name}"`);
      else expect(all, name).not.toContain(`data-metric="${name}"`);
    }
  });

  it('same results give the same bytes', async () => {
    expect(await renderRunReport(load())).toBe(html);
  });
});

describe('run report with data missing', () => {
  it('omits a chart whose data is absent, with a note, and keeps the others', async () => {
    const results: Results = runFixture();
    for (const name of Object.keys(results.series)) if (name.startsWith('dispatch.')) delete results.series[name];
    for (const name of Object.keys(results.metrics)) if (name.startsWith('incidents.')) delete results.metrics[name];
    const html = await renderRunReport(results);
    const figs = figures(html);
    expect(figs.get('dispatch-waiting-by-hour')).toContain('data-absent="true"');
    expect(figs.get('dispatch-waiting-by-hour')).toContain('Not shown: No dispatch in these results');
    expect(figs.get('attendance')).toContain('data-absent="true"');
    expect(figs.get('answered-999-by-hour')).toMatch(/<svg /);
  });

  it('a results object with no metric and no series gives notes for every chart, and a page', async () => {
    const empty: Results = { callsim: '0.1.0', scenario: { name: 'empty', file: null, sha256: null }, seed: 1, replications: 0, metrics: {}, series: {} };
    expect(runChartPlans(empty).every((p) => p.spec === undefined && p.note !== undefined)).toBe(true);
    const html = await renderRunReport(empty);
    expect(html).toContain('No measure in these results is judged by a national standard');
  });

  it('finds series keyed without the axis suffix too', async () => {
    const results = runFixture();
    const s = results.series['queues.999.answeredWithinTarget.byHourOfDay'];
    results.series = { 'queues.999.answeredWithinTarget': s };
    const plans = runChartPlans(results);
    expect(plans.find((p) => p.id === 'answered-999-by-hour')?.spec).toBeDefined();
  });
});

describe('intervals stay inside what a quantity can take', () => {
  const dataOf = (spec: unknown): { lo?: number | null; hi?: number | null }[] =>
    JSON.stringify(spec).length > 0 ? ((spec as { layer: { data?: { values: { lo?: number | null; hi?: number | null }[] } }[] }).layer.flatMap((l) => l.data?.values ?? [])) : [];

  it('real output with 3 replications: no band below 0 (counts, ratios, minutes) and no ratio band above 100%', () => {
    const plans = runChartPlans(realRunFixture());
    for (const id of ['abandonment-by-month', 'occupancy-by-hour', 'dispatch-waiting-by-hour', 'attendance', 'answered-999-by-hour']) {
      const rows = dataOf(plans.find((p) => p.id === id)?.spec);
      expect(rows.length, id).toBeGreaterThan(0);
      for (const r of rows) if (r.lo !== undefined && r.lo !== null) expect(r.lo, id).toBeGreaterThanOrEqual(0);
      if (id !== 'dispatch-waiting-by-hour' && id !== 'attendance') for (const r of rows) if (r.hi !== undefined && r.hi !== null) expect(r.hi, id).toBeLessThanOrEqual(1);
    }
  });

  it('the real output does have intervals crossing 0 before clamping (so the test above can fail)', () => {
    const s = realRunFixture().series['dispatch.bristol.waiting.byHourOfDay'];
    expect(s.mean.some((m, i) => m !== null && s.ci95[i] !== null && m - (s.ci95[i] as number) < 0)).toBe(true);
  });
});

describe('ids inside the inline SVGs', () => {
  it('scopeIds renames ids and their references in order, leaving other text alone', () => {
    const svg = '<svg><clipPath id="clip7"><rect/></clipPath><g clip-path="url(#clip7)"/><use href="#clip7"/><text>id="x"</text></svg>';
    expect(scopeIds(svg, 'a')).toBe('<svg><clipPath id="a-1"><rect/></clipPath><g clip-path="url(#a-1)"/><use href="#a-1"/><text>id="x"</text></svg>');
  });

  it('every id in a page is unique', async () => {
    const html = await renderRunReport(realRunFixture());
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(10);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
