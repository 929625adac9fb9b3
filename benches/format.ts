/** A benchmark: `run` prints its own figures. Registered in `benches/run.ts`. */
export interface Bench {
  /** Short name used on the command line: `node dist/benches/run.js <name>`. */
  name: string;
  /** One line saying what is measured. */
  description: string;
  run(): void;
}

/** Integer with thousands separators, for figures like 6,123,456. */
export function thousands(x: number): string {
  return Math.round(x).toLocaleString('en-GB');
}

/**
 * Time `work` `repeats` times and keep the fastest wall time (best of N: the least disturbed by
 * other processes on the shared machine). `work` returns a value that is folded into a sink so
 * the JIT cannot remove it.
 */
export function bestOf(repeats: number, work: () => number): { bestSeconds: number; allSeconds: number[]; sink: number } {
  const allSeconds: number[] = [];
  let sink = 0;
  for (let i = 0; i < repeats; i++) {
    const before = performance.now();
    sink += work();
    allSeconds.push((performance.now() - before) / 1000);
  }
  return { bestSeconds: Math.min(...allSeconds), allSeconds, sink };
}

/** Print one rate line: `label: 6,123,456 units/s (N units in 0.812 s, best of 3: 0.812 0.830 0.845 s)`. */
export function printRate(label: string, count: number, unit: string, timing: { bestSeconds: number; allSeconds: number[] }): void {
  const runs = timing.allSeconds.map((s) => s.toFixed(3)).join(' ');
  console.log(
    `${label}: ${thousands(count / timing.bestSeconds)} ${unit}/s ` +
      `(${thousands(count)} ${unit} in ${timing.bestSeconds.toFixed(3)} s; best of ${timing.allSeconds.length}: ${runs} s)`,
  );
}
