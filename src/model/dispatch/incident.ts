import type { EventHandle } from '../../engine/simulator.js';
import type { CallerCase } from './caller-case.js';

/** Where an incident is in its life. */
export const WAITING = 0;
export const TRAVELLING = 1;
export const ON_SCENE = 2;
export const CLEARED = 3;

/**
 * One incident that gets units: created when the handler finishes the call (or during it),
 * waiting for a unit, then a unit travels to it and stays on scene. Attended once, when the first
 * unit arrives.
 */
export class Incident {
  /** WAITING, TRAVELLING, ON_SCENE or CLEARED. */
  state = WAITING;
  /** Grade index currently given (upgrades raise it). */
  given: number;
  /** The unit assigned (travelling or on scene), or null. */
  unit: Unit | null = null;
  /** Index in the centre's list of unattended incidents (swap-removal), or -1. */
  openSlot = -1;
  /** Pending re-grading, chasing-call and victim-update events (null when none). */
  upgradeEvent: EventHandle | null = null;
  chaseEvent: EventHandle | null = null;
  victimEvent: EventHandle | null = null;
  /** True once a victim update fell due and was not made yet. */
  victimOwed = false;
  /** Priority Standard rather than High when Priority is split (its caller's arrival draw decides). */
  standard = false;
  /** Place in its grade's line: the id, or after every Priority High incident when Priority Standard. */
  orderKey: number;

  constructor(
    readonly id: number,
    readonly areaIndex: number,
    readonly neededIndex: number,
    given: number,
    /** When the incident was created (simulated seconds). */
    readonly createdAt: number,
    /** When the attendance clock started: creation, or the call's connect time. */
    readonly clockFrom: number,
    readonly counted: boolean,
    /** The first caller's case (travel and on-scene times, channel for chasing calls). */
    readonly caller: CallerCase,
  ) {
    this.given = given;
    this.orderKey = id;
  }

  /** Still waiting for, or waiting on a travelling, unit. */
  get unattended(): boolean {
    return this.state <= TRAVELLING;
  }
}

/** One response unit of an area. */
export class Unit {
  /** The incident it serves (travelling or on scene), or null when free. */
  incident: Incident | null = null;
  /** Arrival-on-scene event while travelling (null otherwise: clear-ups are posted without a handle). */
  event: EventHandle | null = null;
  /** While on scene without an event: when it clears up, and its place among units clearing then (`QuietClearUps`). */
  clearAt = 0;
  clearOrder = 0;
  /** False once the unit has gone off duty. */
  onDuty = true;

  constructor(
    readonly id: number,
    /** The area whose roster it belongs to. */
    readonly homeArea: number,
  ) {}
}
