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

  it('post orders events exactly as schedule does (time, priority, scheduling order), interleaved with cancellable ones', () => {
    const sim = new Simulator();
    const log: string[] = [];
    const note = (label: string): void => {
      log.push(`${sim.now}:${label}`);
    };
    sim.post(5, note, 'posted-arrival', SameInstant.arrival);
    const cancelled = sim.schedule(5, note, 'cancelled', SameInstant.arrival);
    sim.schedule(5, note, 'scheduled-arrival', SameInstant.arrival);
    sim.post(5, note, 'posted-release', SameInstant.release);
    sim.post(2, (label: string) => {
      note(label);
      // The first event an action adds takes the running event's place at the root.
      sim.post(3, note, 'posted-from-action', SameInstant.arrival);
    }, 'posted-early', SameInstant.arrival);
    sim.cancel(cancelled);
    expect(sim.pending).toBe(4);
    expect(sim.peekTime()).toBe(2);
    sim.run();
    expect(log).toEqual(['2:posted-early', '3:posted-from-action', '5:posted-release', '5:posted-arrival', '5:scheduled-arrival']);
    expect(sim.pending).toBe(0);
    expect(sim.eventsRun).toBe(5);
    expect(() => sim.post(1, note, 'past')).toThrow(RangeError);
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
