/**
 * Reading a whole file with a ceiling. A regular file's size is known before reading; a device or a
 * pipe (`/dev/zero`, `/dev/stdin`) has none and could be endless, so it is read in chunks until the
 * ceiling is passed. Either way a hostile path fails fast instead of filling memory.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

const CHUNK_BYTES = 1 << 16;

/** More bytes than the reader allows. `code` EFBIG lets layers without this class recognise it. */
export class FileTooLargeError extends Error {
  readonly code = 'EFBIG';
  constructor(
    readonly file: string,
    readonly limitBytes: number,
    /** The file's size, or for a device or pipe a lower bound (the bytes read before stopping). */
    readonly atLeastBytes: number,
    readonly exact: boolean,
  ) {
    super(`${file}: larger than ${limitBytes} bytes`);
    this.name = 'FileTooLargeError';
  }
}

/** The file's bytes, or FileTooLargeError past `maxBytes`; other failures throw as `fs` does (with their `code`). */
export function readFileBounded(file: string, maxBytes: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const stat = fstatSync(fd);
    if (stat.isFile() && stat.size > maxBytes) throw new FileTooLargeError(file, maxBytes, stat.size, true);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
      const n = readSync(fd, chunk, 0, CHUNK_BYTES, null);
      if (n === 0) break;
      total += n;
      if (total > maxBytes) throw new FileTooLargeError(file, maxBytes, total, false);
      chunks.push(n === CHUNK_BYTES ? chunk : chunk.subarray(0, n));
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/** A readable file's text as UTF-8, within `maxBytes`. */
export const readTextBounded = (file: string, maxBytes: number): string => readFileBounded(file, maxBytes).toString('utf8');
