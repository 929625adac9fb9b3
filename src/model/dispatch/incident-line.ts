import type { Incident } from './incident.js';

/**
 * Incidents of one grade waiting for a unit, in order of creation (incident id; Priority Standard
 * after Priority High when Priority is split: `Incident.orderKey`). New incidents
 * join at the tail; an upgraded or diverted incident is inserted at its place by id, which puts a
 * diverted one back at the front of its grade. A growable ring buffer: steady traffic allocates
 * nothing; removal from the middle (an upgrade) shifts entries, which is rare and short.
 */
export class IncidentLine {
  private items: (Incident | undefined)[];
  private head = 0;
  private count = 0;
  private mask: number;

  constructor(initialCapacity = 16) {
    let capacity = 8;
    while (capacity < initialCapacity) capacity *= 2;
    this.items = new Array<Incident | undefined>(capacity);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.count;
  }

  /** The oldest waiting incident, or undefined. */
  peek(): Incident | undefined {
    return this.count > 0 ? this.items[this.head] : undefined;
  }

  /** Remove and return the oldest waiting incident. */
  shift(): Incident | undefined {
    if (this.count === 0) return undefined;
    const item = this.items[this.head];
    this.items[this.head] = undefined;
    this.head = (this.head + 1) & this.mask;
    this.count--;
    return item;
  }

  /** Insert in order of id (at the tail for a new incident). */
  insert(incident: Incident): void {
    if (this.count === this.items.length) this.grow();
    const items = this.items;
    const mask = this.mask;
    let slot = (this.head + this.count) & mask;
    // Walk back from the tail past younger incidents.
    let moved = 0;
    while (moved < this.count) {
      const before = (slot - 1) & mask;
      const other = items[before] as Incident;
      if (other.orderKey < incident.orderKey) break;
      items[slot] = other;
      slot = before;
      moved++;
    }
    items[slot] = incident;
    this.count++;
  }

  /** Remove an incident from anywhere in the line; returns false when it is not there. */
  remove(incident: Incident): boolean {
    const items = this.items;
    const mask = this.mask;
    for (let k = 0; k < this.count; k++) {
      const slot = (this.head + k) & mask;
      if (items[slot] !== incident) continue;
      for (let j = k; j < this.count - 1; j++) items[(this.head + j) & mask] = items[(this.head + j + 1) & mask];
      items[(this.head + this.count - 1) & mask] = undefined;
      this.count--;
      return true;
    }
    return false;
  }

  /** Visit waiting incidents from oldest to youngest. */
  forEach(visit: (incident: Incident) => void): void {
    for (let k = 0; k < this.count; k++) visit(this.items[(this.head + k) & this.mask] as Incident);
  }

  private grow(): void {
    const old = this.items;
    const next = new Array<Incident | undefined>(old.length * 2);
    for (let k = 0; k < this.count; k++) next[k] = old[(this.head + k) & this.mask];
    this.items = next;
    this.head = 0;
    this.mask = next.length - 1;
  }
}
