/**
 * Results files are written whole or not at all: the text goes to a temporary file in the same
 * folder, is flushed to disk, and is renamed over the target (a rename within a folder is atomic),
 * so an interrupted run never leaves a half-written file.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

let counter = 0;

/** A temporary path beside `file` (same folder, so the final rename is atomic). */
export function tempPathFor(file: string): string {
  counter += 1;
  return join(dirname(file), `.${basename(file)}.${process.pid}.${counter}.tmp`);
}

/** Replaces `file` with `text` atomically (temp file, fsync, rename). */
export function writeFileAtomic(file: string, text: string): void {
  const temp = tempPathFor(file);
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temp, file);
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
    this.fd = openSync(this.temp, 'w');
  }

  /** Appends text (flushed to the temporary file in chunks of about 64 kB). */
  write(text: string): void {
    this.buffer.push(text);
    this.size += text.length;
    if (this.size >= 65_536) this.flush();
  }

  /** Flushes, syncs and renames the file into place. */
  commit(): void {
    if (!this.open) return;
    this.flush();
    fsyncSync(this.fd);
    closeSync(this.fd);
    this.open = false;
    renameSync(this.temp, this.file);
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
