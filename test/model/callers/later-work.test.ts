import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runYaml } from './run-yaml.js';

/** 101 callers whose queue nobody answers (patience 60 s) and a staffed 999 queue; `shift` as written. */
function shiftRoom(shift: string, trace?: string, seed = 5, perHour = 0): Record<string, number> {
  return runYaml(
    `name: channel shift
start: 2022-01-03T00:00:00Z
timeZone: UTC
horizon: { hours: 12 }
seed: ${seed}
${trace === undefined ? '' : 'trace: calls.csv'}
channels:
  "999": { ${trace === undefined ? 'perHour: 5, ' : ''}queue: "999" }
  "101": { ${trace === undefined ? `perHour: ${perHour}, ` : ''}queue: q101 }
queues:
  "999": { targetSeconds: 10 }
  q101: { targetSeconds: 60, patienceSeconds: { exponential: { mean: 120 } } }
handlers:
  pools:
    - { name: emergency, serves: ["999"], staff: 5 }
    - { name: nonEmergency, serves: [q101], staff: 1 }
  handleSeconds:
    "999": { fixed: 100 }
    q101: { exponential: { mean: 300 } }
channelShift: ${shift}
`,
    trace,
  );
}

/** 101 calls all deflected by the IVR (10 s menu) to online reporting; `online` as written. */
function onlineRoom(online: string): Record<string, number> {
  return runYaml(
    `name: online reports
start: 2022-01-03T00:00:00Z
timeZone: UTC
horizon: { days: 1 }
trace: calls.csv
channels:
  "999": { queue: "999" }
  "101": { ivr: { menuSeconds: 10, deflected: 1 }, queue: "999" }
queues:
  "999": { targetSeconds: 10 }
handlers:
  pools:
    - { name: h, serves: ["999"], staff: 5 }
  handleSeconds:
    "999": { fixed: 100 }
grading:
  need: { "101": { priority: 1 }, "999": { priority: 1 } }
dispatch:
  areas:
    - { name: a, kind: urban, share: 1, units: 5, travelMinutes: 5 }
  onSceneMinutes: { priority: 30 }
onlineReports:
  "101": ${online}
`,
    'arrival,channel\n0,101\n600,101\n1200,101\n',
  );
}

describe('channel shift (channelShift)', () => {
  it('hand-computable: five 101 callers abandon an unstaffed queue after 60 s; with probability 1 all five call 999 30 s later, with 0 none does', () => {
    const trace = 'arrival,channel\n0,101\n100,101\n200,101\n300,101\n400,101\n';
    const unstaffed = (p: number): string => `{ "101": { to: "999", probability: ${p}, delaySeconds: 30 } }`;
    const run = (p: number): Record<string, number> =>
      runYaml(
        `name: channel shift by hand
start: 2022-01-03T00:00:00Z
timeZone: UTC
horizon: { hours: 1 }
trace: calls.csv
channels:
  "999": { queue: "999" }
  "101": { queue: q101 }
queues:
  "999": { targetSeconds: 10 }
  q101: { targetSeconds: 60, patienceSeconds: 60 }
handlers:
  pools:
    - { name: emergency, serves: ["999"], staff: 5 }
    - { name: nonEmergency, serves: [q101], staff: 0 }
  handleSeconds: { "999": 100, q101: 100 }
channelShift: ${unstaffed(p)}
`,
        trace,
      );
    const all = run(1);
    expect(all['queues.q101.abandoned']).toBe(5);
    expect(all['channelShift.calls']).toBe(5);
    expect(all['queues.999.offered']).toBe(5);
    expect(all['queues.999.answered']).toBe(5);
    // Each shifted call arrives at abandonment + 30 s and is answered at once.
    expect(all['queues.999.waitSeconds.mean']).toBe(0);
    const none = run(0);
    expect(none['channelShift.calls']).toBe(0);
    expect(none['queues.999.offered']).toBe(0);
  });

  it('property: under common random numbers, shifted calls never exceed the 101 callers who abandoned, and never fall as the shift probability rises (fixed seed)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (seed, p, q) => {
        const [lo, hi] = p <= q ? [p, q] : [q, p];
        const shift = (x: number): string => `{ "101": { to: "999", probability: ${x}, delaySeconds: { exponential: { mean: 60 } } } }`;
        const a = shiftRoom(shift(lo), undefined, seed, 20);
        const b = shiftRoom(shift(hi), undefined, seed, 20);
        // The 999 pool is separate, so shifting moves no 101 caller: the same callers abandon.
        expect(b['queues.q101.abandoned']).toBe(a['queues.q101.abandoned']);
        expect(a['channelShift.calls']).toBeLessThanOrEqual(a['queues.q101.abandoned']);
        expect(b['channelShift.calls']).toBeLessThanOrEqual(b['queues.q101.abandoned']);
        expect(b['channelShift.calls']).toBeGreaterThanOrEqual(a['channelShift.calls']);
      }),
      { numRuns: 5, seed: 1541 },
    );
  });
});

