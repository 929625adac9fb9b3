/**
 * Exit codes: 0 done; 2 bad input (a scenario, trace or argument problem: a clear message, no
 * stack trace); 1 an unexpected failure (a message; the stack only with --debug).
 */
import { SpecError } from '../engine/spec-error.js';
import { OverrideSyntaxError } from '../experiment/overrides.js';
import { UnknownMetricError } from '../experiment/run-replications.js';
import { ShardInputError } from '../experiment/shard/shard-spec.js';
import { PolicyError } from '../policies/policy-error.js';
import { FileTooLargeError } from '../experiment/bounded-read.js';
import { WriteError } from '../report/atomic-write.js';
import { SweepFileError } from '../report/sweep-csv.js';
import { cutEcho, fileProblemWords, ScenarioError } from '../scenario/errors.js';
import { OutPathError } from './output.js';

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

// ELOCKED: another process holds the output's lock (report/file-lock.ts).
const FILE_CODES = new Set(['ENOENT', 'EISDIR', 'EACCES', 'ENOTDIR', 'ELOCKED', 'EFBIG']);

/** True for errors caused by what the user gave (exit 2). */
export function isBadInput(error: unknown): boolean {
  if (error instanceof ScenarioError || error instanceof UsageError || error instanceof OverrideSyntaxError || error instanceof OutPathError) return true;
  if (error instanceof UnknownMetricError || error instanceof SweepFileError || error instanceof SpecError || error instanceof PolicyError || error instanceof ShardInputError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && FILE_CODES.has(code);
}

/** A file-system error in plain words (`/x/out.csv: no such folder`); other messages as they are. */
function plainMessage(e: Error): string {
  // A results file that could not be written already names the user's path in plain words.
  if (e instanceof WriteError) return e.message;
  if (e instanceof FileTooLargeError) return `cannot read ${e.file}: more than ${Math.round(e.limitBytes / 1024 / 1024)} MB (a device or a pipe without end?)`;
  const { code, path, syscall } = e as NodeJS.ErrnoException;
  if (typeof code !== 'string' || !FILE_CODES.has(code)) return e.message;
  const doing = syscall === 'open' || syscall === 'rename' ? 'cannot open' : 'cannot use';
  // Output is written to a hidden temporary file beside the target (.NAME.PID.N.tmp); name the target.
  const where = typeof path === 'string' ? path.replace(/([/\\])\.([^/\\]+)\.\d+\.\d+\.tmp$/, '$1$2') : 'a file';
  const words = code === 'ENOENT' ? 'its folder does not exist' : fileProblemWords(code);
  return `${doing} ${where}: ${words}`;
}

/** True when a worker thread (or this one) ran out of memory. */
export function isOutOfMemory(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ERR_WORKER_OUT_OF_MEMORY' || (error instanceof Error && /out of memory|heap limit/i.test(error.message));
}

/** Each line of a message, cut so that no echo of user text floods the terminal (values are cut nearer 200 where they are made). */
const bounded = (message: string): string => message.split('\n').map((line) => cutEcho(line, 1000)).join('\n');

/** Prints the error to stderr and returns the exit code it deserves. */
export function reportError(error: unknown, debug: boolean): number {
  const e = error instanceof Error ? error : new Error(String(error));
  if (isOutOfMemory(e) && !debug) {
    process.stderr.write('callsim: out of memory while simulating (callsim validate FILE prints the estimate; try fewer --threads, fewer replications or a shorter horizon)\n');
    return EXIT_FAILURE;
  }
  if (isBadInput(e)) {
    process.stderr.write(`callsim: ${bounded(plainMessage(e))}\n`);
    if (e instanceof UsageError) process.stderr.write('(callsim --help for usage)\n');
    if (debug && e.stack !== undefined) process.stderr.write(`${e.stack}\n`);
    return EXIT_BAD_INPUT;
  }
  process.stderr.write(`callsim: unexpected failure: ${bounded(e.message)}\n`);
  process.stderr.write(debug && e.stack !== undefined ? `${e.stack}\n` : '(run again with --debug for the stack trace)\n');
  return EXIT_FAILURE;
}
