/**
 * A progress bar on stderr (cli-progress) while replications run: only when stderr is a terminal
 * and --quiet is not given, so pipes, files and tests see nothing.
 */
import { createRequire } from 'node:module';

// cli-progress (CommonJS) loads with the first bar: pipes, files, tests and --quiet never pay for it.
const load = (): typeof import('cli-progress') => createRequire(import.meta.url)('cli-progress') as typeof import('cli-progress');

export interface Progress {
  /** One more replication finished (or `count` more). */
  tick(count?: number): void;
  /** The planned total changed (a precision batch, the next sweep point). */
  setTotal(total: number): void;
  stop(): void;
}

const SILENT: Progress = { tick: () => undefined, setTotal: () => undefined, stop: () => undefined };

/** A bar for `total` replications, or a silent stand-in. */
export function makeProgress(total: number, options: { quiet?: boolean; label?: string }): Progress {
  if (options.quiet === true || process.stderr.isTTY !== true) return SILENT;
  const cliProgress = load();
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: `${options.label ?? 'replications'} [{bar}] {value}/{total} done, {duration_formatted} so far, about {eta_formatted} left`, etaBuffer: 20, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  let done = 0;
  return {
    tick: (count = 1) => bar.update((done += count)),
    setTotal: (t) => bar.setTotal(t),
    stop: () => bar.stop(),
  };
}
