/**
 * The generated reports in a real browser: headless Debian chromium over the DevTools protocol
 * (pipe transport). Asserts every chart rendered with marks, the page made no request beyond its
 * own file, and logged no console error or exception; saves full-page screenshots under
 * `artifacts/` (gitignored). Skipped, with a message, when chromium is not installed.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderComparisonReport } from '../../../src/report/html/comparison-report.js';
import { renderRunReport } from '../../../src/report/html/run-report.js';
import { ChromiumPipe, consoleErrors, findChromium, type CdpEvent } from './cdp-pipe.js';
import { renderResultsHtml } from '../../../src/report/html/write-report.js';
import { readResultsFile } from '../../../src/report/html/read-results.js';
import { comparisonFixture, realComparisonFixture, realRunFixture, runFixture } from './fixtures.js';

const CHROMIUM = findChromium();
const ARTIFACTS = resolve(__dirname, '..', '..', '..', 'artifacts');
const DOCS = resolve(__dirname, '..', '..', '..', 'docs');
if (CHROMIUM === undefined) {
  console.warn('browser test skipped: chromium not found (/usr/bin/chromium); install Debian\'s chromium to run it (.ci/run does when it can).');
}

interface ChartState {
  id: string;
  absent: boolean;
  hasSvg: boolean;
  /** Drawn data-mark items (paths, rects, lines, texts inside Vega's role-mark groups). */
  marks: number;
  width: number;
  height: number;
  /** The figure's box in page coordinates (for a per-chart screenshot). */
  box: { x: number; y: number; width: number; height: number };
}

interface PageVisit {
  title: string;
  charts: ChartState[];
  requests: string[];
  errors: string[];
  png: Buffer;
  /** The top of the page down to the end of the second chart (the README's picture). */
  topPng: Buffer;
  /** One screenshot per chart figure, by chart id. */
  chartPngs: Map<string, Buffer>;
  /** The briefing section: its text as a reader sees it, and its screenshot (empty without one). */
  briefingText: string;
  briefingPng: Buffer;
}

const PROBE = `JSON.stringify({
  title: document.title,
  charts: [...document.querySelectorAll('figure.chart')].map((f) => {
    const svg = f.querySelector('svg');
    const box = svg ? svg.getBoundingClientRect() : { width: 0, height: 0 };
    return {
      id: f.dataset.chart, absent: f.dataset.absent === 'true', hasSvg: svg !== null,
      marks: svg ? svg.querySelectorAll('g.role-mark > path, g.role-mark > rect, g.role-mark > line, g.role-mark > text').length : 0,
      width: box.width, height: box.height,
      box: (({ x, y, width, height }) => ({ x, y: y + window.scrollY, width, height }))(f.getBoundingClientRect()),
    };
  }),
})`;

/** Opens `file` in a new tab, waits for load, probes the charts and takes a full-page screenshot. */
async function visit(browser: ChromiumPipe, file: string): Promise<PageVisit> {
  const { targetId } = (await browser.send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
  const { sessionId } = (await browser.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
  for (const domain of ['Network', 'Runtime', 'Log', 'Page']) await browser.send(`${domain}.enable`, {}, sessionId);
  await browser.send('Emulation.setDeviceMetricsOverride', { width: 1100, height: 900, deviceScaleFactor: 1, mobile: false }, sessionId);
  // Without a scrollbar the page width does not change when the full page is captured, so the
  // chart boxes measured by the probe stay where the screenshot finds them.
  await browser.send('Emulation.setScrollbarsHidden', { hidden: true }, sessionId);
  const url = pathToFileURL(file).href;
  const mine = (e: CdpEvent): boolean => e.sessionId === sessionId;
  await browser.send('Page.navigate', { url }, sessionId);
  await browser.waitFor((e) => mine(e) && e.method === 'Page.loadEventFired', 30_000);
  const { result } = (await browser.send('Runtime.evaluate', { expression: PROBE, returnByValue: true }, sessionId)) as { result: { value: string } };
  const probe = JSON.parse(result.value) as { title: string; charts: ChartState[] };
  const metrics = (await browser.send('Page.getLayoutMetrics', {}, sessionId)) as { cssContentSize: { width: number; height: number } };
  const { width, height } = metrics.cssContentSize;
  const shot = (await browser.send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true, clip: { x: 0, y: 0, width, height, scale: 1 } }, sessionId)) as { data: string };
  const second = probe.charts[Math.min(1, probe.charts.length - 1)]?.box;
  const topClip = { x: 0, y: 0, width, height: second ? Math.min(height, second.y + second.height + 16) : Math.min(height, 1600), scale: 1 };
  const top = (await browser.send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true, clip: topClip }, sessionId)) as { data: string };
  const chartPngs = new Map<string, Buffer>();
  for (const chart of probe.charts) {
    const clip = { ...chart.box, scale: 1 };
    const one = (await browser.send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true, clip }, sessionId)) as { data: string };
    chartPngs.set(chart.id, Buffer.from(one.data, 'base64'));
  }
  const probeBriefing = `JSON.stringify((() => { const b = document.querySelector('section.briefing'); if (!b) return null;
    const r = b.getBoundingClientRect(); return { text: b.innerText, box: { x: 0, y: r.y + window.scrollY - 8, width: document.documentElement.scrollWidth, height: r.height + 16 } }; })())`;
  const briefing = JSON.parse(((await browser.send('Runtime.evaluate', { expression: probeBriefing, returnByValue: true }, sessionId)) as { result: { value: string } }).result.value) as { text: string; box: ChartState['box'] } | null;
  let briefingPng = Buffer.alloc(0);
  if (briefing !== null) {
    const shotB = (await browser.send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true, clip: { ...briefing.box, scale: 1 } }, sessionId)) as { data: string };
    briefingPng = Buffer.from(shotB.data, 'base64');
  }
  const events = browser.events.filter(mine);
  await browser.send('Target.closeTarget', { targetId });
  return {
    ...probe,
    requests: events.filter((e) => e.method === 'Network.requestWillBeSent').map((e) => (e.params.request as { url: string }).url),
    errors: consoleErrors(events),
    png: Buffer.from(shot.data, 'base64'),
    topPng: Buffer.from(top.data, 'base64'),
    chartPngs,
    briefingText: briefing?.text ?? '',
    briefingPng,
  };
}

