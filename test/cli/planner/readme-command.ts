/** The planner's commands as the README writes them: found by a phrase, split as a shell would. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../cli.js';

/** Splits a command line on spaces outside single or double quotes (quotes removed). */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let current = '';
  let quote: string | null = null;
  let inWord = false;
  for (const ch of line) {
    if (quote !== null) {
      if (ch === quote) quote = null;
      else current += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      inWord = true;
    } else if (ch === ' ') {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
    } else {
      current += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(current);
  return words;
}

/** The README's `npx callsim ...` line that contains `phrase`, as arguments after `npx callsim`. */
export function readmeCommand(phrase: string): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const lines = readme.split('\n').filter((l) => l.startsWith('npx callsim ') && l.includes(phrase));
  if (lines.length !== 1) throw new Error(`expected one README command containing ${phrase}, found ${lines.length}`);
  const words = shellWords(lines[0]);
  return words.slice(2);
}

/** The rows of the block whose title names `metric`, as lists of cells (split on two or more spaces). */
export function blockRows(output: string, metric: string): Map<string, string[]> {
  const blocks = output.split('\n\n');
  const block = blocks.find((b) => b.split('\n')[0].includes(`(${metric})`));
  if (block === undefined) throw new Error(`no block for ${metric} in:\n${output}`);
  const rows = new Map<string, string[]>();
  for (const line of block.split('\n').slice(2)) {
    const cells = line.trim().split(/\s{2,}/);
    rows.set(cells[0], cells.slice(1));
  }
  return rows;
}
