import { describe, expect, it } from 'vitest';
import { StreamFactory } from '../../../src/engine/random.js';
import { CallerSampler } from '../../../src/model/dispatch/caller-sampler.js';
import { IMMEDIATE, NO_INCIDENT, PRIORITY, SCHEDULED } from '../../../src/model/dispatch/grades.js';
import type { ResolvedGrading } from '../../../src/model/dispatch/types.js';
import { area, dispatchSpec, scenarioWith } from './scenarios.js';

const grading: ResolvedGrading = {
  needByChannel: [{ immediate: 0.3, priority: 0.5, none: 0.2 }, { scheduled: 1 }],
  needByQueue: [null, { priority: 1 }],
  flags: { repeat: 0.2, vulnerable: 0.1 },
  thrive: 0.78, recogniseRepeat: 0.61, recogniseVulnerable: 0.64, undergradeIfMissed: 0.5,
};
const areas = [area('A', 3, { share: 0.25, travelMinutes: { fixed: 7 } }), area('B', 1, { share: 0.75, kind: 'rural', travelMinutes: { fixed: 11 } })];
const scenario = scenarioWith(dispatchSpec(areas, { onSceneMinutes: { immediate: { fixed: 40 }, priority: { fixed: 25 } } }), grading);

describe('CallerSampler', () => {
  it('draws needs, flags and areas with their probabilities (within 4 standard errors over 20,000 calls)', () => {
    const sampler = new CallerSampler(scenario, new StreamFactory(3, 0));
    const n = 20000;
    let immediate = 0, none = 0, repeat = 0, vulnerable = 0, inB = 0;
    for (let i = 0; i < n; i++) {
      const c = sampler.draw(0, -1);
      if (c.neededIndex === IMMEDIATE) immediate++;
      if (c.neededIndex === NO_INCIDENT) none++;
      if (c.repeat) repeat++;
      if (c.vulnerable) vulnerable++;
      if (c.areaIndex === 1) inB++;
    }
    // A proportion p over n draws has standard error sqrt(p(1-p)/n); 4 of them bound a correct sampler.
    const close = (count: number, p: number): void => expect(Math.abs(count / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
    close(immediate, 0.3);
    close(none, 0.2);
    close(repeat, 0.2);
    close(vulnerable, 0.1);
    close(inB, 0.75);
  });

  it("the planned queue's need mix overrides the channel's", () => {
    const sampler = new CallerSampler(scenario, new StreamFactory(3, 0));
    expect(sampler.draw(1, -1).neededIndex).toBe(SCHEDULED);
    expect(sampler.draw(1, 1).neededIndex).toBe(PRIORITY);
  });

  it('travel and on-scene times are drawn for dispatched needs, in seconds, for the area drawn', () => {
    const sampler = new CallerSampler(scenario, new StreamFactory(3, 0));
    for (let i = 0; i < 200; i++) {
      const c = sampler.draw(0, -1);
      if (c.neededIndex === IMMEDIATE || c.neededIndex === PRIORITY) {
        expect(c.travelSeconds).toBe(c.areaIndex === 0 ? 420 : 660);
        expect(c.onSceneSeconds).toBe(c.neededIndex === IMMEDIATE ? 2400 : 1500);
      } else {
        expect(Number.isNaN(c.travelSeconds)).toBe(true);
      }
    }
  });

  it("the trace's area and need override the draws (unknown ones are refused when the trace is read)", () => {
    const sampler = new CallerSampler(scenario, new StreamFactory(3, 0));
    const c = sampler.draw(0, -1, { areaIndex: 1, need: 'immediate' });
    expect([c.area, c.areaIndex, c.needed]).toEqual(['B', 1, 'immediate']);
  });

  it("one channel's draws never shift another's: 999 callers are the same whether or not 101 callers were drawn between them", () => {
    const a = new CallerSampler(scenario, new StreamFactory(9, 2));
    const b = new CallerSampler(scenario, new StreamFactory(9, 2));
    const plain = Array.from({ length: 50 }, () => a.draw(0, -1));
    const mixed = Array.from({ length: 50 }, () => {
      b.draw(1, 1);
      b.drawChase(0, IMMEDIATE, 0, false);
      return b.draw(0, -1);
    });
    expect(mixed).toEqual(plain);
  });
});
