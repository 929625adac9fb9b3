import { describe, expect, it } from 'vitest';
import { CallerCase } from '../../../src/model/dispatch/caller-case.js';
import { IMMEDIATE, PRIORITY, RESOLVED_WITHOUT_DEPLOYMENT, SCHEDULED } from '../../../src/model/dispatch/grades.js';
import { Grader } from '../../../src/model/dispatch/grading.js';
import type { ResolvedGrading } from '../../../src/model/dispatch/types.js';

function grading(extra: Partial<ResolvedGrading> = {}): ResolvedGrading {
  return {
    needByChannel: [], needByQueue: [], flags: { repeat: 0, vulnerable: 0 },
    thrive: 0.78, recogniseRepeat: 0.61, recogniseVulnerable: 0.64, undergradeIfMissed: 0.5, ...extra,
  };
}

function caseOf(needed: number, u: Partial<Pick<CallerCase, 'uThrive' | 'uRepeat' | 'uVulnerable' | 'uUndergrade'>>, flags: { repeat?: boolean; vulnerable?: boolean } = {}): CallerCase {
  const c = new CallerCase(0, needed, 0, 'A', flags.repeat ?? false, flags.vulnerable ?? false);
  Object.assign(c, { uThrive: 0, uRepeat: 0, uVulnerable: 0, uUndergrade: 0 }, u);
  return c;
}

describe('Grader', () => {
  const g = new Grader(grading());

  it('THRIVE done and nothing to recognise: given the needed grade', () => {
    expect(g.grade(caseOf(IMMEDIATE, { uThrive: 0.5 }))).toBe(IMMEDIATE);
  });

  it('THRIVE not done and the under-grade draw below undergradeIfMissed: one grade lower', () => {
    expect(g.grade(caseOf(IMMEDIATE, { uThrive: 0.9, uUndergrade: 0.4 }))).toBe(PRIORITY);
    expect(g.grade(caseOf(PRIORITY, { uThrive: 0.9, uUndergrade: 0.4 }))).toBe(SCHEDULED);
    // Resolved without deployment cannot go lower.
    expect(g.grade(caseOf(RESOLVED_WITHOUT_DEPLOYMENT, { uThrive: 0.9, uUndergrade: 0.4 }))).toBe(RESOLVED_WITHOUT_DEPLOYMENT);
  });

  it('a miss with the under-grade draw above undergradeIfMissed: given the needed grade', () => {
    expect(g.grade(caseOf(IMMEDIATE, { uThrive: 0.9, uUndergrade: 0.6 }))).toBe(IMMEDIATE);
  });

  it('a repeat caller not recognised is a miss; recognised is not', () => {
    expect(g.grade(caseOf(IMMEDIATE, { uRepeat: 0.7 }, { repeat: true }))).toBe(PRIORITY);
    expect(g.grade(caseOf(IMMEDIATE, { uRepeat: 0.5 }, { repeat: true }))).toBe(IMMEDIATE);
    // The same draw on a caller who is not a repeat caller is no miss.
    expect(g.grade(caseOf(IMMEDIATE, { uRepeat: 0.7 }))).toBe(IMMEDIATE);
  });

  it('a vulnerable caller not recognised is a miss', () => {
    expect(g.grade(caseOf(PRIORITY, { uVulnerable: 0.65 }, { vulnerable: true }))).toBe(SCHEDULED);
    expect(g.grade(caseOf(PRIORITY, { uVulnerable: 0.63 }, { vulnerable: true }))).toBe(PRIORITY);
  });

  it('the given-grade matrix decides the grade of an under-graded call', () => {
    const m = new Grader(grading({ undergradeMatrix: { immediate: { priority: 0.25, scheduled: 0.75 } } }));
    // undergradeIfMissed 0.5: the under-grade draw u picks the matrix entry with u / 0.5.
    expect(m.grade(caseOf(IMMEDIATE, { uThrive: 0.9, uUndergrade: 0.1 }))).toBe(PRIORITY);
    expect(m.grade(caseOf(IMMEDIATE, { uThrive: 0.9, uUndergrade: 0.15 }))).toBe(SCHEDULED);
    // Needed grades without a row fall back to one grade lower.
    expect(m.grade(caseOf(PRIORITY, { uThrive: 0.9 }))).toBe(SCHEDULED);
  });

  it('with THRIVE and recognition certain, no draw under-grades', () => {
    const certain = new Grader(grading({ thrive: 1, recogniseRepeat: 1, recogniseVulnerable: 1, undergradeIfMissed: 1 }));
    // Uniforms lie in [0, 1): the largest double below 1 is the hardest case.
    const top = 1 - Number.EPSILON / 2;
    expect(certain.grade(caseOf(IMMEDIATE, { uThrive: top, uRepeat: top, uVulnerable: top }, { repeat: true, vulnerable: true }))).toBe(IMMEDIATE);
  });

  it('without a grading section every call is given the grade it needs', () => {
    expect(new Grader(undefined).grade(caseOf(IMMEDIATE, { uThrive: 0.99, uRepeat: 0.99 }, { repeat: true }))).toBe(IMMEDIATE);
  });
});
