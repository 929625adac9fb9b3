/**
 * The what-if page against the command line on this machine: one replication of the Avon and
 * Somerset baseline inside a Web Worker of headless Debian chromium, and the same replication in
 * Node (runReplication, as a worker thread of `callsim run` runs it); the time from opening the
 * page to a usable form; the bundle sizes. Needs /usr/bin/chromium.
 * Run: npm run build && node dist/benches/web-page.js [repeats]
 */
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadScenario } from '../src/experiment/load-scenario.js';
import { runReplication } from '../src/experiment/run-replication.js';
import { buildSite, defaultScenarios } from '../src/web/build-site.js';
import { ChromiumPipe, findChromium } from '../test/report/html/cdp-pipe.js';

const BASELINE = 'scenarios/avon-somerset-2022.yaml';
const repeats = Number(process.argv[2] ?? 3);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const chromium = findChromium();
  if (chromium === undefined) throw new Error('chromium not found (/usr/bin/chromium)');
  console.log(`node ${process.version}, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  const { root } = defaultScenarios();
  const out = mkdtempSync(join(tmpdir(), 'callsim-web-bench-'));
  const site = await buildSite(out, [BASELINE], root);
  console.log(`bundle: app.js ${(site.bytes.app / 1024).toFixed(0)} KiB, worker.js ${(site.bytes.worker / 1024).toFixed(0)} KiB, index.html ${(site.bytes.index / 1024).toFixed(0)} KiB`);

  const browser = ChromiumPipe.launch(chromium);
  try {
    const { targetId } = (await browser.send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
    const { sessionId } = (await browser.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
    await browser.send('Emulation.setDeviceMetricsOverride', { width: 1280, height: 800, deviceScaleFactor: 1, mobile: false }, sessionId);
    const evaluate = async <T>(expression: string): Promise<T> => ((await browser.send('Runtime.evaluate', { expression, returnByValue: true }, sessionId)) as { result: { value: T } }).result.value;
    const until = async (expression: string): Promise<void> => {
      while (!(await evaluate<boolean>(`Boolean(${expression})`))) await new Promise((r) => setTimeout(r, 50));
    };
    const usable: number[] = [];
    for (let i = 0; i < repeats; i++) {
      await browser.send('Page.navigate', { url: pathToFileURL(site.files.index).href }, sessionId);
      await until("document.body && document.body.dataset.ready === 'true'");
      usable.push(Number(await evaluate<string>('document.body.dataset.readyMs')));
    }
    console.log(`page usable after (ms from navigation): ${usable.join(', ')}; median ${median(usable)}`);
    await evaluate(`localStorage.clear(); (() => { const r = document.getElementById('replications'); r.value = '1'; r.dispatchEvent(new Event('change')); })()`);
    const inPage: number[] = [];
    for (let i = 0; i < repeats; i++) {
      await evaluate(`document.getElementById('run').click()`);
      await until("document.getElementById('results').dataset.ready === 'true'");
      inPage.push(Number(await evaluate<string>(`document.getElementById('results').dataset.replicationMs`)));
    }
    console.log(`one baseline replication in a page worker (ms): ${inPage.join(', ')}; median ${median(inPage)}`);
    const scenario = loadScenario(BASELINE).resolved;
    const inNode: number[] = [];
    for (let i = 0; i < repeats; i++) {
      const began = performance.now();
      runReplication(scenario, 0);
      inNode.push(Math.round(performance.now() - began));
    }
    console.log(`one baseline replication in Node (ms): ${inNode.join(', ')}; median ${median(inNode)}`);
    console.log(`page / Node (medians): ${(median(inPage) / median(inNode)).toFixed(2)}; load average now ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  } finally {
    await browser.close();
  }
}

await main();
