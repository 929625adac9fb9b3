/**
 * Hostile input and faults through the built command line (issue 18): each case checks the exit
 * code, that the message names the field or path, that no stack trace is printed, that nothing
 * the user did not ask to change is touched, and that no temporary file is left behind.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, MAIN, ROOT, STACK_LINE, tempDir, TINY, type CliRun } from './cli.js';

const BASELINE = 'scenarios/avon-somerset-2022.yaml';

/** Exit 2, one message line per problem naming `what`, no stack trace. */
function badInput(r: CliRun, what: RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).toMatch(what);
  expect(r.stderr).not.toMatch(STACK_LINE);
}

/** A copy of the tiny scenario in a fresh folder. */
function tinyCopy(): { dir: string; file: string } {
  const dir = tempDir();
  const file = join(dir, 'tiny.yaml');
  copyFileSync(join(ROOT, TINY), file);
  return { dir, file };
}

describe('1. unit occupancy is a ratio', () => {
  it('a 999 surge that keeps units busy past their shift ends leaves every occupancy in [0, 1]', () => {
    const r = cli(['run', BASELINE, '--set', 'horizon.days=2', '--set', 'channels.999.surges=[{start: "2022-01-01T00:00:00Z", hours: 6, factor: 3.3}]',
      '--set', 'channels.101.surges=[]', '--reps', '2', '--format', 'json', '--quiet', '--threads', '1']);
    expect(r.code, r.stderr).toBe(0);
    const metrics = (JSON.parse(r.stdout) as { metrics: Record<string, { values: number[] }> }).metrics;
    const occupancies = Object.entries(metrics).filter(([name]) => name.endsWith('.occupancy'));
    expect(occupancies.map(([name]) => name)).toContain('units.bristol.occupancy');
    for (const [name, m] of occupancies) for (const v of m.values) expect(v, name).toBeLessThanOrEqual(1);
  });
});

describe('2. deep nesting', () => {
  const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
  it('5,000 nested lists in a JSON field: exit 2 naming the field and the limit', () => {
    const { dir } = tinyCopy();
    const file = join(dir, 'deep.json');
    writeFileSync(file, `{"name": "x", "start": "2022-01-03T00:00:00Z", "handlers": {"pools": [{"name": "h", "staff": ${deep}}]}}`);
    badInput(cli(['validate', file]), /deep\.json:1: handlers\.pools\[0\]\.staff: expected nesting at most 64 levels deep/);
  });

  it('the YAML equivalent names the field, not "valid YAML"', () => {
    const { dir } = tinyCopy();
    const file = join(dir, 'deep.yaml');
    writeFileSync(file, `name: x\nchannels:\n  "999": { perHour: ${deep} }\n`);
    const r = cli(['run', file]);
    badInput(r, /deep\.yaml:3: channels\.999\.perHour: expected nesting at most 64 levels deep/);
    expect(r.stderr).not.toMatch(/valid YAML/);
  });
});

