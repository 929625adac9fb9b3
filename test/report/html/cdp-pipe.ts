/**
 * A minimal Chrome DevTools Protocol client over `--remote-debugging-pipe` (Node 20 has no global
 * WebSocket without a flag, and the pipe needs no port): the browser reads commands on fd 3 and
 * writes replies and events on fd 4, each message JSON ended by a NUL byte.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

export interface CdpEvent {
  method: string;
  params: Record<string, unknown>;
  sessionId?: string;
}

type Pending = { resolve: (v: Record<string, unknown>) => void; reject: (e: Error) => void };

/** Where Debian installs chromium, or the first of the usual names on PATH; undefined if none. */
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((p): p is string => p !== undefined && p !== '' && existsSync(p));
}

export class ChromiumPipe {
  readonly events: CdpEvent[] = [];
  private readonly pending = new Map<number, Pending>();
  private readonly waiters: { test: (e: CdpEvent) => boolean; resolve: (e: CdpEvent) => void }[] = [];
  private nextId = 1;
  private buffer = Buffer.alloc(0);
  private stderr = '';
  private constructor(
    private readonly child: ChildProcess,
    private readonly input: Writable,
    private readonly profile: string,
  ) {}

  /** Starts headless chromium with a fresh profile and no background networking. */
  static launch(executable: string, extraArgs: string[] = []): ChromiumPipe {
    const profile = mkdtempSync(join(tmpdir(), 'callsim-chromium-'));
    const args = [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-extensions',
      '--disable-dev-shm-usage',
      `--user-data-dir=${profile}`,
      '--remote-debugging-pipe',
      ...extraArgs,
      'about:blank',
    ];
    const child = spawn(executable, args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
    const client = new ChromiumPipe(child, child.stdio[3] as Writable, profile);
    (child.stdio[4] as Readable).on('data', (chunk: Buffer) => client.receive(chunk));
    child.stderr?.on('data', (chunk: Buffer) => {
      client.stderr = (client.stderr + chunk.toString()).slice(-4000);
    });
    child.on('exit', () => {
      for (const p of client.pending.values()) p.reject(new Error(`chromium exited: ${client.stderr}`));
      client.pending.clear();
    });
    return client;
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    let end: number;
    while ((end = this.buffer.indexOf(0)) >= 0) {
      const message = JSON.parse(this.buffer.subarray(0, end).toString('utf8')) as {
        id?: number;
        result?: Record<string, unknown>;
        error?: { message: string };
        method?: string;
        params?: Record<string, unknown>;
        sessionId?: string;
      };
      this.buffer = this.buffer.subarray(end + 1);
      if (message.id !== undefined) {
        const p = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error) p?.reject(new Error(message.error.message));
        else p?.resolve(message.result ?? {});
      } else if (message.method !== undefined) {
        const event: CdpEvent = { method: message.method, params: message.params ?? {}, sessionId: message.sessionId };
        this.events.push(event);
        for (const w of [...this.waiters]) {
          if (w.test(event)) {
            this.waiters.splice(this.waiters.indexOf(w), 1);
            w.resolve(event);
          }
        }
      }
    }
  }

  /** Sends a command (to a page session when `sessionId` is given) and awaits its result. */
  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.input.write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }) + '\0');
    });
  }

  /** Resolves with the first event (past or future) matching `test`, or rejects after `ms`. */
  waitFor(test: (e: CdpEvent) => boolean, ms: number): Promise<CdpEvent> {
    const seen = this.events.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching CDP event within ${ms} ms`)), ms);
      this.waiters.push({ test, resolve: (e) => (clearTimeout(timer), resolve(e)) });
    });
  }

  /** Closes the browser (politely, then by its own pid) and removes the profile. */
  async close(): Promise<void> {
    const running = (): boolean => this.child.exitCode === null && this.child.signalCode === null;
    const exited = running() ? new Promise((r) => this.child.once('exit', r)) : Promise.resolve();
    const wait = (ms: number): Promise<unknown> => new Promise((r) => setTimeout(r, ms));
    await Promise.race([this.send('Browser.close').catch(() => ({})), wait(3000)]);
    await Promise.race([exited, wait(5000)]);
    if (running()) {
      this.child.kill('SIGKILL');
      await exited;
    }
    // Helper processes may still be flushing the profile for a moment after the browser exits.
    rmSync(this.profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  }

}

/** Exceptions, console errors and log errors a page reported, one line each. */
export function consoleErrors(events: CdpEvent[]): string[] {
  const errors: string[] = [];
  for (const e of events) {
    if (e.method === 'Runtime.exceptionThrown') errors.push(`exception: ${JSON.stringify(e.params.exceptionDetails)}`);
    if (e.method === 'Runtime.consoleAPICalled' && (e.params.type === 'error' || e.params.type === 'assert')) errors.push(`console.${String(e.params.type)}: ${JSON.stringify(e.params.args)}`);
    const entry = e.params.entry as { level?: string; text?: string; source?: string } | undefined;
    if (e.method === 'Log.entryAdded' && entry?.level === 'error') errors.push(`log (${entry.source}): ${entry.text}`);
  }
  return errors;
}
