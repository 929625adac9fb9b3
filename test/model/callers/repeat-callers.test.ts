import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runYaml } from './run-yaml.js';

/** Two callers (trace rows at 0 and 1 h), handled at once in 100 s; `callers` and grading as given. */
function twoCallers(callers: string, recogniseRepeat = 0): Record<string, number> {
  return runYaml(
    `name: repeat callers by hand
start: 2022-01-03T00:00:00Z
timeZone: UTC
horizon: { days: 3, hours: 12 }
seed: 3
trace: calls.csv
channels:
  "101": { queue: q }
queues:
  q: { targetSeconds: 60 }
handlers:
  pools:
    - { name: h, serves: [q], staff: 5 }
  handleSeconds:
    q: { fixed: 100 }
grading:
  need: { "101": { none: 1 } }
  recogniseRepeat: ${recogniseRepeat}
callers: ${callers}
`,
    'arrival,channel\n0,101\n3600,101\n',
  );
}

/** Poisson 101 calls to one small pool with patience and redials; `callers` and recognition as given. */
function room(callers: string, seed: number, redial: number, recogniseRepeat: number): Record<string, number> {
  return runYaml(`name: repeat callers property
start: 2022-01-03T00:00:00Z
timeZone: UTC
horizon: { days: 2 }
seed: ${seed}
channels:
  "101": { perHour: 40, queue: q }
queues:
  q:
    targetSeconds: 60
    patienceSeconds: { exponential: { mean: 300 } }
    redial: { probability: ${redial}, delaySeconds: { exponential: { mean: 600 } } }
handlers:
  pools:
    - { name: h, serves: [q], staff: 3 }
  handleSeconds:
    q: { exponential: { mean: 240 } }
grading:
  need: { "101": { priority: 0.5, none: 0.5 } }
  recogniseRepeat: ${recogniseRepeat}
callers: ${callers}
`);
}

describe('repeat callers from history (callers)', () => {
  it('hand-computable: two callers who each call again a day after every handled call make 4 calls each in 3.5 days, 6 of the 8 repeats', () => {
    // Caller 1 calls at 0, 86 500, 173 000 and 259 500 s (each call ends 100 s after it starts; the
    // next comes 24 h later); the fifth would be at 346 000 s, past the horizon (302 400 s). Caller 2
    // is the same an hour later. Recognition 0: every handled repeat is not identified.
    const r = twoCallers('{ repeatWindowDays: 28, callAgain: { probability: 1, delayHours: 24 } }');
    expect(r['queues.q.offered']).toBe(8);
    expect(r['callers.calledAgain']).toBe(6);
    expect(r['callers.repeatCalls']).toBe(6);
    expect(r['callers.repeatShare']).toBe(0.75);
    expect(r['callers.repeatsHandled']).toBe(6);
    expect(r['callers.repeatsNotIdentified']).toBe(6);
    expect(r['callers.repeatNotIdentifiedShare']).toBe(1);
    // Recognition 1: none missed. A window of half a day: the same calls, none of them a repeat.
    expect(twoCallers('{ repeatWindowDays: 28, callAgain: { probability: 1, delayHours: 24 } }', 1)['callers.repeatsNotIdentified']).toBe(0);
    const short = twoCallers('{ repeatWindowDays: 0.5, callAgain: { probability: 1, delayHours: 24 } }');
    expect(short['queues.q.offered']).toBe(8);
    expect(short['callers.repeatCalls']).toBe(0);
    expect(Number.isNaN(short['callers.repeatNotIdentifiedShare'])).toBe(true);
  });

  it('hand-computable: redials are repeat contacts by construction (one caller abandoning after 10 s and redialling 60 s later, for an hour)', () => {
    const r = runYaml(
      `name: redials are repeats
start: 2022-01-03T00:00:00Z
timeZone: UTC
horizon: { hours: 1 }
trace: calls.csv
channels:
  "101": { queue: q }
queues:
  q:
    targetSeconds: 60
    patienceSeconds: 10
    redial: { probability: 1, delaySeconds: 60 }
handlers:
  pools:
    - { name: h, serves: [q], staff: 0 }
  handleSeconds:
    q: 100
grading:
  need: { "101": { none: 1 } }
callers: { repeatWindowDays: 28 }
`,
      'arrival,channel\n0,101\n',
    );
    // Calls at 0, 70, 140, ... 3570 s: 52 calls of one caller, 51 of them repeats; none handled.
    expect(r['queues.q.offered']).toBe(52);
    expect(r['callers.repeatCalls']).toBe(51);
    expect(r['callers.repeatsHandled']).toBe(0);
  });

  it('property: with a window longer than the horizon every call but a caller\'s first is a repeat (repeats = redials + calls again), and repeats not identified never exceed repeats handled (fixed seed)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (seed, redial, again, recognise) => {
        const r = room(`{ repeatWindowDays: 100, callAgain: { probability: ${again}, delayHours: { exponential: { mean: 6 } } } }`, seed, redial, recognise);
        expect(r['callers.repeatCalls']).toBe(r['queues.q.redials'] + r['callers.calledAgain']);
        expect(r['callers.repeatsNotIdentified']).toBeLessThanOrEqual(r['callers.repeatsHandled']);
        expect(r['callers.repeatsHandled']).toBeLessThanOrEqual(r['callers.repeatCalls']);
      }),
      { numRuns: 6, seed: 1515 },
    );
  });

  it('property: under common random numbers, repeats not identified never rise as recognition rises, and the same calls are repeats (fixed seed)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (seed, p, q) => {
        const [lo, hi] = p <= q ? [p, q] : [q, p];
        const callers = '{ repeatWindowDays: 28, callAgain: { probability: 0.3, delayHours: 12 } }';
        const a = room(callers, seed, 0.5, lo);
        const b = room(callers, seed, 0.5, hi);
        expect(b['callers.repeatCalls']).toBe(a['callers.repeatCalls']);
        expect(b['callers.repeatsHandled']).toBe(a['callers.repeatsHandled']);
        expect(b['callers.repeatsNotIdentified']).toBeLessThanOrEqual(a['callers.repeatsNotIdentified']);
      }),
      { numRuns: 5, seed: 1516 },
    );
  });

  it('refuses callers without grading, naming the field', () => {
    expect(() =>
      runYaml(`name: no grading
start: 2022-01-03T00:00:00Z
horizon: { days: 1 }
channels:
  "101": { perHour: 1, queue: q }
queues:
  q: { targetSeconds: 60 }
handlers:
  pools: [{ name: h, serves: [q], staff: 1 }]
  handleSeconds: { q: 60 }
callers: { repeatWindowDays: 28 }
`),
    ).toThrow(/callers/);
  });
});
