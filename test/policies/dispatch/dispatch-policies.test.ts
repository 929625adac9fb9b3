import { describe, expect, it } from 'vitest';
import { DISPATCH_POLICIES, makeDispatchPolicy } from '../../../src/policies/dispatch/dispatch-policies.js';

// Grade indices: 0 immediate, 1 priority, 2 scheduled, 3 resolved without deployment.
const waiting = (...counts: number[]): Int32Array => Int32Array.from([...counts, 0, 0, 0, 0].slice(0, 4));

describe('dispatch policies', () => {
  it('registers gradeFirst and cutOffReserve', () => {
    expect(DISPATCH_POLICIES).toEqual(['cutOffReserve', 'gradeFirst']);
  });

  it('gradeFirst takes the most urgent dispatched grade waiting', () => {
    const p = makeDispatchPolicy({ kind: 'gradeFirst' }, [1, 0]);
    expect(p(waiting(0, 0), 1)).toBe(-1);
    expect(p(waiting(0, 3), 1)).toBe(1);
    expect(p(waiting(2, 3), 1)).toBe(0);
    // Grades that get no units are never chosen.
    expect(p(waiting(0, 0, 5), 1)).toBe(-1);
  });

  it('cutOffReserve keeps k units for Immediate: other grades go only while more than k are free', () => {
    const p = makeDispatchPolicy({ kind: 'cutOffReserve', reserveUnits: 2 }, [0, 1, 2]);
    expect(p(waiting(0, 1), 3)).toBe(1);
    expect(p(waiting(0, 1), 2)).toBe(-1);
    expect(p(waiting(0, 0, 1), 2)).toBe(-1);
    expect(p(waiting(1, 1), 1)).toBe(0);
    expect(p(waiting(0, 0, 1), 3)).toBe(2);
  });

  it('cutOffReserve with k = 0 is gradeFirst', () => {
    const reserve = makeDispatchPolicy({ kind: 'cutOffReserve', reserveUnits: 0 }, [0, 1]);
    const first = makeDispatchPolicy({ kind: 'gradeFirst' }, [0, 1]);
    for (const w of [waiting(0, 1), waiting(1, 1), waiting(0, 0), waiting(2, 0)]) for (const free of [1, 2, 5]) expect(reserve(w, free)).toBe(first(w, free));
  });

  it('bad parameters and unknown names are clear errors', () => {
    expect(() => makeDispatchPolicy({ kind: 'cutOffReserve', reserveUnits: -1 }, [0])).toThrow(/dispatch.policy.reserveUnits: expected a non-negative integer/);
    expect(() => makeDispatchPolicy({ kind: 'nearest' } as never, [0])).toThrow(/dispatch.policy.kind: expected one of cutOffReserve, gradeFirst, found "nearest"/);
  });
});
