/**
 * "Strict priority or ageing of secondary calls after 15 minutes?" The README's command, run as
 * typed, with the policy given on the command line (no file written).
 */
import { describe, expect, it } from 'vitest';
import { cli } from '../cli.js';
import { blockRows, readmeCommand } from './readme-command.js';

describe('planner question: strict priority against ageing', () => {
  it('the README command names the policy change and prints both queues by month with paired differences', () => {
    const r = cli(readmeCommand('queueSelection=ageing('));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('change B: non-emergency pool, queueSelection: strictPriority(primary, secondary) -> ageing(order=[primary,secondary], from=secondary, to=primary, afterSeconds=900)');
    const primary = blockRows(r.stdout, 'queues.primary.abandonedRatio');
    const secondary = blockRows(r.stdout, 'queues.secondary.abandonedRatio');
    expect([...primary.keys()]).toEqual(['2022-01', '2022-02', '2022-03', '2022-04', '2022-05', '2022-06', '2022-07', '2022-08']);
    // Ageing lets long-waiting secondary callers ahead of primary ones: primary abandonment rises in July.
    expect(primary.get('2022-07')?.[2]).toMatch(/^\+\d+\.\d+% ± \d+\.\d+/);
    expect(secondary.get('2022-07')?.[2]).toMatch(/^-?\d+(\.\d+)?% ± \d+(\.\d+)?/);
  });
});