describe('online reports (onlineReports)', () => {
  it('hand-computable: three reports at 0, 10 and 20 min; call back 1 gives three 999 calls an hour later; incident 1 gives three incidents and no handler time', () => {
    const back = onlineRoom('{ callBack: 1, incident: 0, delayHours: 1, channel: "999" }');
    expect(back['onlineReports.reports']).toBe(3);
    expect(back['onlineReports.callsBack']).toBe(3);
    expect(back['onlineReports.incidents']).toBe(0);
    expect(back['queues.999.offered']).toBe(3);
    expect(back['incidents.created']).toBe(3);
    const incidents = onlineRoom('{ callBack: 0, incident: 1, delayHours: 1 }');
    expect(incidents['onlineReports.incidents']).toBe(3);
    expect(incidents['queues.999.offered']).toBe(0);
    expect(incidents['incidents.created']).toBe(3);
    expect(incidents['handlers.h.occupancy']).toBe(0);
    // Created an hour after each report, a unit 5 min away: attended 5 min after creation.
    expect(incidents['incidents.priority.all.attendanceMinutes.mean']).toBeCloseTo(5, 6);
    const neither = onlineRoom('{ callBack: 0, incident: 0, delayHours: 1 }');
    expect(neither['incidents.created']).toBe(0);
  });

  it('property: the later work of online reports never exceeds the reports (calls back + incidents <= reports) (fixed seed)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.double({ min: 0, max: 0.5, noNaN: true }), fc.double({ min: 0, max: 0.5, noNaN: true }), (seed, back, incident) => {
        const r = runYaml(`name: online property
start: 2022-01-03T00:00:00Z
timeZone: UTC
horizon: { days: 2 }
seed: ${seed}
channels:
  "101": { perHour: 20, ivr: { menuSeconds: 20, deflected: 0.4 }, queue: q }
queues:
  q: { targetSeconds: 60, patienceSeconds: { exponential: { mean: 600 } } }
handlers:
  pools: [{ name: h, serves: [q], staff: 3 }]
  handleSeconds: { q: { exponential: { mean: 300 } } }
grading:
  need: { "101": { priority: 0.5, none: 0.5 } }
onlineReports:
  "101": { callBack: ${back}, incident: ${incident}, delayHours: { exponential: { mean: 4 } } }
`);
        expect(r['onlineReports.callsBack'] + r['onlineReports.incidents']).toBeLessThanOrEqual(r['onlineReports.reports']);
        expect(r['onlineReports.reports']).toBeGreaterThan(0);
      }),
      { numRuns: 5, seed: 1542 },
    );
  });

  it('refuses a shift back into the abandoned channel, naming the field', () => {
    expect(() => shiftRoom('{ "101": { to: "101", probability: 1, delaySeconds: 1 } }')).toThrow(/channelShift/);
  });
});
