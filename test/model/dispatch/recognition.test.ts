import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CallerCase } from '../../../src/model/dispatch/caller-case.js';
import { Recognition } from '../../../src/model/dispatch/recognition.js';
import type { ResolvedGrading } from '../../../src/model/dispatch/types.js';
import { runYaml } from '../callers/run-yaml.js';

function grading(extra: Partial<ResolvedGrading>): ResolvedGrading {
  return { needByChannel: [], needByQueue: [], flags: { repeat: 0, vulnerable: 0 }, thrive: 1, recogniseRepeat: 1, recogniseVulnerable: 1, undergradeIfMissed: 0, ...extra };
}

function caseWith(u: { thrive: number; repeat: number; vulnerable: number }, repeat: boolean, vulnerable: boolean): CallerCase {
  const c = new CallerCase(0, 1, -1, '', repeat, vulnerable);
  c.uThrive = u.thrive;
  c.uRepeat = u.repeat;
  c.uVulnerable = u.vulnerable;
  return c;
}

/**
 * One handler, every call a vulnerable Priority caller, handled in 100 s. Trace: caller A at 0 and
 * caller C at 86 490 s; everyone calls again 24 h after a handled call. A is answered at once
 * (THRIVE done: no wait), recognised vulnerable; C is answered at once on day 2; A's second call
 * arrives at 86 500 s and waits 90 s behind C. With a loss of 1 per minute waited THRIVE is missed
 * on it; it is a repeat (within 28 days). The later calls fall past the horizon (2 days).
 */
function twoDays(repeatWithout: number, vulnerableWithout: number): Record<string, number> {
  return runYaml(
    `name: recognition by hand
start: 2022-01-03T00:00:00Z
timeZone: UTC
horizon: { days: 2 }
seed: 5
trace: calls.csv
channels:
  "101": { queue: q }
queues:
  q: { targetSeconds: 60 }
handlers:
  pools:
    - { name: h, serves: [q], staff: 1 }
  handleSeconds:
    q: { fixed: 100 }
grading:
  need: { "101": { priority: 1 } }
  flags: { vulnerable: 1 }
  thrive: 1
  thriveLossPerMinuteWaited: 1
  recogniseRepeat: 1
  recogniseVulnerable: 1
  withoutThrive: { recogniseRepeat: ${repeatWithout}, recogniseVulnerable: ${vulnerableWithout} }
callers: { repeatWindowDays: 28, callAgain: { probability: 1, delayHours: 24 } }
`,
    'arrival,channel\n0,101\n86490,101\n',
  );
}

/** Poisson 101 calls to a small pool (waits of minutes), repeat callers, THRIVE under load `loss`. */
function room(seed: number, loss: number, without: { repeat: number; vulnerable: number }): Record<string, number> {
  return runYaml(`name: recognition property
start: 2022-01-03T00:00:00Z
timeZone: UTC
horizon: { days: 2 }
seed: ${seed}
channels:
  "101": { perHour: 40, queue: q }
queues:
  q:
    targetSeconds: 60
    patienceSeconds: { exponential: { mean: 600 } }
handlers:
  pools:
    - { name: h, serves: [q], staff: 3 }
  handleSeconds:
    q: { exponential: { mean: 250 } }
grading:
  need: { "101": { priority: 0.6, none: 0.4 } }
  flags: { vulnerable: 0.4 }
  thrive: 0.95
  thriveLossPerMinuteWaited: ${loss}
  recogniseRepeat: 0.8
  recogniseVulnerable: 0.7
  withoutThrive: { recogniseRepeat: ${without.repeat}, recogniseVulnerable: ${without.vulnerable} }
callers: { repeatWindowDays: 28, callAgain: { probability: 0.4, delayHours: { exponential: { mean: 8 } } } }
`);
}

