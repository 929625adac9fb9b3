/**
 * Must-show, the ISA paper's finding (Feldman, Mandelbaum, Massey and Whitt 2008): with a
 * sinusoidal arrival rate and long handling (mean 2 hours), staffing each hour by stationary Erlang C
 * on that hour's arrivals misses the service-level target in the hours after the peak, because
 * calls that arrived at the peak are still being served; callsim's staffing meets it there.
 * Both halves are checked on a fresh simulation of each staffing (the same seed, common random numbers).
 */
import { describe, expect, it } from 'vitest';
import { IntervalRunner } from '../../../src/experiment/staffing/interval-runner.js';
import { searchStaffing, withStaffing } from '../../../src/experiment/staffing/search.js';
import { parseStaffTarget } from '../../../src/experiment/staffing/staffing-targets.js';
import { byInterval } from '../../../src/experiment/staffing/verdicts.js';
import type { ResolvedScenario } from '../../../src/model/resolved.js';
import { singleQueue } from '../../support/scenarios.js';

// Arrivals 1 + 0.6 sin(2π(h - 6)/24): the peak hour is 12:00-13:00.
const WEIGHTS = Array.from({ length: 24 }, (_, h) => 1 + 0.6 * Math.sin((2 * Math.PI * (h - 6)) / 24));
const PEAK = 12;
// With 2-hour handling the load peaks about two hours after the arrivals; the declining hours after that carry the peak's calls.
const AFTER_PEAK = [16, 17, 18, 19];

function sinusoidal(): ResolvedScenario {
  const base = singleQueue({ perHour: 40, staff: 1, handle: { exponential: { mean: 7200 } }, hours: 24 * 9, warmupHours: 24, targetSeconds: 20, seed: 21 });
  return { ...base, channels: base.channels.map((c) => ({ ...c, rate: { perHour: 40, hourOfDay: WEIGHTS } })) };
}

describe('time-varying load: per-interval Erlang misses after the peak, the simulated staffing does not', () => {
  it('sinusoidal arrivals, 2-hour handling, service level 20 s >= 80% each hour', async () => {
    const scenario = sinusoidal();
    const target = parseStaffTarget('queues.999.serviceLevel>=0.80', 'interval', scenario);
    const runner = new IntervalRunner(1);
    const out = await searchStaffing(scenario, { pools: ['handlers'], interval: 'hourOfDay', targets: [target], replications: 4, maxReplications: 8, maxStaff: 200, minStaff: 1, maxIterations: 6 }, runner);
    const { analytic, required } = out.pools[0];
    expect(WEIGHTS.indexOf(Math.max(...WEIGHTS))).toBe(PEAK);
    const simulate = async (staff: number[]) => {
      const records = await runner.run({ scenario: withStaffing(scenario, [{ kind: 'pool', name: 'handlers', index: 0 }], 'hourOfDay', [staff]), kind: 'hourOfDay', targets: [target] }, [0, 1, 2, 3, 4, 5]);
      return byInterval(target, 0, records);
    };
    const erlangRun = await simulate(analytic);
    const simRun = await simulate(required);
    // First half: stationary Erlang staffing misses (the whole 95% interval below 80%) after the peak.
    for (const h of AFTER_PEAK) expect(erlangRun[h].mean + erlangRun[h].ci95).toBeLessThan(0.8);
    // Second half: callsim's staffing meets it there, with more handlers than Erlang asked for.
    for (const h of AFTER_PEAK) {
      expect(simRun[h].mean).toBeGreaterThanOrEqual(0.8);
      expect(required[h]).toBeGreaterThan(analytic[h]);
    }
    await runner.close();
  });
});
