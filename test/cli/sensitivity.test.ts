import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, STACK_LINE, tempDir, TINY } from './cli.js';

const TAG = "assumptions=[{name: handlers, kind: fitted, paths: ['handlers.pools[0].staff'], whole: true}]";

function targetsFile(dir: string): string {
  const file = join(dir, 't.yaml');
  writeFileSync(file, 'targets:\n  - { label: abandoned, metric: queues.999.abandonedRatio }\n');
  return file;
}

describe('callsim sensitivity', () => {
  it('prints a tornado per metric target; JSON gives the paired changes (11 handlers -> 9 and 13)', () => {
    const dir = tempDir();
    try {
      const t = targetsFile(dir);
      const table = cli(['sensitivity', TINY, '--targets', t, '--reps', '2', '--threads', '1', '--quiet', '--set', TAG]);
      expect(table.stderr).toBe('');
      expect(table.code).toBe(0);
      expect(table.stdout).toMatch(/abandoned \(queues\.999\.abandonedRatio\): baseline/);
      expect(table.stdout).toMatch(/handlers\s+fitted\s+11\s+9 → \+/);
      const json = cli(['sensitivity', TINY, '--targets', t, '--reps', '2', '--threads', '1', '--quiet', '--format', 'json', '--set', TAG]);
      const parsed = JSON.parse(json.stdout);
      const row = parsed.targets[0].rows[0];
      expect(row.low.values).toEqual([9]);
      expect(row.high.values).toEqual([13]);
      // 200 calls an hour of 180 s = 10 Erlangs: 9 handlers lose more callers, 13 fewer.
      expect(row.low.change.mean).toBeGreaterThan(0);
      expect(row.high.change.mean).toBeLessThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('bad input exits 2 with a message naming the field, never a stack trace', () => {
    const dir = tempDir();
    try {
      const t = targetsFile(dir);
      const bad = cli(['sensitivity', TINY, '--targets', t, '--reps', '1', '--quiet', '--set', "assumptions=[{name: x, kind: fitted, paths: ['queues.999.patienceSeconds']}]"]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/assumptions\[0\]\.paths\[0\].*the path of a number/);
      expect(bad.stderr).not.toMatch(STACK_LINE);
      const missing = cli(['sensitivity', TINY, '--targets', join(dir, 'none.yaml'), '--quiet']);
      expect(missing.code).toBe(2);
      expect(missing.stderr).not.toMatch(STACK_LINE);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
