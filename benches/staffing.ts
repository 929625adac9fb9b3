import { loadavg } from 'node:os';
import { loadInput } from '../src/experiment/scenario-input.js';
import { IntervalRunner } from '../src/experiment/staffing/interval-runner.js';
import { searchStaffing } from '../src/experiment/staffing/search.js';
import { parseStaffTarget } from '../src/experiment/staffing/staffing-targets.js';
import type { Bench } from './format.js';

/**
 * "staffing": `callsim staff` on the Avon and Somerset baseline (243 days) for both handler pools,
 * 168 hour-of-week intervals each: 999 answered within 10 s >= 90% and secondary 101 abandonment
 * <= 5%, both every month; 2 worker threads. Target: under 3 minutes on a quiet 2-core machine.
 */
export const staffingBench: Bench = {
  name: 'staffing',
  description: 'staff search on the Avon and Somerset baseline, both pools, 168 intervals, 2 threads (target under 180 s)',
  async run(): Promise<void> {
    const { scenario } = await loadInput('scenarios/avon-somerset-2022.yaml');
    const targets = [
      parseStaffTarget('queues.999.answeredWithin10s>=0.90', 'month', scenario),
      parseStaffTarget('queues.secondary.abandonedRatio<=0.05', 'month', scenario),
    ];
    const threads = Number(process.env.STAFFING_THREADS ?? 2);
    const runner = new IntervalRunner(threads);
    const wall = Date.now();
    const cpu = process.cpuUsage();
    const out = await searchStaffing(
      scenario,
      { pools: ['emergency', 'non-emergency'], interval: 'hourOfWeek', targets, replications: 4, maxReplications: 8, maxStaff: 200, minStaff: 1, maxIterations: 8 },
      runner,
    );
    await runner.close();
    const seconds = (Date.now() - wall) / 1000;
    const used = process.cpuUsage(cpu);
    for (const p of out.pools) {
      const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
      console.log(`  ${p.name}: ${sum(p.required)} handler-hours a week (Erlang per interval ${sum(p.analytic)}, current roster ${Math.round(sum(p.current))})`);
    }
    console.log(`  ${out.iterations.length} simulations, ${runner.replicationsRun} replications of 243 days; final verdicts on ${out.replications} replications`);
    console.log(`  wall ${seconds.toFixed(1)} s, CPU ${((used.user + used.system) / 1e6).toFixed(1)} s (${threads} threads), load average after ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  },
};
