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
  const events = browser.events.filter(mine);
  await browser.send('Target.closeTarget', { targetId });
  return {
    ...probe,
    requests: events.filter((e) => e.method === 'Network.requestWillBeSent').map((e) => (e.params.request as { url: string }).url),
    errors: consoleErrors(events),
    png: Buffer.from(shot.data, 'base64'),
    topPng: Buffer.from(top.data, 'base64'),
    chartPngs,
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
    expect(page.charts).toHaveLength(expectedCharts);
    for (const chart of page.charts) {
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
