import { cc2Bench } from './cc2.js';
import { distributionsBench } from './distributions.js';
import type { Bench } from './format.js';
import { holdBench } from './hold.js';

/**
 * Every benchmark, in the order `npm run bench` runs them. To add one: export a `Bench`
 * ({ name, description, run }) from a module in benches/ and list it here.
 */
export const BENCHES: readonly Bench[] = [holdBench, distributionsBench, cc2Bench];

/** `node dist/benches/run.js` runs all; `node dist/benches/run.js hold cc2` runs the named ones. */
function main(names: readonly string[]): void {
  const unknown = names.filter((n) => !BENCHES.some((b) => b.name === n));
  if (unknown.length > 0) {
    console.error(`unknown bench ${unknown.join(', ')}; known: ${BENCHES.map((b) => b.name).join(', ')}`);
    process.exitCode = 2;
    return;
  }
  const chosen = names.length === 0 ? BENCHES : BENCHES.filter((b) => names.includes(b.name));
  console.log(`node ${process.version}, ${process.platform} ${process.arch}`);
  for (const bench of chosen) {
    console.log(`\n== ${bench.name}: ${bench.description}`);
    bench.run();
  }
}

main(process.argv.slice(2));
