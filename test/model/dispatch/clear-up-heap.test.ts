import { describe, expect, it } from 'vitest';
import { StreamFactory } from '../../../src/engine/random.js';
import { ClearUpHeap } from '../../../src/model/dispatch/clear-up-heap.js';
import { Unit } from '../../../src/model/dispatch/incident.js';

describe('ClearUpHeap', () => {
  it('property: units come out by clear-up instant, ties in the order they were added, across interleaved adds and polls', () => {
    for (const seed of [1, 2, 3]) {
      const stream = new StreamFactory(seed, 0).stream('heap');
      const heap = new ClearUpHeap();
      // The reference: every unit still in, sorted by (instant, order) at each poll.
      const held: { unit: Unit; at: number; order: number }[] = [];
      let order = 0;
      for (let step = 0; step < 3000; step++) {
        if (held.length === 0 || stream.decision() < 0.55) {
          // Few distinct instants, so ties are common.
          const at = Math.floor(stream.decision() * 40) / 4;
          const unit = new Unit(order, 0);
          heap.add(unit, at, order);
          held.push({ unit, at, order });
          order++;
        } else {
          held.sort((a, b) => a.at - b.at || a.order - b.order);
          const want = held.shift() as { unit: Unit; at: number };
          expect(heap.firstAt()).toBe(want.at);
          expect(heap.poll()).toBe(want.unit);
        }
        expect(heap.size).toBe(held.length);
      }
    }
  });

  it('grows past its first capacity and empties', () => {
    const heap = new ClearUpHeap();
    const units = Array.from({ length: 100 }, (_, i) => new Unit(i, 0));
    units.forEach((u, i) => heap.add(u, 100 - i, i));
    const out: number[] = [];
    while (heap.size > 0) out.push(heap.poll().id);
    expect(out).toEqual(units.map((u) => u.id).reverse());
  });
});