describe('3. bounded work', () => {
  it('validate prints the work estimate of the baseline', () => {
    const r = cli(['validate', BASELINE, '--threads', '2']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^work: about \d+ calls per replication, [\d.e]+ events over 20 replications, peak memory about \d+ MB with 2 threads$/m);
  });

  it('a headcount of 1e9 (handlers, switchboard shift, units) is refused outright by validate and run, even with --allow-large', () => {
    const cases: [string, RegExp][] = [
      ['handlers.pools[0].staff=1000000000', /handlers\.pools\[0\]: expected a headcount of at most 100,000/],
      ['switchboard.staff={shifts: [{start: "07:00", hours: 8, staff: 1000000000}]}', /switchboard\.staff: expected a headcount of at most 100,000/],
      ['dispatch.areas[0].units=1000000000', /dispatch\.areas\[0\]\.units: expected a headcount of at most 100,000/],
    ];
    for (const [set, message] of cases) {
      // The baseline's pools have rosters; the tiny scenario's pool has a plain staff count.
      badInput(cli(['validate', set.startsWith('handlers') ? TINY : BASELINE, '--set', set, '--allow-large']), message);
    }
    badInput(cli(['run', TINY, '--set', cases[0][0], '--quiet']), cases[0][1]);
  });

  it('perDay 1e12 is refused by validate and run naming the channel and the estimate; --allow-large lifts it for validate', () => {
    const refused = /channels\.999: expected work of at most 1\.0e9 events \(--allow-large lifts the limit.*found about 2\.5e14 calls per replication/;
    badInput(cli(['validate', TINY, '--set', 'channels.999.perHour=1e10']), /channels\.999: expected work of at most 1\.0e9 events/);
    badInput(cli(['validate', BASELINE, '--set', 'channels.999.perDay=1e12']), refused);
    badInput(cli(['run', BASELINE, '--set', 'channels.999.perDay=1e12', '--quiet']), refused);
    const lifted = cli(['validate', BASELINE, '--set', 'channels.999.perDay=1e12', '--allow-large']);
    expect(lifted.code, lifted.stderr).toBe(0);
    expect(lifted.stdout).toMatch(/work: about 2\.5e14 calls per replication/);
  });

  it('--precision may add replications up to --max-reps: the work is checked at that many before any simulation', () => {
    badInput(cli(['run', TINY, '--precision', 'queues.999.serviceLevel=0.0000001', '--max-reps', '1000000000000', '--quiet']),
      /channels\.999: expected work of at most 1\.0e9 events .*over 1000000000000 replications/);
  });

  it('a sweep grid of a million points, or whose points add up past the limit, is refused before any simulation', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1).join(',');
    const out = join(tempDir(), 's.csv');
    badInput(cli(['sweep', TINY, '--vary', `handlers.pools[0].staff=${hundred}`, '--vary', `seed=${hundred}`, '--vary', `queues.999.targetSeconds=${hundred}`, '--out', out, '--quiet']),
      /--vary: expected a grid of at most 10,000 points \(--allow-large lifts the limit\), found 1,000,000 points \(100 values of handlers\.pools\[0\]\.staff x 100 values of seed x 100 values of queues\.999\.targetSeconds\)/);
    badInput(cli(['sweep', TINY, '--vary', `seed=${hundred}`, '--reps', '100000', '--out', out, '--quiet']), /--vary: expected a sweep of at most 1\.0e9 events in all/);
    expect(existsSync(out)).toBe(false);
  });

  // In worker threads, in one thread, tracing replication 0, and drawing a call log: each holds a whole replication.
  it.each([
    ['run on two threads', ['run', '--threads', '2', '--reps', '2']],
    ['run in one thread', ['run', '--threads', '1', '--reps', '1']],
    ['run --trace-out', ['run', '--threads', '1', '--reps', '1', '--trace-out', 'OUT']],
    ['generate', ['generate', '--out', 'OUT']],
  ])('a %s that still exhausts memory ends with exit 1 and one line, writing nothing', (_, args) => {
    const { dir } = tinyCopy();
    const file = join(dir, 'flood.yaml');
    // No one answers and no one hangs up: every call stays in the queue.
    writeFileSync(file, readFileSync(join(ROOT, TINY), 'utf8').replace('perHour: 200', 'perHour: 2000000').replace('staff: 11', 'staff: 0')
      .replace(', patienceSeconds: { exponential: { mean: 300 } }', '').replace('hours: 6', 'hours: 24'));
    const out = join(dir, 'calls.csv');
    const [command, ...options] = args.map((a) => (a === 'OUT' ? out : a));
    // A small heap (inherited by the worker threads) makes the failure quick.
    const r = spawnSync(process.execPath, ['--max-old-space-size=128', MAIN, command, file, ...options, '--allow-large', '--quiet'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr.slice(0, 2000)).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^callsim: out of memory while simulating/)]);
    // Neither the output nor a temporary file beside it.
    expect(readdirSync(dir).sort()).toEqual(['flood.yaml', 'tiny.yaml']);
  });
});

describe('4. scenario file size', () => {
  it('a 5 MB scenario is refused before parsing, stating the limit; --allow-large reads it', () => {
    const { file } = tinyCopy();
    writeFileSync(file, `${readFileSync(file, 'utf8')}# ${'x'.repeat(5 * 1024 * 1024)}\n`);
    badInput(cli(['validate', file]), /tiny\.yaml: expected a scenario file of at most 4 MB \(--allow-large lifts the limit\), found 5\.0 MB/);
    expect(cli(['validate', file, '--allow-large']).code).toBe(0);
  });

  it('check refuses it the same way, and --allow-large lifts the limit there too', () => {
    const { dir, file } = tinyCopy();
    writeFileSync(file, `${readFileSync(file, 'utf8')}# ${'x'.repeat(5 * 1024 * 1024)}\n`);
    const targets = join(dir, 'targets.yaml');
    writeFileSync(targets, 'targets:\n  - { label: 999 in 10 s, metric: queues.999.answeredWithinTarget, range: [0, 1] }\n');
    badInput(cli(['check', file, '--targets', targets]), /tiny\.yaml: expected a scenario file of at most 4 MB \(--allow-large lifts the limit\), found 5\.0 MB/);
    const lifted = cli(['check', file, '--targets', targets, '--allow-large', '--reps', '2', '--threads', '1']);
    expect(lifted.code, lifted.stderr).toBe(0);
    expect(lifted.stdout).toMatch(/1 of 1 required targets met/);
  });
});

