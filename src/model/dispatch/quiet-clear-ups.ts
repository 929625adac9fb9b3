import FastPriorityQueue from 'fastpriorityqueue';
import { SameInstant } from '../../engine/priorities.js';
import type { Simulator } from '../../engine/simulator.js';
import type { ModelMonitor } from '../monitor.js';
import type { Area } from './area.js';
import { CLEARED, type Incident, type Unit } from './incident.js';

const clearsFirst = (a: Unit, b: Unit): boolean => a.clearAt < b.clearAt || (a.clearAt === b.clearAt && a.clearOrder < b.clearOrder);

/**
 * Units on scene whose clear-up nobody is waiting for, per home area, by clear-up instant. A unit
 * that clears while no incident waits in its area, nor in an area it may help, only becomes free
 * and lowers the busy count: no dispatch decision follows. Such a clear-up needs no simulator
 * event: it is settled, in the order clear-ups fall due, before anything next looks at the area's
 * units (a dispatch, a roster change, the horizon) and reported at its own instant, so every
 * record and result is the one an event per clear-up gives. When an incident starts waiting,
 * the clear-ups of its area and of the areas that may help it get their events back (`wakeFor`).
 * Most units of a force are on scene at any time (cc2: about 90 of 120), so this spares the
 * future-event list one event per incident; measured in the commit that adds this file.
 */
export class QuietClearUps {
  private readonly onScene: FastPriorityQueue<Unit>[];
  private nextOrder = 0;

  constructor(
    private readonly sim: Simulator,
    private readonly areas: readonly Area[],
    private readonly monitor: ModelMonitor,
    /** The clear-up event's action (`UnitDispatcher`), for clear-ups that get their events back. */
    private readonly onClear: (unit: Unit) => void,
  ) {
    this.onScene = areas.map(() => new FastPriorityQueue<Unit>(clearsFirst));
  }

  /** Keep `unit`'s clear-up at `at` here; false when it is a decision (it then needs an event). */
  tryAdd(unit: Unit, at: number): boolean {
    const home = this.areas[unit.homeArea];
    if (home.waiting > 0) return false;
    for (let i = 0; i < home.helps.length; i++) if (home.helps[i].waiting > 0) return false;
    unit.clearAt = at;
    unit.clearOrder = this.nextOrder++;
    this.onScene[home.index].add(unit);
    return true;
  }

  /** Clear, in order, every unit of `area` due at or before `at`. */
  settle(area: Area, at: number): void {
    const units = this.onScene[area.index];
    while (units.size > 0 && (units.peek() as Unit).clearAt <= at) this.clear(units.poll() as Unit);
  }

  /** An incident waits in `area`: its units' clear-ups, and those of the areas that may help it, get events. */
  wakeFor(area: Area): void {
    this.wake(area);
    for (let i = 0; i < area.neighbours.length; i++) this.wake(area.neighbours[i]);
  }

  private wake(area: Area): void {
    const units = this.onScene[area.index];
    if (units.size === 0) return;
    this.settle(area, this.sim.now);
    // In clear-up order, so units clearing at one instant keep their order.
    while (units.size > 0) {
      const unit = units.poll() as Unit;
      this.sim.post(unit.clearAt, this.onClear, unit, SameInstant.release);
    }
  }

  /** What the clear-up event does, at the unit's own instant, with no dispatch to follow. */
  private clear(unit: Unit): void {
    const incident = unit.incident as Incident;
    incident.state = CLEARED;
    incident.unit = null;
    unit.incident = null;
    const home = this.areas[unit.homeArea];
    home.release(unit);
    this.monitor.unitLevel(home.index, unit.clearAt, home.busy, home.present);
  }
}
