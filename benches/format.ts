import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (benches run from dist/benches/), and the Avon and Somerset baseline from it. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const AVON = join('scenarios', 'avon-somerset-2022.yaml');
/** Where the table, floors and staffing benches keep their figures for later comparison. */
export const RESULTS_FILE = join(ROOT, 'benches', 'results.json');

/** A benchmark: `run` prints its own figures. Registered in `benches/run.ts`. */
export interface Bench {
  /** Short name used on the command line: `node dist/benches/run.js <name>`. */
  name: string;
  /** One line saying what is measured. */
  description: string;
  run(): void | Promise<void>;
}

/** A load average as printed beside the figures: `1.27 1.56 1.66`. */
export const loadText = (load: readonly number[]): string => load.map((x) => x.toFixed(2)).join(' ');

/** Integer with thousands separators, for figures like 6,123,456. */
export function thousands(x: number): string {
  return Math.round(x).toLocaleString('en-GB');
}

/** Wall and CPU seconds of each run, and the best (smallest) of each. */
export interface Timing {
  bestSeconds: number;
  allSeconds: number[];
  /** CPU seconds (user + system) of this process per run: less disturbed by other processes. */
  bestCpuSeconds: number;
  allCpuSeconds: number[];
  sink: number;
}

function cpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

/**
 * Time `work` `repeats` times and keep the fastest wall time (best of N: the least disturbed by
 * other processes on the shared machine) and the smallest CPU time (on a loaded machine the wall
 * time also counts the time the process waited for a core). `work` returns a value that is
 * folded into a sink so the JIT cannot remove it.
 */
export function bestOf(repeats: number, work: () => number): Timing {
  const allSeconds: number[] = [];
  const allCpuSeconds: number[] = [];
  let sink = 0;
  for (let i = 0; i < repeats; i++) {
    const before = performance.now();
    const cpuBefore = cpuSeconds();
    sink += work();
    allCpuSeconds.push(cpuSeconds() - cpuBefore);
    allSeconds.push((performance.now() - before) / 1000);
  }
  return { bestSeconds: Math.min(...allSeconds), allSeconds, bestCpuSeconds: Math.min(...allCpuSeconds), allCpuSeconds, sink };
}

/**
 * Print one rate line: `label: 6,123,456 units/s (N units in 0.812 s; best of 3: 0.812 0.830 0.845 s;
 * per CPU second 6,300,000)`.
 */
export function printRate(label: string, count: number, unit: string, timing: Timing): void {
  const runs = timing.allSeconds.map((s) => s.toFixed(3)).join(' ');
  console.log(
    `${label}: ${thousands(count / timing.bestSeconds)} ${unit}/s ` +
      `(${thousands(count)} ${unit} in ${timing.bestSeconds.toFixed(3)} s; best of ${timing.allSeconds.length}: ${runs} s; ` +
      `per CPU second ${thousands(count / timing.bestCpuSeconds)})`,
  );
}

/**
 * Runs the bench module at `moduleUrl` again in a fresh Node process with `env` added, its output
 * shown here; throws when it fails. A fresh process measures the model with call sites no earlier
 * bench has made polymorphic (cc2 with dispatch and Avon slowed cc2's model by 15% when run before).
 */
export function runFresh(moduleUrl: string, env: Record<string, string>, what: string): void {
  const child = spawnSync(process.execPath, [fileURLToPath(moduleUrl)], { stdio: 'inherit', env: { ...process.env, ...env } });
  if (child.status !== 0) throw new Error(`${what}'s process ended with ${child.status ?? child.signal}`);
}

/** True when the module at `moduleUrl` is the process's entry (the fresh process `runFresh` started). */
export const isEntry = (moduleUrl: string): boolean => process.argv[1] === fileURLToPath(moduleUrl);
