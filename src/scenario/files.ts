/**
 * How the scenario layer reaches files (a scenario's `extends` chain, its trace). The layer itself
 * uses no Node API so it runs unchanged in the browser: the command line passes the disk
 * (experiment/node-files.ts), the what-if page an in-memory set of files. Signatures follow
 * POSIX path semantics.
 */
export interface ScenarioFiles {
  /**
   * The file's bytes; throws an error carrying a `code` (ENOENT, EACCES...) when it cannot be read,
   * and `code` EFBIG when it holds more than `maxBytes` (a device or pipe is read only that far).
   */
  read(file: string, maxBytes?: number): Uint8Array;
  /** The file's size in bytes (checked before reading); throws as `read` does. */
  size(file: string): number;
  /** The absolute path of the last argument, taken against the ones before it, then the working directory. */
  resolve(...paths: string[]): string;
  dirname(path: string): string;
  isAbsolute(path: string): boolean;
  /** The path from directory `from` to `to`. */
  relative(from: string, to: string): string;
  cwd(): string;
}

/** The most any file is read as text: longer strings than about 512 MB cannot be made. */
export const MAX_TEXT_BYTES = 512 * 1024 * 1024;

/** The code of a failed read ('unreadable' when the error carries none). */
export const readErrorCode = (error: unknown): string => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'unreadable';
};

/** Text of a file's bytes as UTF-8; a byte-order mark is kept, as Node's Buffer decoding keeps it. */
export const utf8Text = (bytes: Uint8Array): string => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
