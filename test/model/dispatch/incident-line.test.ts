import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CallerCase } from '../../../src/model/dispatch/caller-case.js';
import { Incident } from '../../../src/model/dispatch/incident.js';
import { IncidentLine } from '../../../src/model/dispatch/incident-line.js';

const incident = (id: number): Incident => new Incident(id, 0, 0, 0, id, id, true, new CallerCase(0, 0, 0, 'A', false, false));
const ids = (line: IncidentLine): number[] => {
  const out: number[] = [];
  line.forEach((i) => out.push(i.id));
  return out;
};

describe('IncidentLine', () => {
  it('keeps incidents in order of id whatever the order of insertion, through growth and removal', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 500 }), { maxLength: 80 }), fc.array(fc.nat(), { maxLength: 20 }), (order, removals) => {
      const line = new IncidentLine(2);
      const byId = new Map(order.map((id) => [id, incident(id)]));
      for (const id of order) line.insert(byId.get(id)!);
      const expected = [...order].sort((a, b) => a - b);
      for (const r of removals) {
        if (expected.length === 0) break;
        const [id] = expected.splice(r % expected.length, 1);
        expect(line.remove(byId.get(id)!)).toBe(true);
      }
      expect(ids(line)).toEqual(expected);
      expect(line.size).toBe(expected.length);
      const shifted: number[] = [];
      for (let i = line.shift(); i !== undefined; i = line.shift()) shifted.push(i.id);
      expect(shifted).toEqual(expected);
    }));
  });

  it('an incident put back after younger ones joined goes to the front; removing one not there returns false', () => {
    const line = new IncidentLine();
    const [a, b, c] = [incident(1), incident(2), incident(3)];
    line.insert(b);
    line.insert(c);
    line.insert(a);
    expect(line.peek()).toBe(a);
    expect(line.remove(incident(9))).toBe(false);
  });
});
