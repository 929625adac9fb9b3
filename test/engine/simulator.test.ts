import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/engine/simulator.js';
import { SameInstant } from '../../src/engine/priorities.js';

describe('Simulator', () => {
  it('runs equal-time events by same-instant priority, then in scheduling order', () => {
    const sim = new Simulator();
    const log: string[] = [];
    const note = (label: string): void => {
      log.push(`${sim.now}:${label}`);
    };
    sim.schedule(5, note, 'arrival-a', SameInstant.arrival);
    sim.schedule(5, note, 'release', SameInstant.release);
    sim.schedule(5, note, 'arrival-b', SameInstant.arrival);
    sim.schedule(1, note, 'early', SameInstant.observe);
    sim.run();
    expect(log).toEqual(['1:early', '5:release', '5:arrival-a', '5:arrival-b']);
  });

  it('skips a cancelled event and stops the clock at the run limit', () => {
    const sim = new Simulator();
    const log: number[] = [];
    const handle = sim.schedule(3, (x: number) => log.push(x), 3);
    sim.schedule(4, (x: number) => log.push(x), 4);
    sim.schedule(20, (x: number) => log.push(x), 20);
    sim.cancel(handle);
    sim.run(10);
    expect(log).toEqual([4]);
    expect(sim.now).toBe(10);
    expect(sim.pending).toBe(1);
  });
});
