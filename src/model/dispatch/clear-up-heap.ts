import type { Unit } from './incident.js';

/**
 * Units on scene by clear-up instant, then by the order they were added (so units clearing at one
 * instant come out in the order they went on scene): a binary heap whose keys sit in typed arrays
 * beside the units. Comparing two keys is then two array reads, where a heap with a comparator
 * function calls it and reads two units' boxed fields at every step (`QuietClearUps` adds and
 * removes one unit per incident; measured in the commit that adds this file).
 */
export class ClearUpHeap {
  private units: (Unit | null)[] = [];
  private at = new Float64Array(16);
  private order = new Float64Array(16);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Clear-up instant of the first unit out (only when `size` > 0). */
  firstAt(): number {
    return this.at[0];
  }

  /** Add `unit` clearing at `at`; `order` breaks ties (smaller first) and must differ between units. */
  add(unit: Unit, at: number, order: number): void {
    if (this.count === this.at.length) this.grow();
    const keys = this.at;
    const orders = this.order;
    const units = this.units;
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pAt = keys[parent];
      if (pAt < at || (pAt === at && orders[parent] < order)) break;
      keys[i] = pAt;
      orders[i] = orders[parent];
      units[i] = units[parent];
      i = parent;
    }
    keys[i] = at;
    orders[i] = order;
    units[i] = unit;
  }

  /** Remove and return the first unit out (only when `size` > 0). */
  poll(): Unit {
    const units = this.units;
    const first = units[0] as Unit;
    const n = --this.count;
    const keys = this.at;
    const orders = this.order;
    // The last entry sifts down from the root.
    const at = keys[n];
    const order = orders[n];
    const unit = units[n];
    units[n] = null;
    if (n === 0) return first;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && (keys[right] < keys[child] || (keys[right] === keys[child] && orders[right] < orders[child]))) child = right;
      const cAt = keys[child];
      if (at < cAt || (at === cAt && order < orders[child])) break;
      keys[i] = cAt;
      orders[i] = orders[child];
      units[i] = units[child];
      i = child;
    }
    keys[i] = at;
    orders[i] = order;
    units[i] = unit;
    return first;
  }

  private grow(): void {
    const at = new Float64Array(this.at.length * 2);
    at.set(this.at);
    this.at = at;
    const order = new Float64Array(this.order.length * 2);
    order.set(this.order);
    this.order = order;
  }
}
