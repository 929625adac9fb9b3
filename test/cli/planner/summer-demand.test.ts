/**
 * "What if 999 demand rises 10% this summer?" The README's command, run as typed: June to August
 * change, and (common random numbers) January to May are exactly the same calls, so their paired
 * difference is 0: the other months are not rescaled.
 */
import { describe, expect, it } from 'vitest';
import { cli } from '../cli.js';
import { blockRows, readmeCommand } from './readme-command.js';

describe('planner question: 999 demand +10% in the summer', () => {
  it('the README command shows the summer months lower and the months before unchanged', () => {
    const r = cli(readmeCommand('channels.999.demand='));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('change B: 999 demand: +10% from 2022-06-01 to 2022-08-31 (other dates unchanged)');
    const rows = blockRows(r.stdout, 'queues.999.answeredWithinTarget');
    for (const month of ['2022-01', '2022-02', '2022-03', '2022-04', '2022-05']) expect(rows.get(month)?.[2]).toBe('0% ± 0');
    for (const month of ['2022-06', '2022-07', '2022-08']) expect(rows.get(month)?.[2]).toMatch(/^-\d+\.\d+% ± \d+\.\d+/);
  });
});
