import type { CallerCase } from './caller-case.js';
import type { ResolvedGrading } from './types.js';

/**
 * What the handler does on a call (issue 15): a structured THRIVE assessment or not, and whether a
 * repeat or vulnerable caller is recognised. Every decision compares a uniform the case drew at
 * arrival, so nothing is drawn here and common random numbers hold.
 *
 * By default each is a fixed probability (`grading.thrive`, `recogniseRepeat`,
 * `recogniseVulnerable`), independent of the others and of load. Two optional parts make them
 * outcomes of the floor:
 * - THRIVE under load (`thriveLossPerMinuteWaited`, l): at answer the chance is
 *   thrive x (1 - l)^(minutes the caller waited), a handler taking a caller who queued long,
 *   with more queued behind, cuts the structured questions;
 * - recognition from the assessment (`withoutThrive`): the recognition probabilities depend on
 *   whether THRIVE was done, and a vulnerable caller recognised as a repeat, whose earlier call was
 *   recognised vulnerable, is recognised from that history (the record shows it).
 */
export class Recognition {
  private readonly thrive: number;
  private readonly repeatWith: number;
  private readonly vulnerableWith: number;
  private readonly repeatWithout: number;
  private readonly vulnerableWithout: number;
  /** ln(1 - l) per second of wait, or 0 when THRIVE does not depend on load. */
  private readonly logKeepPerSecond: number;
  /** True when THRIVE depends on the wait (decided at answer). */
  readonly underLoad: boolean;
  /** True when recognition depends on THRIVE and history. */
  readonly fromThrive: boolean;

  constructor(grading: ResolvedGrading | undefined) {
    this.thrive = grading?.thrive ?? 1;
    this.repeatWith = grading?.recogniseRepeat ?? 1;
    this.vulnerableWith = grading?.recogniseVulnerable ?? 1;
    const without = grading?.withoutThrive;
    this.fromThrive = without !== undefined;
    this.repeatWithout = without?.recogniseRepeat ?? this.repeatWith;
    this.vulnerableWithout = without?.recogniseVulnerable ?? this.vulnerableWith;
    const loss = grading?.thriveLossPerMinuteWaited;
    this.underLoad = loss !== undefined;
    this.logKeepPerSecond = loss === undefined ? 0 : Math.log1p(-loss) / 60;
  }

  /** True when either optional part is on (the collector then reports THRIVE and vulnerability). */
  get modelled(): boolean {
    return this.underLoad || this.fromThrive;
  }

  /** The chance THRIVE is done on a call answered after waiting `waitSeconds` (thrive when not under load). */
  thriveChance(waitSeconds: number): number {
    if (!this.underLoad || !(waitSeconds > 0)) return this.thrive;
    // (1 - l)^minutes; a loss of 1 leaves no chance after any wait (log1p(-1) = -Infinity).
    return this.thrive * Math.exp(this.logKeepPerSecond * waitSeconds);
  }

  /** At answer: fix the case's THRIVE chance from the caller's wait (only under load). */
  answered(c: CallerCase, waitSeconds: number): void {
    if (this.underLoad) c.thriveChance = this.thriveChance(waitSeconds);
  }

  /** True when the handler does THRIVE on this call. */
  thriveDone(c: CallerCase): boolean {
    const chance = c.thriveChance < 0 ? this.thrive : c.thriveChance;
    return c.uThrive < chance;
  }

  /** True when the case's caller is a repeat the handler recognises. */
  repeatRecognised(c: CallerCase): boolean {
    if (!c.repeat) return false;
    const p = this.fromThrive && !this.thriveDone(c) ? this.repeatWithout : this.repeatWith;
    return c.uRepeat < p;
  }

  /** True when the case's caller is vulnerable and the handler recognises it (questions or history). */
  vulnerableRecognised(c: CallerCase): boolean {
    return c.vulnerable && (this.vulnerableOnCall(c) || this.fromHistory(c));
  }

  /** True when the call itself surfaces the vulnerability (with or without THRIVE), history aside. */
  vulnerableOnCall(c: CallerCase): boolean {
    const p = this.fromThrive && !this.thriveDone(c) ? this.vulnerableWithout : this.vulnerableWith;
    return c.uVulnerable < p;
  }

  /** True when the vulnerability is recognised only from history: the repeat is recognised and the person's record flags them. */
  fromHistory(c: CallerCase): boolean {
    return this.fromThrive && c.person !== null && c.person.recognisedVulnerable && this.repeatRecognised(c);
  }

  /** True when the handler missed something on this call (THRIVE, or a flag not recognised). */
  missed(c: CallerCase): boolean {
    return !this.thriveDone(c) || (c.repeat && !this.repeatRecognised(c)) || (c.vulnerable && !this.vulnerableRecognised(c));
  }
}
