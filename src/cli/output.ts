/** Where a command's text goes: stdout, or a file written atomically with --out. */
import { writeFileAtomic } from '../report/atomic-write.js';

/** Writes `text` to `out` atomically (and says so on stderr unless quiet), or to stdout. */
export function emit(text: string, out: string | undefined, quiet = false): void {
  if (out === undefined) {
    process.stdout.write(text);
    return;
  }
  writeFileAtomic(out, text);
  if (!quiet) process.stderr.write(`wrote ${out}\n`);
}
