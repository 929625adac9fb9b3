/**
 * Where a command's text goes: stdout, or a file written atomically with --out; and the checks
 * every output path passes before any work starts (its folder exists and is writable, it is not
 * a folder, and it is none of the command's inputs), so a mistake costs nothing and a run never
 * overwrites what it reads.
 */
import { closeSync, openSync, realpathSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { tempPathFor, writeFileAtomic } from '../report/atomic-write.js';
import { cutEcho } from '../scenario/errors.js';

/** An output path that cannot be written (exit 2), named as the user gave it. */
export class OutPathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutPathError';
  }
}

/** The real path of `file`, following links in its folder (and in the file, when it exists). */
function realPath(file: string): string {
  const full = resolve(file);
  try {
    return realpathSync(full);
  } catch {
    try {
      return resolve(realpathSync(dirname(full)), basename(full));
    } catch {
      return full;
    }
  }
}

/**
 * Throws OutPathError unless `out` (given as `--option`) can be written: its folder exists, is a
 * folder and is writable; `out` is not a folder; and it is not one of `inputs` (nor another output).
 */
export function checkOutPath(option: string, out: string, inputs: readonly string[], others: readonly { option: string; out: string }[] = []): void {
  const shown = `${option} ${cutEcho(out)}`;
  const folder = dirname(resolve(out));
  let folderStat;
  try {
    folderStat = statSync(folder);
  } catch {
    throw new OutPathError(`${shown}: the folder ${cutEcho(dirname(out))} does not exist (create it first, or choose another path)`);
  }
  if (!folderStat.isDirectory()) throw new OutPathError(`${shown}: ${cutEcho(dirname(out))} is a file, not a folder`);
  // Create (and remove) a file there, as the results will be: permission bits alone miss a read-only
  // file system, and a root user passes every access check yet cannot write in /sys.
  const probe = tempPathFor(resolve(out));
  try {
    closeSync(openSync(probe, 'wx'));
    rmSync(probe, { force: true });
  } catch (error) {
    const readOnly = (error as NodeJS.ErrnoException).code === 'EROFS';
    throw new OutPathError(`${shown}: ${readOnly ? 'the folder is on a read-only file system' : 'no permission to write in the folder'} ${cutEcho(dirname(out))}`);
  }
  const outStat = statSync(out, { throwIfNoEntry: false });
  if (outStat?.isDirectory() === true) throw new OutPathError(`${shown}: is a folder; give a file name inside it`);
  const target = realPath(out);
  if (inputs.some((input) => realPath(input) === target)) {
    throw new OutPathError(`${shown}: is an input of this command; writing there would destroy it (choose another file)`);
  }
  const clash = others.find((o) => realPath(o.out) === target);
  if (clash !== undefined) throw new OutPathError(`${shown}: is also given as ${clash.option}; give each output its own file`);
}

/** Checks every given output of a command (`[['--out', argv.out], ['--html', argv.html]]`), in order. */
export function checkOutPaths(outputs: readonly (readonly [string, string | undefined])[], inputs: readonly string[]): void {
  const given = outputs.filter((o): o is readonly [string, string] => o[1] !== undefined).map(([option, out]) => ({ option, out }));
  given.forEach((o, i) => checkOutPath(o.option, o.out, inputs, given.slice(0, i)));
}

/** Writes `text` to `out` atomically (and says so on stderr unless quiet), or to stdout. */
export function emit(text: string, out: string | undefined, quiet = false): void {
  if (out === undefined) {
    process.stdout.write(text);
    return;
  }
  writeFileAtomic(out, text);
  if (!quiet) process.stderr.write(`wrote ${out}\n`);
}
