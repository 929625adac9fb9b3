import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileTooLargeError, readFileBounded } from '../../src/experiment/bounded-read.js';

const dir = mkdtempSync(join(tmpdir(), 'callsim-bounded-'));

describe('readFileBounded', () => {
  it('reads a file of exactly the limit whole, byte for byte, across chunk boundaries', () => {
    const file = join(dir, 'exact.bin');
    const bytes = Buffer.from(Array.from({ length: 200_000 }, (_, i) => i % 251));
    writeFileSync(file, bytes);
    expect(readFileBounded(file, bytes.length).equals(bytes)).toBe(true);
  });

  it('refuses a regular file one byte over the limit from its size, before reading', () => {
    const file = join(dir, 'over.bin');
    writeFileSync(file, Buffer.alloc(1001));
    const error = (() => { try { readFileBounded(file, 1000); } catch (e) { return e; } return undefined; })();
    expect(error).toBeInstanceOf(FileTooLargeError);
    expect(error).toMatchObject({ code: 'EFBIG', atLeastBytes: 1001, exact: true, limitBytes: 1000 });
  });

  it.skipIf(!existsSync('/dev/zero'))('stops an endless device just past the limit', () => {
    expect(() => readFileBounded('/dev/zero', 100_000)).toThrow(FileTooLargeError);
    try {
      readFileBounded('/dev/zero', 100_000);
    } catch (e) {
      expect((e as FileTooLargeError).exact).toBe(false);
      expect((e as FileTooLargeError).atLeastBytes).toBeGreaterThan(100_000);
      expect((e as FileTooLargeError).atLeastBytes).toBeLessThanOrEqual(100_000 + 65_536);
    }
  });

  it('a missing file throws as fs does, with its code', () => {
    expect(() => readFileBounded(join(dir, 'none'), 10)).toThrow(expect.objectContaining({ code: 'ENOENT' }));
  });
});
