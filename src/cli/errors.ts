/**
 * Exit codes: 0 done; 2 bad input (a scenario, trace or argument problem: a clear message, no
 * stack trace); 1 an unexpected failure (a message; the stack only with --debug).
 */
import { SpecError } from '../engine/spec-error.js';
import { OverrideSyntaxError } from '../experiment/overrides.js';
import { UnknownMetricError } from '../experiment/run-replications.js';
import { SweepFileError } from '../report/sweep-csv.js';
import { fileProblemWords, ScenarioError } from '../scenario/errors.js';

/** A command-line argument that cannot be used. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;

const FILE_CODES = new Set(['ENOENT', 'EISDIR', 'EACCES', 'ENOTDIR']);

/** True for errors caused by what the user gave (exit 2). */
export function isBadInput(error: unknown): boolean {
  if (error instanceof ScenarioError || error instanceof UsageError || error instanceof OverrideSyntaxError) return true;
  if (error instanceof UnknownMetricError || error instanceof SweepFileError || error instanceof SpecError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && FILE_CODES.has(code);
}

/** A file-system error in plain words (`/x/out.csv: no such folder`); other messages as they are. */
function plainMessage(e: Error): string {
  const { code, path, syscall } = e as NodeJS.ErrnoException;
  if (typeof code !== 'string' || !FILE_CODES.has(code)) return e.message;
  const doing = syscall === 'open' || syscall === 'rename' ? 'cannot open' : 'cannot use';
  // Output is written to a hidden temporary file beside the target (.NAME.PID.N.tmp); name the target.
  const where = typeof path === 'string' ? path.replace(/([/\\])\.([^/\\]+)\.\d+\.\d+\.tmp$/, '$1$2') : 'a file';
  const words = code === 'ENOENT' ? 'its folder does not exist' : fileProblemWords(code);
  return `${doing} ${where}: ${words}`;
}

/** Prints the error to stderr and returns the exit code it deserves. */
export function reportError(error: unknown, debug: boolean): number {
  const e = error instanceof Error ? error : new Error(String(error));
  if (isBadInput(e)) {
    process.stderr.write(`callsim: ${plainMessage(e)}\n`);
    if (e instanceof UsageError) process.stderr.write('(callsim --help for usage)\n');
    if (debug && e.stack !== undefined) process.stderr.write(`${e.stack}\n`);
    return EXIT_BAD_INPUT;
  }
  process.stderr.write(`callsim: unexpected failure: ${e.message}\n`);
  process.stderr.write(debug && e.stack !== undefined ? `${e.stack}\n` : '(run again with --debug for the stack trace)\n');
  return EXIT_FAILURE;
}
