import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ModelMonitor } from '../../../src/model/monitor.js';
import { runYaml } from '../callers/run-yaml.js';
import { Harness } from './harness.js';
import { area, dispatchSpec, scenarioWith } from './scenarios.js';

const MIN = 60;
const SPLIT = { high: 0.5, targets: { high: { urban: 60, rural: 60 }, standard: { urban: 120, rural: 120 } } };

/** Priority incidents of one area (one unit of 10 to 40), 999 calls only; `split` written under dispatch. */
function room(seed: number, split: string, units = 2): Record<string, number> {
  return runYaml(`name: priority split
start: 2022-01-03T00:00:00Z
timeZone: UTC
horizon: { days: 3 }
seed: ${seed}
channels:
  "999": { perHour: 6, queue: "999" }
queues:
  "999": { targetSeconds: 10 }
handlers:
  pools: [{ name: h, serves: ["999"], staff: 4 }]
  handleSeconds: { "999": { exponential: { mean: 200 } } }
grading:
  need: { "999": { immediate: 0.2, priority: 0.6, scheduled: 0.2 } }
dispatch:
  areas:
    - { name: a, kind: urban, share: 1, units: ${units}, travelMinutes: { exponential: { mean: 10 } } }
  onSceneMinutes: { immediate: { exponential: { mean: 20 } }, priority: { exponential: { mean: 20 } } }
  targets: { priority: 60 }
${split}
`);
}

describe('priority split (dispatch.prioritySplit)', () => {
  it('hand-computable: one unit busy until 35 min; Standard at 1 min, High at 2, Immediate at 3 are attended Immediate, High, Standard (37, 73, 109 min)', () => {
    const h = new Harness(scenarioWith(dispatchSpec([area('A', 1)], { prioritySplit: SPLIT })));
    const tiers: { standard: boolean; minutes: number }[] = [];
    (h.monitor as ModelMonitor).priorityTierAttended = (_area, standard, seconds) => tiers.push({ standard, minutes: seconds / MIN });
    h.handAt(0, 'priority', 5 * MIN, 30 * MIN).uPriorityHigh = 0; // High: the unit is busy until 35 min
    h.handAt(1 * MIN, 'priority', 5 * MIN, 30 * MIN).uPriorityHigh = 0.9; // Standard
    h.handAt(2 * MIN, 'priority', 5 * MIN, 30 * MIN).uPriorityHigh = 0.1; // High
    h.handAt(3 * MIN, 'immediate', 5 * MIN, 30 * MIN);
    h.run(10 * 3600);
    // Free at 35: Immediate (created 3, arrives 40, clears 70), then High (created 2, arrives 75,
    // clears 105), then Standard (created 1, arrives 110), though Standard was created first.
    const attended = h.monitor.attended();
    expect(attended.map((r) => [r.given, r.at / MIN])).toEqual([['priority', 5], ['immediate', 40], ['priority', 75], ['priority', 110]]);
    expect(attended.map((r) => r.seconds / MIN)).toEqual([5, 37, 73, 109]);
    expect(tiers).toEqual([{ standard: false, minutes: 5 }, { standard: false, minutes: 73 }, { standard: true, minutes: 109 }]);
  });

  it('hand-computable: tier metrics judge a tier against its own target: ten Standard incidents, one unit, 30 min each: 9 of 10 within the Standard target of 240 min, 3 of 10 within the Priority target of 60', () => {
    const r = runYaml(`name: split targets by hand
start: 2022-01-03T00:00:00Z
timeZone: UTC
horizon: { days: 1 }
trace: calls.csv
channels:
  "999": { queue: "999" }
queues:
  "999": { targetSeconds: 10 }
handlers:
  pools: [{ name: h, serves: ["999"], staff: 10 }]
  handleSeconds: { "999": 60 }
grading:
  need: { "999": { priority: 1 } }
dispatch:
  areas:
    - { name: a, kind: urban, share: 1, units: 1, travelMinutes: 0 }
  onSceneMinutes: { priority: 30 }
  prioritySplit: { high: 0, targetMinutes: { high: 60, standard: 240 } }
`, 'arrival,channel\n' + Array.from({ length: 10 }, () => '0,999').join('\n') + '\n');
    // Ten Standard incidents created at 60 s, one unit, 30 min each: attended after 0, 30, ... 270 min.
    expect(r['incidents.priorityStandard.count']).toBe(10);
    expect(r['incidents.priorityHigh.count']).toBe(0);
    expect(r['incidents.priorityStandard.all.attended']).toBe(10);
    expect(r['incidents.priorityStandard.all.breaches']).toBe(1);
    expect(r['incidents.priorityStandard.all.withinTarget']).toBeCloseTo(0.9, 12);
    // The one Priority grade's own figure keeps its 60-minute target: 3 of 10 within.
    expect(r['incidents.priority.all.withinTarget']).toBeCloseTo(0.3, 12);
  });

  it('property: every Priority incident is in exactly one tier, and with a High share of 1 (or 0) and equal targets every Priority figure equals the unsplit run\'s (common random numbers, fixed seed)', () => {
    const same = (h: number): string => `  prioritySplit: { high: ${h}, targetMinutes: { high: 60, standard: 60 } }`;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 3 }), (seed, high, units) => {
        const base = room(seed, '', units);
        const split = room(seed, `  prioritySplit: { high: ${high}, targetMinutes: { high: 60, standard: 240 } }`, units);
        expect(split['incidents.priorityHigh.count'] + split['incidents.priorityStandard.count']).toBe(split['incidents.priority.count']);
        for (const m of ['attended', 'open']) {
          expect(split[`incidents.priorityHigh.all.${m}`] + split[`incidents.priorityStandard.all.${m}`]).toBe(split[`incidents.priority.all.${m}`]);
        }
        for (const h of [0, 1]) {
          const r = room(seed, same(h), units);
          for (const [name, value] of Object.entries(base)) if (name.startsWith('incidents.')) expect([name, r[name]]).toEqual([name, value]);
        }
      }),
      { numRuns: 4, seed: 1551 },
    );
  });
});
