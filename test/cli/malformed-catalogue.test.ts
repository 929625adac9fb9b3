import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { VALID } from '../scenario/fixtures.js';
import { cli, STACK_LINE, tempDir } from './cli.js';

// The scenario catalogue (test/scenario/malformed.test.ts) checks every message in detail at the
// loader; here the same kinds of mistakes go through the built command as a user would type them.
const dir = tempDir();
let count = 0;
const write = (text: string, ext = 'yaml'): string => {
  const path = join(dir, `case-${++count}.${ext}`);
  writeFileSync(path, text);
  return path;
};
const edit = (from: string, to: string): string => {
  if (!VALID.includes(from)) throw new Error(`fixture text not found: ${from}`);
  return VALID.replace(from, to);
};

/** [what is wrong, scenario text, the field path the message must name]. */
const SCENARIOS: [string, string, string][] = [
  ['horizon as text', edit('horizon: { days: 2 }', 'horizon: two days'), 'horizon'],
  ['negative rate', edit('perHour: 30', 'perHour: -30'), 'channels.999.perHour'],
  ['rate as text', edit('perDay: 600', 'perDay: lots'), 'channels.101.perDay'],
  ['typo in a field name', edit('{ targetSeconds: 40 }', '{ targetSecond: 40 }'), 'queues.switchboard.targetSecond'],
  ['unknown queue in a pool', edit('serves: [primary, secondary]', 'serves: [primary, tertiary]'), 'handlers.pools[1].serves[1]'],
  ['roster of the wrong length', edit('staff: { hourOfDay: [1, 1, 1, 1, 1, 1, 2,', 'staff: { hourOfDay: [1, 1, 1, 1, 1, 2,'), 'switchboard.staff.hourOfDay'],
  ['profile of the wrong length', edit('hourOfDay: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]', 'hourOfDay: [1, 1]'), 'channels.101.profile.hourOfDay'],
  ['routes not summing to 1', edit('secondary: 0.3 }', 'secondary: 0.4 }'), 'switchboard.routes'],
  ['probability above 1', edit('accept: 0.5', 'accept: 1.5'), 'queues.primary.callback.accept'],
  ['negative cv', edit('{ gamma: { mean: 400, cv: 0.8 } }', '{ gamma: { mean: 400, cv: -0.8 } }'), 'handlers.handleSeconds.primary.gamma.cv'],
  ['unknown distribution', edit('{ exponential: { mean: 600 } } }', '{ poisson: { mean: 600 } } }'), 'queues.999.patienceSeconds'],
  ['uniform with a > b', edit('uniform: [30, 90]', 'uniform: [90, 30]'), 'channels.101.ivr.menuSeconds.uniform'],
  ['handle time as text', edit('handleSeconds: 60', 'handleSeconds: soon'), 'switchboard.handleSeconds'],
  ['duplicate pool names', edit('name: non-emergency', 'name: emergency'), 'handlers.pools[1].name'],
  ['unknown queue in a channel', edit('queue: "999", bt', 'queue: "998", bt'), 'channels.999.queue'],
  ['unknown queue in the policy', edit('strictPriority: ["999", primary, secondary]', 'strictPriority: ["999", primary, secundary]'), 'policy.queueSelection.strictPriority[2]'],
  ['area shares not summing to 1', edit('share: 0.4', 'share: 0.3'), 'dispatch.areas'],
  ['unknown neighbour', edit('neighbours: [county]', 'neighbours: [country]'), 'dispatch.areas[0].neighbours[0]'],
  ['need mix not summing to 1', edit('priority: 0.6 }', 'priority: 0.5 }'), 'grading.need.999'],
  ['bad area kind', edit('kind: rural', 'kind: remote'), 'dispatch.areas[1].kind'],
  ['warm-up longer than the horizon', edit('warmup: { hours: 1 }', 'warmup: { days: 3 }'), 'warmup'],
  ['bad start instant', edit('start: 2022-03-07T00:00:00Z', 'start: 7 March 2022'), 'start'],
  ['bad shift day', edit('days: [Fri, Sat]', 'days: [Fri, Sab]'), 'handlers.pools[1].roster.shifts[1].days[1]'],
  ['bad shift clock', edit('start: "07:00", hours: 8, staff: 3', 'start: "7am", hours: 8, staff: 3'), 'handlers.pools[1].roster.shifts[0].start'],
];

/** [what is wrong, trace text, the line the message must name]. */
const TRACES: [string, string, string][] = [
  ['bad timestamp', 'arrival,channel\n0,999\nyesterday,999\n', ':3'],
  ['unknown channel', 'arrival,channel\n0,999\n5,112\n', ':3'],
  ['missing channel column', 'arrival\n0\n', ':1'],
  ['handle time as text', 'arrival,channel,handleSeconds\n0,999,long\n', ':2'],
  ['unknown need', 'arrival,channel,need\n0,999,urgent\n', ':2'],
];

describe('a catalogue of malformed scenarios and traces through the built CLI: exit 2, the field or line named, no stack trace', () => {
  for (const [what, text, path] of SCENARIOS) {
    it(`scenario: ${what}`, () => {
      const file = write(text);
      const r = cli(['validate', file]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(file);
      expect(r.stderr).toContain(`${path}:`);
      expect(r.stderr).not.toMatch(STACK_LINE);
    });
  }
  const scenario = write(VALID);
  for (const [what, text, line] of TRACES) {
    it(`trace: ${what}`, () => {
      const trace = write(text, 'csv');
      const r = cli(['run', scenario, '--trace', trace, '--reps', '1', '--threads', '1']);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(`${trace}${line}`);
      expect(r.stderr).not.toMatch(STACK_LINE);
    });
  }
});

/** Every path to a value in a parsed YAML document. */
function leafPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (value !== null && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leafPaths(v, [...path, Array.isArray(value) ? Number(k) : k]));
  }
  return [path];
}

describe('broken scenarios through the built CLI', () => {
  const base = parse(VALID) as Record<string, unknown>;
  const leaves = leafPaths(base);
  const replacement = fc.constantFrom<unknown>(-1, 0, 1.5, 'text', null, true, [], {}, 1e308, '2022-13-45');

  it('no stack trace ever escapes: any single-field mutation exits 0 or 2 with a message', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: leaves.length - 1 }), replacement, (index, value) => {
        const doc = structuredClone(base);
        const path = leaves[index];
        let node = doc as Record<string | number, unknown>;
        for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
        node[path[path.length - 1]] = value;
        const r = cli(['validate', write(stringify(doc))]);
        expect([0, 2]).toContain(r.code);
        expect(r.stderr).not.toMatch(STACK_LINE);
        if (r.code === 2) expect(r.stderr.length).toBeGreaterThan(0);
      }),
      { numRuns: 25, seed: 20221 },
    );
  });
});
