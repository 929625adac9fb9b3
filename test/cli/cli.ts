/** Runs the BUILT command line as a user would (`npm run build` comes before the tests). */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');
export const MAIN = join(ROOT, 'dist', 'src', 'cli', 'main.js');
export const TINY = join('test', 'cli', 'fixtures', 'tiny.yaml');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `node dist/src/cli/main.js ...args` in the repository root. */
export function cli(args: readonly string[]): CliRun {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build first`);
  const r = spawnSync(process.execPath, [MAIN, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary folder. */
export const tempDir = (): string => mkdtempSync(join(tmpdir(), 'callsim-cli-'));

/** A stack trace line as Node prints them. */
export const STACK_LINE = /^\s+at .+[(:]\d+/m;