describe.skipIf(CHROMIUM === undefined)('HTML reports in headless chromium', () => {
  let browser: ChromiumPipe;
  const dir = mkdtempSync(join(tmpdir(), 'callsim-html-'));

  beforeAll(() => {
    browser = ChromiumPipe.launch(CHROMIUM as string);
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  const check = (page: PageVisit, file: string, expectedCharts: number): void => {
    // The briefing's monthly charts (month-...) are drawn where the results have the months, or
    // say why not (a comparison's measure the change does not reach); the others are always drawn.
    const monthly = page.charts.filter((c) => c.id.startsWith('month-'));
    const others = page.charts.filter((c) => !c.id.startsWith('month-'));
    expect(others).toHaveLength(expectedCharts);
    expect(monthly.filter((c) => !c.absent).length).toBeGreaterThan(0);
    for (const chart of monthly.filter((c) => !c.absent)) expect(chart.marks, chart.id).toBeGreaterThan(0);
    for (const chart of others) {
      expect(chart.absent, chart.id).toBe(false);
      expect(chart.hasSvg, chart.id).toBe(true);
      expect(chart.marks, chart.id).toBeGreaterThan(0);
      expect(chart.width, chart.id).toBeGreaterThan(100);
      expect(chart.height, chart.id).toBeGreaterThan(50);
    }
    // The only request is the document itself.
    expect(page.requests).toEqual([pathToFileURL(file).href]);
    expect(page.errors).toEqual([]);
    expect(page.png.subarray(1, 4).toString()).toBe('PNG');
  };

  it.each([
    ['fixture', runFixture],
    ['real', realRunFixture],
  ])('run report (%s): every chart rendered with marks, no request but its own file, no console error', async (name, load) => {
    const file = join(dir, `run-${name}.html`);
    writeFileSync(file, await renderRunReport(load()));
    const page = await visit(browser, file);
    writeFileSync(join(ARTIFACTS, `report-run-${name}.png`), page.png);
    for (const [id, png] of page.chartPngs) writeFileSync(join(ARTIFACTS, `chart-${name}-${id}.png`), png);
    expect(page.title).toMatch(/^callsim report: /);
    check(page, file, 7);
  });

  it.each([
    ['fixture', comparisonFixture],
    ['real', realComparisonFixture],
  ])('comparison report (%s): every chart rendered with marks, no request but its own file, no console error', async (name, load) => {
    const file = join(dir, `comparison-${name}.html`);
    writeFileSync(file, await renderComparisonReport(load()));
    const page = await visit(browser, file);
    writeFileSync(join(ARTIFACTS, `report-comparison-${name}.png`), page.png);
    for (const [id, png] of page.chartPngs) writeFileSync(join(ARTIFACTS, `chart-${name}-${id}.png`), png);
    check(page, file, 3);
  });

  // The README's pictures: UPDATE_SCREENSHOTS=1 writes them to docs/ (from the committed real
  // output, see fixtures/README.md); otherwise the briefing is checked and its picture goes to artifacts/.
  const update = process.env.UPDATE_SCREENSHOTS === '1';
  it('briefing of the baseline: what was run, the standards in sentences, monthly charts; no unused feature', async () => {
    const file = join(dir, 'briefing-baseline.html');
    writeFileSync(file, await renderRunReport(realRunFixture()));
    const page = await visit(browser, file);
    writeFileSync(update ? join(DOCS, 'briefing-baseline.png') : join(ARTIFACTS, 'briefing-baseline.png'), page.briefingPng);
    for (const [id, png] of page.chartPngs) writeFileSync(join(ARTIFACTS, `chart-briefing-baseline-${id}.png`), png);
    expect(page.errors).toEqual([]);
    expect(page.requests).toEqual([pathToFileURL(file).href]);
    const text = page.briefingText;
    expect(text).toMatch(/What was run/);
    expect(text).toMatch(/1 Jan 2022 to 31 Aug 2022/);
    expect(text).toMatch(/Europe\/London/);
    expect(text).toMatch(/late\s+15:00–23:00\s+every day\s+5/);
    expect(text).toMatch(/999: \d+\.\d% answered within 10 seconds .*; the standard is 90%\./);
    expect(text).toMatch(/101 secondary queue: \d+\.\d% of calls abandoned .*; the standard is under 5%\./);
    expect(text).not.toMatch(/victim update/i);
    expect(page.charts.filter((c) => c.id.startsWith('month-')).every((c) => !c.absent && c.marks > 0)).toBe(true);
    expect(page.briefingPng.subarray(1, 4).toString()).toBe('PNG');
  });

  it('briefing of a comparison: both scenarios per monthly chart, the paired difference per month, the changed shift marked', async () => {
    const file = join(dir, 'briefing-comparison.html');
    writeFileSync(file, await renderComparisonReport(realComparisonFixture()));
    const page = await visit(browser, file);
    writeFileSync(update ? join(DOCS, 'briefing-comparison.png') : join(ARTIFACTS, 'briefing-comparison.png'), page.briefingPng);
    for (const [id, png] of page.chartPngs) writeFileSync(join(ARTIFACTS, `chart-briefing-comparison-${id}.png`), png);
    expect(page.errors).toEqual([]);
    const text = page.briefingText;
    expect(text).toMatch(/7 \(was 5\)/);
    expect(text).toMatch(/101 secondary queue, of calls abandoned: .*; the standard is under 5%\. Difference \(two more handlers on the late shift − baseline\): −\d+\.\d pp, 95% interval .*, a real difference/);
    // 999 calls go to the emergency pool, which the change leaves alone: identical in every replication.
    expect(text).toMatch(/999, answered within 10 seconds: .* no difference in any replication/);
    const drawn = page.charts.filter((c) => !c.absent && c.marks > 0).map((c) => c.id);
    expect(drawn).toEqual(expect.arrayContaining(['month-999-answered', 'month-abandoned-secondary', 'month-abandoned-secondary-difference', 'month-attendance-immediate-difference']));
    expect(page.charts.find((c) => c.id === 'month-999-answered-difference')?.absent).toBe(true);
  });

  // Any report or results file, e.g. real output: CALLSIM_REPORT=report.html (as `callsim report`
  // wrote it) or CALLSIM_REPORT=results.json (rendered here); CALLSIM_README_SCREENSHOT=PNG saves
  // the top of the page (the README's picture).
  const given = process.env.CALLSIM_REPORT;
  it.runIf(given !== undefined && given !== '')('a given report (CALLSIM_REPORT) renders cleanly', async () => {
    let file = resolve(given as string);
    if (!file.endsWith('.html')) {
      file = join(dir, 'given.html');
      writeFileSync(file, await renderResultsHtml(readResultsFile(given as string)));
    }
    const page = await visit(browser, file);
    writeFileSync(join(ARTIFACTS, 'report-given.png'), page.png);
    const readme = process.env.CALLSIM_README_SCREENSHOT;
    if (readme) writeFileSync(readme, page.topPng);
    check(page, file, page.charts.length);
    expect(page.charts.length).toBeGreaterThan(0);
  });

  it('the probe can fail: a page with a request to elsewhere and an empty chart is caught', async () => {
    const file = join(dir, 'bad.html');
    writeFileSync(file, '<!DOCTYPE html><title>bad</title><figure class="chart" data-chart="x"><svg width="10" height="10"></svg></figure><img src="http://127.0.0.1:9/x.png"><script>console.error("boom")</script>');
    const page = await visit(browser, file);
    expect(page.charts[0].marks).toBe(0);
    expect(page.requests.some((u) => u.startsWith('http://127.0.0.1:9/'))).toBe(true);
    expect(page.errors.some((e) => e.includes('boom'))).toBe(true);
  });
});
