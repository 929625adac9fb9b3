/**
 * The what-if page in a real browser: `callsim web` builds the site, headless Debian chromium opens
 * it from disk over the DevTools pipe, a planner changes the 101 pool's late-shift headcount (and, to
 * keep the test short, the horizon to 21 days in the YAML editor), runs 5 replications; the page's
 * results JSON must be byte-identical to `callsim run --format json` on the same edited file, and
 * its standards table the one the report renders from that JSON. No request may leave the page's
 * own files and no console error may appear; the edit must survive a reload. A second test types a
 * broken headcount and reads `callsim validate`'s message at the field. Screenshots go to
 * `artifacts/web/`. Skipped, with a message, when chromium is not installed.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Results } from '../../src/metrics/results.js';
import { withResultTargets } from '../../src/metrics/standards.js';
import { standardsTable, summaryRows } from '../../src/report/html/summary-table.js';
import { MAIN, ROOT, tempDir } from '../cli/cli.js';
import { ChromiumPipe, consoleErrors, findChromium, type CdpEvent } from '../report/html/cdp-pipe.js';

const CHROMIUM = findChromium();
const ARTIFACTS = resolve(ROOT, 'artifacts', 'web');
const BASELINE = 'scenarios/avon-somerset-2022.yaml';
const LATE_SHIFT = 'handlers.pools[1].roster.shifts[1].staff';
if (CHROMIUM === undefined) {
  console.warn('web page browser test skipped: chromium not found (/usr/bin/chromium); install Debian\'s chromium to run it (.ci/run does when it can).');
}

const node = (args: string[], cwd: string) => spawnSync(process.execPath, [MAIN, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

class Page {
  private constructor(readonly browser: ChromiumPipe, readonly sessionId: string, readonly targetId: string) {}

  static async open(browser: ChromiumPipe): Promise<Page> {
    const { targetId } = (await browser.send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
    const { sessionId } = (await browser.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
    for (const domain of ['Network', 'Runtime', 'Log', 'Page']) await browser.send(`${domain}.enable`, {}, sessionId);
    await browser.send('Emulation.setDeviceMetricsOverride', { width: 1280, height: 800, deviceScaleFactor: 1, mobile: false }, sessionId);
    return new Page(browser, sessionId, targetId);
  }

  async eval<T>(expression: string): Promise<T> {
    const reply = (await this.browser.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true }, this.sessionId)) as { result: { value: T }; exceptionDetails?: unknown };
    if (reply.exceptionDetails !== undefined) throw new Error(`page script failed: ${JSON.stringify(reply.exceptionDetails)}`);
    return reply.result.value;
  }

  /** Polls `expression` until it is truthy. */
  async until(expression: string, ms: number): Promise<void> {
    const end = Date.now() + ms;
    while (!(await this.eval<boolean>(`Boolean(${expression})`))) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${expression}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async navigate(url: string): Promise<void> {
    await this.browser.send('Page.navigate', { url }, this.sessionId);
    await this.until("document.body && document.body.dataset.ready === 'true'", 30_000);
  }

  /** Types into the lever's control as a user would (focus, value, change). */
  setLever(id: string, value: string): Promise<void> {
    return this.eval(`(() => { const i = document.querySelector('[data-lever="${id}"]'); i.focus(); i.value = ${JSON.stringify(value)}; i.dispatchEvent(new Event('change', { bubbles: true })); })()`);
  }

  /** The whole page (up to 2400 px tall), or only what a 1280x800 screen shows from the top. */
  async screenshot(file: string, screenOnly = false): Promise<void> {
    await this.eval('window.scrollTo(0, 0)');
    const metrics = (await this.browser.send('Page.getLayoutMetrics', {}, this.sessionId)) as { cssContentSize: { width: number; height: number } };
    const { width, height } = screenOnly ? { width: 1280, height: 800 } : metrics.cssContentSize;
    const shot = (await this.browser.send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: !screenOnly, clip: { x: 0, y: 0, width, height: Math.min(height, 2400), scale: 1 } }, this.sessionId)) as { data: string };
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, file), Buffer.from(shot.data, 'base64'));
  }

  events(): CdpEvent[] {
    return this.browser.events.filter((e) => e.sessionId === this.sessionId);
  }

  close(): Promise<unknown> {
    return this.browser.send('Target.closeTarget', { targetId: this.targetId });
  }
}

/** Requests that left the page's own files (file:) and in-memory objects (blob:, data:). */
const outside = (events: CdpEvent[]): string[] =>
  events.filter((e) => e.method === 'Network.requestWillBeSent').map((e) => (e.params.request as { url: string }).url).filter((url) => !/^(file|blob|data):/.test(url));

