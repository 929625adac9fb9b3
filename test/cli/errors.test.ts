import { afterEach, describe, expect, it, vi } from 'vitest';
import { EXIT_BAD_INPUT, EXIT_FAILURE, reportError, UsageError } from '../../src/cli/errors.js';
import { WriteError } from '../../src/report/atomic-write.js';
import { ScenarioError } from '../../src/scenario/errors.js';

describe('exit codes', () => {
  const written: string[] = [];
  afterEach(() => {
    vi.restoreAllMocks();
    written.length = 0;
  });
  const capture = (): void => {
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
  };

  it('bad input is 2 with the message only', () => {
    capture();
    expect(reportError(new ScenarioError([{ file: 'a.yaml', line: 3, path: 'seed', expected: 'a number', found: '"x"' }]), false)).toBe(EXIT_BAD_INPUT);
    expect(reportError(Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' }), false)).toBe(EXIT_BAD_INPUT);
    expect(reportError(new UsageError('--reps: bad'), false)).toBe(EXIT_BAD_INPUT);
    expect(written.join('')).toContain('a.yaml:3: seed: expected a number, found "x"');
    expect(written.join('')).not.toMatch(/^\s+at /m);
  });

  it('a results file that cannot be written is named as the user gave it, in the words of its problem', () => {
    capture();
    expect(reportError(new WriteError('/x/out.csv', 'EACCES'), false)).toBe(EXIT_BAD_INPUT);
    expect(written.join('')).toBe('callsim: cannot write /x/out.csv: permission denied\n');
  });

  it('an unexpected failure is 1: a message, and the stack only with --debug', () => {
    capture();
    expect(reportError(new TypeError('boom'), false)).toBe(EXIT_FAILURE);
    expect(written.join('')).toMatch(/unexpected failure: boom/);
    expect(written.join('')).not.toMatch(/^\s+at /m);
    written.length = 0;
    expect(reportError(new TypeError('boom'), true)).toBe(EXIT_FAILURE);
    expect(written.join('')).toMatch(/^\s+at /m);
  });
});