describe('THRIVE under load and recognition from the assessment (grading)', () => {
  it('hand-computable: the chance of THRIVE is thrive x (1 - loss) per minute waited', () => {
    const r = new Recognition(grading({ thrive: 0.8, thriveLossPerMinuteWaited: 0.25 }));
    expect(r.thriveChance(0)).toBe(0.8);
    expect(r.thriveChance(120)).toBeCloseTo(0.8 * 0.75 * 0.75, 12);
    expect(r.thriveChance(30)).toBeCloseTo(0.8 * Math.sqrt(0.75), 12);
    // Without the loss, THRIVE does not depend on the wait; a loss of 1 leaves nothing after any wait.
    expect(new Recognition(grading({ thrive: 0.8 })).thriveChance(600)).toBe(0.8);
    expect(new Recognition(grading({ thriveLossPerMinuteWaited: 1 })).thriveChance(1)).toBe(0);
    const c = caseWith({ thrive: 0.5, repeat: 0, vulnerable: 0 }, false, false);
    r.answered(c, 120);
    expect(r.thriveDone(c)).toBe(false); // 0.5 >= 0.45
    r.answered(c, 60);
    expect(r.thriveDone(c)).toBe(true); // 0.5 < 0.6
  });

  it('hand-computable: with withoutThrive, recognition follows THRIVE; without it, each is its own coin as before', () => {
    const g = grading({ thrive: 0.5, recogniseRepeat: 0.9, recogniseVulnerable: 0.8, withoutThrive: { recogniseRepeat: 0.3, recogniseVulnerable: 0.2 } });
    const r = new Recognition(g);
    const done = caseWith({ thrive: 0.4, repeat: 0.5, vulnerable: 0.5 }, true, true);
    expect([r.thriveDone(done), r.repeatRecognised(done), r.vulnerableRecognised(done), r.missed(done)]).toEqual([true, true, true, false]);
    const notDone = caseWith({ thrive: 0.6, repeat: 0.5, vulnerable: 0.5 }, true, true);
    expect([r.thriveDone(notDone), r.repeatRecognised(notDone), r.vulnerableRecognised(notDone), r.missed(notDone)]).toEqual([false, false, false, true]);
    const old = new Recognition(grading({ thrive: 0.5, recogniseRepeat: 0.9, recogniseVulnerable: 0.8 }));
    expect([old.repeatRecognised(notDone), old.vulnerableRecognised(notDone)]).toEqual([true, true]);
    expect(old.modelled).toBe(false);
    // A caller who is neither repeat nor vulnerable is never "recognised" as one.
    expect(r.repeatRecognised(caseWith({ thrive: 0, repeat: 0, vulnerable: 0 }, false, false))).toBe(false);
  });

  it('hand-computable: a repeat caller answered after a wait misses THRIVE but is recognised vulnerable from the record of the first call', () => {
    // Calls: A (day 1, no wait: THRIVE), C (day 2, no wait: THRIVE), A again (waits 90 s: no THRIVE).
    const r = twoDays(1, 0);
    expect(r['queues.q.offered']).toBe(3);
    expect(r['grading.incidentCalls']).toBe(3);
    expect(r['grading.thriveMissing']).toBe(1);
    expect(r['grading.thriveMissingShare']).toBeCloseTo(1 / 3, 12);
    expect(r['callers.repeatsHandled']).toBe(1);
    expect(r['callers.repeatsNotIdentified']).toBe(0);
    expect(r['callers.vulnerableHandled']).toBe(3);
    expect(r['callers.vulnerableNotIdentified']).toBe(0);
    expect(r['callers.vulnerableFromHistory']).toBe(1);
    // Without THRIVE the repeat is not recognised either: the record is never read, the vulnerability missed.
    const missed = twoDays(0, 0);
    expect(missed['callers.repeatsNotIdentified']).toBe(1);
    expect(missed['callers.vulnerableNotIdentified']).toBe(1);
    expect(missed['callers.vulnerableNotIdentifiedShare']).toBeCloseTo(1 / 3, 12);
    expect(missed['callers.vulnerableFromHistory']).toBe(0);
    // Recognised on the call itself without THRIVE: not counted as from history.
    expect(twoDays(1, 1)['callers.vulnerableFromHistory']).toBe(0);
  });

  it('property: under common random numbers more loss per minute waited never lowers THRIVE missing, repeats or vulnerable callers not identified, on the same calls (fixed seed)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.double({ min: 0, max: 0.8, noNaN: true }),
        fc.double({ min: 0, max: 0.7, noNaN: true }),
        (seed, p, q, repeat, vulnerable) => {
          const [lo, hi] = p <= q ? [p, q] : [q, p];
          const a = room(seed, lo, { repeat, vulnerable });
          const b = room(seed, hi, { repeat, vulnerable });
          expect(b['grading.incidentCalls']).toBe(a['grading.incidentCalls']);
          expect(b['callers.vulnerableHandled']).toBe(a['callers.vulnerableHandled']);
          expect(b['callers.repeatsHandled']).toBe(a['callers.repeatsHandled']);
          expect(b['grading.thriveMissing']).toBeGreaterThanOrEqual(a['grading.thriveMissing']);
          expect(b['callers.repeatsNotIdentified']).toBeGreaterThanOrEqual(a['callers.repeatsNotIdentified']);
          expect(b['callers.vulnerableNotIdentified']).toBeGreaterThanOrEqual(a['callers.vulnerableNotIdentified']);
          for (const r of [a, b]) {
            expect(r['grading.thriveMissing']).toBeLessThanOrEqual(r['grading.incidentCalls']);
            expect(r['callers.vulnerableFromHistory'] + r['callers.vulnerableNotIdentified']).toBeLessThanOrEqual(r['callers.vulnerableHandled']);
          }
        },
      ),
      { numRuns: 5, seed: 1517 },
    );
  });

  it('off by default: without the two fields no THRIVE or vulnerability figure is written', () => {
    const r = runYaml(`name: off
start: 2022-01-03T00:00:00Z
timeZone: UTC
horizon: { hours: 6 }
channels:
  "101": { perHour: 10, queue: q }
queues:
  q: { targetSeconds: 60 }
handlers:
  pools: [{ name: h, serves: [q], staff: 2 }]
  handleSeconds: { q: 60 }
grading:
  need: { "101": { priority: 1 } }
  thrive: 0.5
`);
    expect(r['grading.thriveMissingShare']).toBeUndefined();
    expect(r['callers.vulnerableNotIdentifiedShare']).toBeUndefined();
  });
});
