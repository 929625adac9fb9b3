import { cpus, loadavg } from 'node:os';
import type { Bench } from './format.js';

/**
 * Every benchmark, in the order `npm run bench` runs them. To add one: export a `Bench`
 * ({ name, description, run }) from a module in benches/ and add a line here. Modules are loaded
 * only when their bench runs, so a broken upper layer never stops the engine benches.
 */
export const BENCHES: ReadonlyArray<{ name: string; load: () => Promise<Bench> }> = [
  { name: 'hold', load: async () => (await import('./hold.js')).holdBench },
  { name: 'distributions', load: async () => (await import('./distributions.js')).distributionsBench },
  { name: 'arrivals', load: async () => (await import('./arrivals.js')).arrivalsBench },
  { name: 'cc2', load: async () => (await import('./cc2.js')).cc2Bench },
  { name: 'table', load: async () => (await import('./table.js')).tableBench },
  { name: 'startup', load: async () => (await import('./startup.js')).startupBench },
  { name: 'floors', load: async () => (await import('./floors.js')).floorsBench },
  { name: 'callpath', load: async () => (await import('./call-path.js')).callPathBench },
  { name: 'stages', load: async () => (await import('./stages.js')).stagesBench },
  { name: 'staffing', load: async () => (await import('./staffing.js')).staffingBench },
];

/** `node dist/benches/run.js` runs all; `node dist/benches/run.js hold cc2` runs the named ones. */
async function main(names: readonly string[]): Promise<void> {
  const unknown = names.filter((n) => !BENCHES.some((b) => b.name === n));
  if (unknown.length > 0) {
    console.error(`unknown bench ${unknown.join(', ')}; known: ${BENCHES.map((b) => b.name).join(', ')}`);
    process.exitCode = 2;
    return;
  }
  const chosen = names.length === 0 ? BENCHES : BENCHES.filter((b) => names.includes(b.name));
  // Other processes share the cores: the load average says how far wall-time rates can be trusted.
  const load = loadavg().map((x) => x.toFixed(2)).join(' ');
  console.log(`node ${process.version}, ${process.platform} ${process.arch}, ${cpus().length} cores, load average ${load}`);
  for (const entry of chosen) {
    const bench = await entry.load();
    console.log(`\n== ${bench.name}: ${bench.description}`);
    await bench.run();
  }
}

await main(process.argv.slice(2));