describe('4b. endless files', () => {
  // A device or a pipe has no size to check first: each reader stops past its limit instead of reading forever.
  it.skipIf(!existsSync('/dev/zero'))('/dev/zero as scenario, trace, targets, part file and results: exit 2 naming it, quickly', () => {
    const { dir } = tinyCopy();
    const targets = join(dir, 'targets.yaml');
    writeFileSync(targets, 'targets:\n  - { label: 999 in 10 s, metric: queues.999.answeredWithinTarget, range: [0, 1] }\n');
    const cases: [string[], RegExp][] = [
      [['validate', '/dev/zero'], /\/dev\/zero: expected a scenario file of at most 4 MB \(--allow-large lifts the limit\), found more than 4 MB/],
      [['run', TINY, '--trace', '/dev/zero', '--quiet'], /--trace: expected a trace file of at most 512 MB .*\/dev\/zero/],
      [['check', TINY, '--targets', '/dev/zero'], /\/dev\/zero: expected a targets file of at most 4 MB/],
      [['merge', '/dev/zero'], /cannot read \/dev\/zero: more than 512 MB/],
      [['verify', '/dev/zero'], /cannot read \/dev\/zero: more than 512 MB/],
      [['report', '/dev/zero', '--out', join(dir, 'r.html')], /\/dev\/zero: cannot read the results file \(larger than the limit\)/],
    ];
    for (const [args, message] of cases) badInput(cli(args), message);
  });
});

describe('5. --out never overwrites an input', () => {
  it('the scenario, an extends base, a trace and the results being reported are all refused, byte for byte untouched', () => {
    const { dir, file } = tinyCopy();
    const child = join(dir, 'child.yaml');
    writeFileSync(child, 'extends: tiny.yaml\nname: child\n');
    const trace = join(dir, 'calls.csv');
    writeFileSync(trace, 'arrival,channel\n10,999\n');
    const results = join(dir, 'results.json');
    expect(cli(['run', TINY, '--reps', '2', '--format', 'json', '--quiet', '--out', results]).code).toBe(0);
    const before = new Map([file, child, trace, results].map((f) => [f, readFileSync(f, 'utf8')]));
    badInput(cli(['run', file, '--out', file]), /--out .*tiny\.yaml: is an input of this command/);
    badInput(cli(['run', child, '--out', file]), /--out .*tiny\.yaml: is an input of this command/);
    badInput(cli(['run', file, '--trace', trace, '--trace-out', trace]), /--trace-out .*calls\.csv: is an input of this command/);
    badInput(cli(['run', file, '--html', join(dir, '.', 'tiny.yaml')]), /--html .*tiny\.yaml: is an input/);
    badInput(cli(['generate', file, '--out', file]), /--out .*tiny\.yaml: is an input/);
    badInput(cli(['compare', file, child, '--out', child]), /--out .*child\.yaml: is an input/);
    badInput(cli(['sweep', child, '--vary', 'seed=1,2', '--out', file]), /--out .*tiny\.yaml: is an input/);
    badInput(cli(['report', results, '--out', results]), /--out .*results\.json: is an input/);
    for (const [f, text] of before) expect(readFileSync(f, 'utf8'), f).toBe(text);
    expect(readdirSync(dir).sort()).toEqual(['calls.csv', 'child.yaml', 'results.json', 'tiny.yaml']);
  });
});

describe('6. two sweeps sharing --out', () => {
  it('run at the same time, they keep every row of both', async () => {
    const dir = tempDir();
    const out = join(dir, 'sweep.csv');
    const sweep = (values: string): Promise<number | null> => new Promise((resolve) => {
      const child = spawn(process.execPath, [MAIN, 'sweep', TINY, '--vary', `handlers.pools[0].staff=${values}`, '--reps', '1', '--threads', '1', '--quiet', '--out', out], { cwd: ROOT, stdio: 'ignore' });
      child.on('exit', (code) => resolve(code));
    });
    const codes = await Promise.all([sweep('8,9,10,11'), sweep('12,13,14,15')]);
    expect(codes).toEqual([0, 0]);
    const rows = readFileSync(out, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]);
    expect(rows.sort()).toEqual(['10', '11', '12', '13', '14', '15', '8', '9']);
    expect(readdirSync(dir)).toEqual(['sweep.csv']);
  });

  it('a lock left by a process that no longer runs is taken over (a killed sweep still resumes)', () => {
    const dir = tempDir();
    const out = join(dir, 'sweep.csv');
    // Pid 2^22 + 1 is above Linux's pid_max default of 2^22: no such process.
    writeFileSync(`${out}.lock`, `4194305 ${hostname()}\n`);
    const r = cli(['sweep', TINY, '--vary', 'seed=1,2', '--reps', '1', '--threads', '1', '--quiet', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(dir)).toEqual(['sweep.csv']);
  });
});

