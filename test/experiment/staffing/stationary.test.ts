/**
 * Must-show, stationary check: for one queue with a constant arrival rate and exponential handling
 * (and patience), `staff --interval hourOfDay` returns in every hour the smallest c that Erlang A
 * (or Erlang C without abandonment) says meets the target, or c + 1 only where Erlang's value at c
 * lies inside the simulation's 95% interval at c (the search could not tell, so it staffed up).
 * Fixed seeds; short horizons (six days after a four-hour warm-up).
 */
import { describe, expect, it } from 'vitest';
import { IntervalRunner } from '../../../src/experiment/staffing/interval-runner.js';
import { searchStaffing, withStaffing } from '../../../src/experiment/staffing/search.js';
import { parseStaffTarget } from '../../../src/experiment/staffing/staffing-targets.js';
import { byInterval } from '../../../src/experiment/staffing/verdicts.js';
import { requiredServers, stationaryMeasure } from '../../../src/metrics/analytical/erlang-staffing.js';
import { singleQueue } from '../../support/scenarios.js';

interface Case {
  name: string;
  perHour: number;
  handleMean: number;
  patienceMean?: number;
  targetSeconds: number;
  target: string;
  seed: number;
}

const CASES: Case[] = [
  { name: 'M/M/c+M, abandonment <= 3.5%', perHour: 200, handleMean: 180, patienceMean: 300, targetSeconds: 20, target: 'queues.999.abandonedRatio<=0.035', seed: 3 },
  { name: 'M/M/c+M, service level 20 s >= 80%', perHour: 120, handleMean: 240, patienceMean: 600, targetSeconds: 20, target: 'queues.999.serviceLevel>=0.80', seed: 5 },
  { name: 'M/M/c, service level 15 s >= 80%', perHour: 150, handleMean: 120, targetSeconds: 15, target: 'queues.999.serviceLevel>=0.80', seed: 8 },
];

describe('staff on a stationary queue matches the inverse Erlang A / C in every hour', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const scenario = singleQueue({
        perHour: c.perHour, staff: 1, handle: { exponential: { mean: c.handleMean } },
        patience: c.patienceMean === undefined ? undefined : { exponential: { mean: c.patienceMean } },
        hours: 6 * 24 + 4, warmupHours: 4, targetSeconds: c.targetSeconds, seed: c.seed,
      });
      const target = parseStaffTarget(c.target, 'interval', scenario);
      const queue = { arrivalRate: c.perHour / 3600, serviceRate: 1 / c.handleMean, patienceRate: c.patienceMean === undefined ? 0 : 1 / c.patienceMean };
      const erlang = requiredServers(queue, target.kind, target.thresholdSeconds, target.value, 100);
      const runner = new IntervalRunner(1);
      const options = { pools: ['handlers'], interval: 'hourOfDay' as const, targets: [target], replications: 4, maxReplications: 8, maxStaff: 60, minStaff: 1, maxIterations: 6 };
      const out = await searchStaffing(scenario, options, runner);
      const required = out.pools[0].required;
      expect(required.every((r) => r === erlang || r === erlang + 1)).toBe(true);
      // Where the search staffed up, Erlang's value at c must lie inside the simulation's interval at c.
      const staffedUp = required.flatMap((r, i) => (r === erlang + 1 ? [i] : []));
      if (staffedUp.length > 0) {
        const atC = withStaffing(scenario, [{ kind: 'pool', name: 'handlers', index: 0 }], 'hourOfDay', [new Array<number>(24).fill(erlang)]);
        const records = await runner.run({ scenario: atC, kind: 'hourOfDay', targets: [target] }, Array.from({ length: out.replications }, (_, k) => k));
        const est = byInterval(target, 0, records);
        const exact = stationaryMeasure(queue, erlang, target.kind, target.thresholdSeconds);
        for (const i of staffedUp) expect(Math.abs(est[i].mean - exact)).toBeLessThanOrEqual(est[i].ci95);
      }
      // The analytic column is the same inverse Erlang on the simulated arrival rate (within one handler of the exact one).
      for (const a of out.pools[0].analytic) expect(Math.abs(a - erlang)).toBeLessThanOrEqual(1);
      await runner.close();
    });
  }
});
