import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Area } from '../../../src/model/dispatch/area.js';

describe('Area headcount', () => {
  it('staffed follows the roster, busy units leave only when released, and units are reused (at most the peak)', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 3 })), { maxLength: 40 }), (steps) => {
      const area = new Area(0, 'A', 'urban', new Float64Array(4), Infinity, { next: 0 });
      const busy = [];
      let peak = 0;
      for (const [headcount, takeBusy] of steps) {
        area.setHeadcount(headcount);
        peak = Math.max(peak, area.present);
        expect(area.staffed).toBe(headcount);
        expect(area.present).toBe(area.free.length + area.busy);
        // Some free units go busy, and one busy unit is released.
        for (let k = 0; k < takeBusy && area.free.length > 0; k++) {
          busy.push(area.free.pop()!);
          area.busy++;
        }
        const done = busy.shift();
        if (done !== undefined) area.release(done);
        expect(area.present).toBe(area.free.length + area.busy);
        expect(area.staffed).toBeGreaterThanOrEqual(0);
      }
      expect(area.units.length).toBeLessThanOrEqual(peak);
      expect(new Set(area.free).size).toBe(area.free.length);
      for (const unit of area.free) expect(unit.onDuty).toBe(true);
    }));
  });
});
