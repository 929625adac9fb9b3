/**
 * Messages in plain words: no system error codes (ENOENT...), no zod or JavaScript internals, in
 * any message a user can reach through the CLI for missing files, folders given as files, unknown
 * output folders and malformed fields; and no source file of the scenario layer or the CLI builds a
 * message from a raw error code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, STACK_LINE, TINY } from './cli.js';

const INTERNALS = /\bE[A-Z]{3,}\b|expected record|Invalid input|ZodError|\bundefined\b|\[object Object\]|TypeError|errno|syscall/;

const CASES: Record<string, readonly string[]> = {
  'a missing scenario file': ['run', 'no-such-scenario.yaml'],
  'a folder given as a scenario': ['validate', 'scenarios'],
  'a missing targets file': ['check', TINY, '--targets', 'no-such-targets.yaml'],
  'a missing trace': ['run', TINY, '--trace', 'no-such-trace.csv'],
  'an output folder that does not exist': ['run', TINY, '--reps', '1', '--quiet', '--out', join('no-such-folder', 'out.txt')],
  'a list where a map of names belongs': ['validate', TINY, '--set', 'queues=[1]'],
  'a --vary without values': ['sweep', TINY, '--vary', 'seed=', '--out', 'sweep.csv'],
};

describe('messages in plain words', () => {
  for (const [what, args] of Object.entries(CASES)) {
    it(`${what}: exit 2, no internals in the message`, () => {
      const r = cli(args);
      expect(r.code).toBe(2);
      expect(r.stderr.trim()).not.toBe('');
      expect(r.stderr).not.toMatch(INTERNALS);
      expect(r.stderr).not.toMatch(STACK_LINE);
    });
  }

  it('--vary errors call themselves --vary', () => {
    expect(cli(['sweep', TINY, '--vary', 'seed=', '--out', 'sweep.csv']).stderr).toContain("--vary: expected 'path=v1,v2,...'");
  });

  it('no message in src/scenario, src/experiment or src/cli interpolates a raw error code', () => {
    const offenders: string[] = [];
    for (const dir of ['src/scenario', 'src/experiment', 'src/cli', 'src/cli/commands']) {
      for (const f of readdirSync(join(ROOT, dir)).filter((n) => n.endsWith('.ts'))) {
        const text = readFileSync(join(ROOT, dir, f), 'utf8');
        if (/\$\{(?![^}]*fileProblemWords)[^}]*\.code\b[^}]*\}/.test(text) || /\(\$\{\(error as Error\)\.message\}\)/.test(text)) offenders.push(`${dir}/${f}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
