/**
 * "What if we add two handlers to the 101 late shift: what happens to secondary abandonment in
 * July?" The README's command, run as typed; the answer is read from the printed table by month.
 */
import { describe, expect, it } from 'vitest';
import { cli } from '../cli.js';
import { blockRows, readmeCommand } from './readme-command.js';

describe('planner question: two more handlers on the 101 late shift', () => {
  it('the README command prints the change and July secondary abandonment with its paired difference', () => {
    const args = readmeCommand('shifts.late.staff+=2');
    const r = cli(args);
    expect(r.stderr).not.toMatch(/Error|at .+:\d+/);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('change B: non-emergency late shift (15:00): 3 -> 5 handlers');
    const july = blockRows(r.stdout, 'queues.secondary.abandonedRatio').get('2022-07');
    expect(july).toBeDefined();
    // A, B, B − A: two more handlers in the afternoon and evening lower July's abandonment, significantly.
    const [a, b, diff] = july!;
    expect(a).toMatch(/^\d+\.\d% ± \d+\.\d+$/);
    expect(b).toMatch(/^\d+\.\d% ± \d+\.\d+$/);
    expect(diff).toMatch(/^-\d+\.\d+% ± \d+\.\d+ \*$/);
  });
});