describe.skipIf(CHROMIUM === undefined)('the what-if page in headless chromium', () => {
  let browser: ChromiumPipe;
  let site: string;

  beforeAll(() => {
    site = tempDir();
    const built = node(['web', BASELINE, '--out', site], ROOT);
    expect(built.stderr).toBe('');
    expect(built.status).toBe(0);
    browser = ChromiumPipe.launch(CHROMIUM as string);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('runs an edited roster to the same JSON as callsim run, with no request and no console error, and keeps the edit over a reload', async () => {
    const page = await Page.open(browser);
    const url = pathToFileURL(join(site, 'index.html')).href;
    await page.navigate(url);
    await page.screenshot('opened.png');
    expect(await page.eval<string>(`document.querySelector('[data-lever="${LATE_SHIFT}"]').value`)).toBe('3');
    // Every control has a label a screen reader announces, and the page fits a 1280 px screen without sideways scrolling.
    expect(await page.eval<string[]>(`[...document.querySelectorAll('input, select, textarea')].filter((c) => c.labels.length === 0 && !c.getAttribute('aria-label')).map((c) => c.id)`)).toEqual([]);
    expect(await page.eval<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1280);

    await page.setLever(LATE_SHIFT, '7');
    // A 21-day horizon keeps the test short; the July surges then lie outside it and are removed (buttons of the form).
    await page.eval(`document.querySelector('[data-lever="remove:channels.999.surges[1]"]').click()`);
    await page.eval(`document.querySelector('[data-lever="remove:channels.101.surges[0]"]').click()`);
    await page.eval(`(() => {
      const editor = document.getElementById('yaml');
      editor.value = editor.value.replace('horizon: { days: 243 }', 'horizon: { days: 21 }');
      editor.dispatchEvent(new Event('input', { bubbles: true }));
    })()`);
    // The editor applies typing after a 0.4 s pause; then the file is valid again and Run is enabled.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await page.eval<string | null>(`document.getElementById('problems')?.textContent ?? null`)).toBeNull();
    expect(await page.eval<boolean>(`document.getElementById('run').disabled`)).toBe(false);
    await page.eval(`(() => { const r = document.getElementById('replications'); r.value = '5'; r.dispatchEvent(new Event('change', { bubbles: true })); })()`);
    await page.eval(`document.getElementById('run').click()`);
    await page.until("document.getElementById('results').dataset.ready === 'true'", 110_000);
    await page.screenshot('results.png');
    await page.screenshot('results-1280x800.png', true);
    expect(await page.eval<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1280);

    const edited = await page.eval<string>(`document.getElementById('yaml').value`);
    expect(edited).toMatch(/- \{ name: late, start: "15:00", hours: 8, staff: 7 \}/);
    const pageJson = await page.eval<string>(`document.getElementById('results').dataset.resultsJson`);
    const pageTable = await page.eval<string>(`document.querySelector('#standards table').outerHTML`);
    const comparisonRows = await page.eval<number>(`document.querySelectorAll('#comparison tbody tr').length`);

    // The same edited file, under the same name, through the command line.
    const dir = tempDir();
    mkdirSync(join(dir, 'scenarios'), { recursive: true });
    writeFileSync(join(dir, BASELINE), edited);
    const cli = node(['run', BASELINE, '--reps', '5', '--format', 'json', '--quiet'], dir);
    expect(cli.stderr).toBe('');
    writeFileSync(join(ARTIFACTS, 'page-results.json'), pageJson);
    writeFileSync(join(ARTIFACTS, 'cli-results.json'), cli.stdout);
    expect(pageJson).toBe(cli.stdout);
    const results = JSON.parse(cli.stdout) as Results;
    expect(results.replications).toBe(5);
    expect(pageTable).toBe(standardsTable(summaryRows(results, withResultTargets(results.metrics, {}))));
    expect(comparisonRows).toBeGreaterThan(5);
    expect(await page.eval<number>(`document.querySelectorAll('#charts figure svg').length`)).toBeGreaterThanOrEqual(5);

    await page.navigate(url);
    expect(await page.eval<string>(`document.getElementById('yaml').value`)).toBe(edited);
    expect(await page.eval<string>(`document.querySelector('[data-lever="${LATE_SHIFT}"]').value`)).toBe('7');

    expect(outside(page.events())).toEqual([]);
    expect(consoleErrors(page.events())).toEqual([]);
    await page.eval(`document.getElementById('reset').click()`);
    await page.close();
  });

  it('shows callsim validate\'s message at the field for a broken headcount', async () => {
    const page = await Page.open(browser);
    await page.navigate(pathToFileURL(join(site, 'index.html')).href);
    await page.eval('localStorage.clear()');
    await page.navigate(pathToFileURL(join(site, 'index.html')).href);
    await page.setLever(LATE_SHIFT, '-2');
    await page.until(`document.querySelector('[data-lever="${LATE_SHIFT}"]').getAttribute('aria-invalid') === 'true'`, 5000);
    const shown = await page.eval<string>(`(() => { const i = document.querySelector('[data-lever="${LATE_SHIFT}"]'); return document.getElementById(i.getAttribute('aria-describedby').split(' ')[1]).textContent; })()`);
    expect(await page.eval<boolean>(`document.getElementById('run').disabled`)).toBe(true);
    await page.screenshot('field-error.png');

    const dir = tempDir();
    mkdirSync(join(dir, 'scenarios'), { recursive: true });
    writeFileSync(join(dir, BASELINE), await page.eval<string>(`document.getElementById('yaml').value`));
    const validate = node(['validate', BASELINE], dir);
    expect(validate.status).toBe(2);
    expect(shown).toContain(`${LATE_SHIFT}: expected`);
    // validate lists every problem of the file; the field shows the one at its path, word for word.
    expect(validate.stderr).toBe(`callsim: ${shown}\n`);
    expect(consoleErrors(page.events())).toEqual([]);
    await page.eval(`document.getElementById('reset').click()`);
    await page.close();
  });
});
