import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, MAIN, ROOT, STACK_LINE, tempDir } from '../cli/cli.js';

describe('callsim web', () => {
  it('writes index.html, app.js and worker.js with the scenarios, bases and traces built in, and reports the sizes', () => {
    const out = tempDir();
    const r = cli(['web', 'scenarios/what-if/late-shift-plus-two.yaml', 'scenarios/examples/replay.yaml', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^wrote .*index\.html \(\d+ KiB, 2 scenarios\), app\.js \(\d+ KiB\), worker\.js \(\d+ KiB\): \d+ KiB in all\n$/);
    for (const f of ['index.html', 'app.js', 'worker.js']) expect(existsSync(join(out, f))).toBe(true);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    const data = JSON.parse(/<script id="callsim-site-data" type="application\/json">(.*?)<\/script>/s.exec(html)?.[1] ?? '{}') as { scenarios: string[]; files: Record<string, string> };
    expect(data.scenarios).toEqual(['scenarios/what-if/late-shift-plus-two.yaml', 'scenarios/examples/replay.yaml']);
    expect(Object.keys(data.files)).toContain('scenarios/avon-somerset-2022.yaml');
    expect(Object.keys(data.files).some((f) => f.endsWith('.csv'))).toBe(true);
    // Nothing in the page points off the machine: no URL of any host in the HTML or the scripts.
    for (const f of ['index.html', 'worker.js']) expect(readFileSync(join(out, f), 'utf8')).not.toMatch(/(src|href)=["']https?:/);
  });

  it('refuses a missing --out and a broken scenario with a clear message and exit 2, no stack trace', () => {
    const noOut = cli(['web']);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toMatch(/--out DIR/);
    const dir = tempDir();
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, readFileSync(join(ROOT, 'test/cli/fixtures/tiny.yaml'), 'utf8').replace(/seed: \d+/, 'seed: lots'));
    const r = cli(['web', bad, '--out', join(dir, 'site')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml:\d+: seed: expected/);
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it('--serve serves the three files on 127.0.0.1 and nothing else', async () => {
    const out = tempDir();
    const child = spawn(process.execPath, [MAIN, 'web', 'test/cli/fixtures/tiny.yaml', '--out', out, '--serve', '--port', '0'], { cwd: ROOT });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let text = '';
        child.stdout.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          const m = /serving .* at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(text);
          if (m) resolve(m[1]);
        });
        child.on('exit', (code) => reject(new Error(`callsim web exited ${code}: ${text}`)));
      });
      const index = await fetch(url);
      expect(index.status).toBe(200);
      expect(await index.text()).toContain('callsim-site-data');
      expect((await fetch(`${url}worker.js`)).status).toBe(200);
      expect((await fetch(`${url}../package.json`)).status).toBe(404);
    } finally {
      child.kill('SIGINT');
    }
  });
});
