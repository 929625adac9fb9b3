import type { CallerCase } from './caller-case.js';
import { cumulativeMix, INCIDENT_GRADES, NO_INCIDENT, pick, RESOLVED_WITHOUT_DEPLOYMENT } from './grades.js';
import { Recognition } from './recognition.js';
import { GRADES, type ResolvedGrading } from './types.js';

/**
 * The handler's grading of a call: the given grade from the needed grade and the caller's case.
 *
 * A miss is a THRIVE assessment not done, or a repeat or vulnerable caller not recognised
 * (`recognition.ts` decides each). A call
 * with a miss is under-graded with probability `undergradeIfMissed`: to the next grade down
 * (never below resolved without deployment), or by `undergradeMatrix[needed]` when given. A call
 * without a miss is given the grade it needs, so when THRIVE and recognition are certain (all 1)
 * nothing is ever under-graded. Every decision compares a uniform drawn at arrival, so grading
 * draws nothing here.
 */
export class Grader {
  readonly recognition: Recognition;
  private readonly undergrade: number;
  /** Cumulative given-grade tables per needed grade index, or null for "one grade down". */
  private readonly matrix: (Float64Array | null)[];

  constructor(grading: ResolvedGrading | undefined) {
    this.recognition = new Recognition(grading);
    this.undergrade = grading?.undergradeIfMissed ?? 0;
    const matrix = grading?.undergradeMatrix ?? {};
    this.matrix = GRADES.map((grade) => {
      const row = matrix[grade];
      return row === undefined ? null : cumulativeMix(row);
    });
  }

  /** True when the handler missed something on this call (THRIVE, or a flag not recognised). */
  missed(c: CallerCase): boolean {
    return this.recognition.missed(c);
  }

  /** The given grade index for a case (also stored in `c.givenIndex`). */
  grade(c: CallerCase): number {
    const needed = c.neededIndex;
    let given = needed;
    if (needed < NO_INCIDENT && c.uUndergrade < this.undergrade && this.missed(c)) {
      const row = this.matrix[needed];
      // Given u < p, u / p is uniform on [0, 1): the same draw picks the matrix entry.
      if (row !== null) given = pick(row, c.uUndergrade / this.undergrade);
      else given = needed < RESOLVED_WITHOUT_DEPLOYMENT ? needed + 1 : needed;
      // A matrix may not turn an incident into "no incident": the call was still logged.
      if (given >= INCIDENT_GRADES) given = RESOLVED_WITHOUT_DEPLOYMENT;
    }
    c.givenIndex = given;
    return given;
  }

  /** True when a chasing caller is recognised as a repeat caller. */
  recognisesRepeat(c: CallerCase): boolean {
    return this.recognition.repeatRecognised(c);
  }
}
