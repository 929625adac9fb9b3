import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, STACK_LINE, tempDir, TINY } from './cli.js';

const dir = tempDir();
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const badYaml = file('bad-syntax.yaml', 'name: broken\nstart: 2022-01-01T00:00:00Z\nhorizon: { days: 1\nseed: 1\n');
const badTrace = file('bad-time.csv', 'arrival,channel\n10,999\nyesterday,999\n');

/** Each case: arguments, and what the message must name. */
const CASES: { name: string; args: string[]; message: RegExp }[] = [
  { name: 'a missing scenario file', args: ['run', 'no/such/file.yaml'], message: /no\/such\/file\.yaml/ },
  { name: 'bad YAML syntax (with the line)', args: ['run', badYaml], message: /bad-syntax\.yaml:\d+:/ },
  { name: 'an unknown option', args: ['run', TINY, '--replications', '3'], message: /Unknown argument: replications/ },
  { name: 'an unknown command', args: ['simulate', TINY], message: /Unknown arguments?: simulate/ },
  { name: 'a bad --set value', args: ['run', TINY, '--set', 'handlers.pools[0].staff=-2'], message: /handlers\.pools\[0\]\.staff/ },
  { name: 'a --set without =', args: ['validate', TINY, '--set', 'seed'], message: /seed/ },
  { name: 'a trace with a bad timestamp (line named)', args: ['run', TINY, '--trace', badTrace], message: /bad-time\.csv:3/ },
  { name: 'a missing trace', args: ['run', TINY, '--trace', join(dir, 'none.csv')], message: /none\.csv/ },
  { name: 'a malformed --precision', args: ['run', TINY, '--precision', 'queues.999.serviceLevel'], message: /--precision: expected metric=halfwidth/ },
  { name: 'a --precision on an unknown metric', args: ['run', TINY, '--reps', '2', '--precision', 'queues.998.serviceLevel=0.1'], message: /no metric named queues\.998\.serviceLevel/ },
  { name: '--threads 0', args: ['run', TINY, '--threads', '0'], message: /--threads: expected a whole number >= 1/ },
  { name: '--reps 1.5', args: ['run', TINY, '--reps', '1.5'], message: /--reps: expected a whole number >= 1/ },
  { name: 'an unknown format', args: ['run', TINY, '--format', 'xml'], message: /format/ },
  { name: 'a malformed --vary', args: ['sweep', TINY, '--vary', 'seed', '--out', join(dir, 's.csv')], message: /--vary: expected 'path=v1,v2,...'/ },
  { name: 'a bad value in a --vary grid is named as --vary', args: ['sweep', TINY, '--vary', 'handlers.pools[0].staff=3,a', '--out', join(dir, 's.csv')], message: /^callsim: --vary handlers\.pools\[0\]\.staff=a: handlers\.pools\[0\]\.staff: expected a number/ },
  { name: 'an unknown field made by --set is blamed on the --set, not the file', args: ['run', TINY, '--set', 'nosuch.field=1'], message: /^callsim: --set nosuch\.field=1: nosuch: expected one of the fields/ },
  { name: '--reps 1e400 shows what was typed, not null', args: ['run', TINY, '--reps', '1e400'], message: /--reps: expected a whole number >= 1, found Infinity/ },
  { name: 'a malformed --variant', args: ['compare', TINY, '--variant', 'staff'], message: /--variant: expected path=value/ },
];

describe('bad input at the command line: exit 2, a message naming the problem, no stack trace', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const r = cli(c.args);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(c.message);
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(r.stdout).toBe('');
    });
  }

  it('--debug adds the stack trace', () => {
    const r = cli(['run', TINY, '--threads', '0', '--debug']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(STACK_LINE);
  });
});
