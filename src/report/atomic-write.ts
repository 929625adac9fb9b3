/**
 * Results files are written whole or not at all: the text goes to a temporary file in the same
 * folder, is flushed to disk, and is renamed over the target (a rename within a folder is atomic),
 * so an interrupted run never leaves a half-written file.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

let counter = 0;

/** A results file that could not be written; the message names the user's path, never the temporary one. */
export class WriteError extends Error {
  constructor(
    readonly file: string,
    readonly code: string | undefined,
  ) {
    super(`cannot write ${file}: ${plainWords(code)}`);
    this.name = 'WriteError';
  }
}

function plainWords(code: string | undefined): string {
  switch (code) {
    case 'ENOENT':
      return 'its folder does not exist';
    case 'EISDIR':
      return 'it is a folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOSPC':
      return 'the disk is full';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'EROFS':
      return 'the file system is read-only';
    default:
      return code ?? 'unknown error';
  }
}

const writeError = (file: string, error: unknown): WriteError => new WriteError(file, (error as NodeJS.ErrnoException).code);

/** A temporary path beside `file` (same folder, so the final rename is atomic). */
export function tempPathFor(file: string): string {
  counter += 1;
  return join(dirname(file), `.${basename(file)}.${process.pid}.${counter}.tmp`);
}

/** Replaces `file` with `text` atomically (temp file, fsync, rename); on any failure the temporary file is removed. */
export function writeFileAtomic(file: string, text: string): void {
  const temp = tempPathFor(file);
  let fd: number;
  try {
    fd = openSync(temp, 'w');
  } catch (error) {
    throw writeError(file, error);
  }
  try {
    writeSync(fd, text);
    fsyncSync(fd);
    closeSync(fd);
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      // Already closed.
    }
    rmSync(temp, { force: true });
    throw writeError(file, error);
  }
  try {
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw writeError(file, error);
  }
}

/**
 * A file written in pieces (a per-call trace) that appears under its name only when complete:
 * lines are buffered into a temporary file, and `commit` renames it; `abort` removes it.
 */
export class AtomicStream {
  private readonly temp: string;
  private readonly fd: number;
  private buffer: string[] = [];
  private size = 0;
  private open = true;

  constructor(readonly file: string) {
    this.temp = tempPathFor(file);
    try {
      this.fd = openSync(this.temp, 'w');
    } catch (error) {
      throw writeError(file, error);
    }
  }

  /** Appends text (flushed to the temporary file in chunks of about 64 kB). */
  write(text: string): void {
    this.buffer.push(text);
    this.size += text.length;
    if (this.size < 65_536) return;
    try {
      this.flush();
    } catch (error) {
      // A full disk mid-trace: drop the partial file and name the user's path, not the temporary one.
      this.abort();
      throw writeError(this.file, error);
    }
  }

  /** Flushes, syncs and renames the file into place. */
  commit(): void {
    if (!this.open) return;
    try {
      this.flush();
      fsyncSync(this.fd);
    } catch (error) {
      this.abort();
      throw writeError(this.file, error);
    }
    closeSync(this.fd);
    this.open = false;
    try {
      renameSync(this.temp, this.file);
    } catch (error) {
      rmSync(this.temp, { force: true });
      throw writeError(this.file, error);
    }
  }

  /** Drops the temporary file (the target is left as it was). */
  abort(): void {
    if (!this.open) return;
    closeSync(this.fd);
    this.open = false;
    rmSync(this.temp, { force: true });
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    writeSync(this.fd, this.buffer.join(''));
    this.buffer = [];
    this.size = 0;
  }
}