describe('7. --out problems are found before any work', () => {
  it('a missing folder, a folder, and a path through a file: exit 2 naming the path, nothing written, no temporary file', () => {
    const { dir, file } = tinyCopy();
    const folder = join(dir, 'results');
    mkdirSync(folder);
    const cases: [string[], RegExp][] = [
      [['run', file, '--out', join(dir, 'missing', 'r.json')], /--out .*missing\/r\.json: the folder .*missing does not exist/],
      [['run', file, '--out', folder], /--out .*results: is a folder; give a file name inside it/],
      [['run', file, '--trace-out', join(file, 'calls.csv')], /--trace-out .*tiny\.yaml\/calls\.csv: .*tiny\.yaml is a file, not a folder/],
      [['sweep', file, '--vary', 'seed=1,2', '--out', folder], /--out .*results: is a folder/],
      [['compare', file, '--variant', 'seed=2', '--html', join(dir, 'missing', 'c.html')], /--html .*missing\/c\.html: the folder/],
    ];
    for (const [args, message] of cases) {
      const r = cli([...args, '--reps', '50']);
      badInput(r, message);
      expect(r.stderr).not.toMatch(/\.tmp/);
    }
    expect(readdirSync(dir).sort()).toEqual(['results', 'tiny.yaml']);
    expect(readdirSync(folder)).toEqual([]);
  });

  it.skipIf(process.getuid?.() === 0)('a folder without write permission: exit 2 in plain words', () => {
    const { dir, file } = tinyCopy();
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    badInput(cli(['run', file, '--out', join(locked, 'r.json')]), /no permission to write in the folder/);
    expect(readdirSync(locked)).toEqual([]);
    expect(statSync(locked).isDirectory()).toBe(true);
  });

  // Root passes every permission check; /sys refuses new files even to root, as a read-only place would.
  it.skipIf(!existsSync('/sys/kernel'))('a folder where no file can be created, even by root: exit 2 before any work, naming the path', () => {
    const { file } = tinyCopy();
    const r = cli(['run', file, '--out', '/sys/r.json', '--quiet']);
    badInput(r, /--out \/sys\/r\.json: (no permission to write in the folder|the folder is on a read-only file system) \/sys/);
    expect(existsSync('/sys/r.json')).toBe(false);
  });
});

describe('8. absent values, long echoes, trace rows after the horizon', () => {
  it('a ratio of 0/0 carries its reason in the JSON', () => {
    const r = cli(['run', TINY, '--reps', '2', '--format', 'json', '--quiet', '--threads', '1', '--set', 'channels.999.perHour=0']);
    expect(r.code, r.stderr).toBe(0);
    const m = (JSON.parse(r.stdout) as { metrics: Record<string, Record<string, unknown>> }).metrics['queues.999.abandonedRatio'];
    expect(m).toMatchObject({ mean: null, values: [null, null], 'n/a': 'no calls reached the queue' });
  });

  it('a 100,000-character value is echoed in at most about 200 characters', () => {
    const long = 'x'.repeat(100_000);
    const r = cli(['validate', TINY, '--set', `handlers.pools[0].staff="${long}"`]);
    badInput(r, /handlers\.pools\[0\]\.staff: expected/);
    expect(r.stderr).toMatch(/\.\.\. \(\d+ more characters\)/);
    expect(r.stderr.length).toBeLessThan(1000);
  });

  it('trace rows at or after the horizon are counted by validate and run', () => {
    const { dir, file } = tinyCopy();
    const trace = join(dir, 'calls.csv');
    // Horizon 6 h = 21,600 s: two rows fall after it.
    writeFileSync(trace, 'arrival,channel\n3600,999\n7200,999\n21600,999\n90000,999\n');
    const v = cli(['validate', file, '--trace', trace]);
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout).toMatch(/^trace: 2 rows arrive at or after the horizon and are not replayed$/m);
    const r = cli(['run', file, '--trace', trace, '--reps', '1', '--threads', '1', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/2 trace rows arrive at or after the horizon and are not replayed/);
  });
});
