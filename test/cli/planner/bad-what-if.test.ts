/** Bad what-ifs: exit 2 and one message naming the field, what was expected (the choices) and what was found. */
import { describe, expect, it } from 'vitest';
import { cli, STACK_LINE } from '../cli.js';

const BASELINE = 'scenarios/avon-somerset-2022.yaml';
const run = (...sets: string[]) => cli(['run', BASELINE, '--reps', '1', '--threads', '1', '--quiet', ...sets.flatMap((s) => ['--set', s])]);

describe('bad what-ifs', () => {
  it('a shift name that does not exist names the shifts there are', () => {
    const r = run('handlers.pools.non-emergency.shifts.evening.staff+=2');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--set handlers.pools.non-emergency.shifts.evening.staff+=2: handlers.pools[1].roster.shifts.evening: expected one of the names early, late, night, office');
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it('a pool name that does not exist names the pools', () => {
    const r = run('handlers.pools.101.shifts.late.staff=7');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('handlers.pools.101: expected one of the names emergency, non-emergency, non-emergency-cover (or an index [0] to [2]), found "101"');
  });

  it('a date range outside the horizon names the horizon', () => {
    const r = run('channels.999.demand=+10% from 2022-08-01 to 2022-09-30');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('channels.999.demand: expected a date range inside the horizon (2022-01-01 to 2022-08-31, Europe/London dates), found 2022-08-01 to 2022-09-30');
  });

  it('an unknown time zone names zones near it', () => {
    const r = run('timeZone=Europe/Lndon');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/timeZone: expected an IANA time zone name \(such as [^)]*Europe\/London[^)]*\), found "Europe\/Lndon"/);
  });

  it('a relative change on a non-number names the field and what is there', () => {
    const r = run('handlers.pools.non-emergency.shifts.late.start+=1');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('handlers.pools[1].roster.shifts[1].start: expected a number to change with +=, found "15:00"');
  });

  it('a channel that does not exist names the channels', () => {
    const r = run('channels.112.demand=+10% from 2022-06-01 to 2022-08-31');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('channels.112.demand: expected a channel name (one of 101, 999)');
  });
});
