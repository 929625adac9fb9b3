/**
 * A lock file beside an output (`OUT.lock`, holding the owner's pid and host) so two processes
 * that share the output take turns at read-merge-write instead of overwriting each other. The
 * lock is held for one write (milliseconds); a lock left by a killed process (its pid no longer
 * alive on this host) is taken over, so an interrupted sweep still resumes.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';

/** The output is locked by another live process for longer than we wait. */
export class LockTimeoutError extends Error {
  readonly code = 'ELOCKED';
  constructor(readonly file: string, owner: string) {
    super(`${file} is being written by another process (${owner}, lock file ${file}.lock); wait for it to finish, or remove the lock file if no such process runs`);
    this.name = 'LockTimeoutError';
  }
}

const sleep = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when the lock's owner is a process of this host that no longer runs. */
function stale(lock: string): { stale: boolean; owner: string } {
  let text: string;
  try {
    text = readFileSync(lock, 'utf8');
  } catch {
    return { stale: false, owner: 'unknown' };
  }
  const [pidText, host] = text.trim().split(' ');
  const pid = Number(pidText);
  const owner = `pid ${pidText} on ${host ?? 'an unknown host'}`;
  if (host !== hostname() || !Number.isInteger(pid) || pid <= 0) return { stale: false, owner };
  return { stale: !alive(pid), owner };
}

/** Runs `work` holding `file`'s lock; waits up to `waitMs` for another holder. */
export function withFileLock<T>(file: string, work: () => T, waitMs = 60_000): T {
  const lock = `${file}.lock`;
  const until = Date.now() + waitMs;
  let fd: number | undefined;
  let pause = 5;
  while (fd === undefined) {
    try {
      fd = openSync(lock, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const state = stale(lock);
      if (state.stale) {
        rmSync(lock, { force: true });
        continue;
      }
      if (Date.now() > until) throw new LockTimeoutError(file, state.owner);
      sleep(pause);
      pause = Math.min(200, pause * 2);
    }
  }
  try {
    writeSync(fd, `${process.pid} ${hostname()}\n`);
    closeSync(fd);
    return work();
  } finally {
    rmSync(lock, { force: true });
  }
}
