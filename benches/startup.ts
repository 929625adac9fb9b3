import { loadavg } from 'node:os';
import { type Bench, loadText } from './format.js';
import { show, startUpRows } from './table.js';

/**
 * The start-up rows of issue 12's table alone, with more runs than the table's 3 (start-up is short
 * and the machine is shared: the best of more runs comes closer to the quiet figure). Prints only;
 * `table` writes benches/results.json.
 */
const REPEATS = 10;

export const startupBench: Bench = {
  name: 'startup',
  description: `callsim --help (and the parser's own --help) against bare node -e 0, interleaved, and validate: best of ${REPEATS}`,
  run(): void {
    const before = loadavg();
    const rows = startUpRows(REPEATS);
    const after = loadavg();
    for (const row of rows) console.log(show(row));
    console.log(`load average before ${loadText(before)}, after ${loadText(after)} (figures are trustworthy only on a quiet machine)`);
  },
};
