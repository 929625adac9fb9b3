import { makeDistribution, type Distribution } from '../../engine/distributions.js';
import type { RandomStream } from '../../engine/random.js';
import type { CallerCase } from './caller-case.js';
import { Recognition } from './recognition.js';
import type { ResolvedGrading } from './types.js';

/**
 * What THRIVE and identification cost in handler time (issue 15). When the handler does THRIVE
 * (the case's THRIVE uniform below `grading.thrive`), the call's talk gains a `thriveSeconds`
 * draw; when a repeat or vulnerable caller is recognised (and so checked), an `identifySeconds`
 * draw. Both are drawn at arrival for every call, from a stream of their own, so the count of
 * draws never depends on the decisions and no other stream moves: common random numbers hold.
 */
export class AssessmentTime {
  private readonly thriveTime: Distribution | null;
  private readonly identifyTime: Distribution | null;
  private readonly recognition: Recognition;

  constructor(grading: ResolvedGrading | undefined) {
    this.recognition = new Recognition(grading);
    this.thriveTime = grading?.thriveSeconds === undefined ? null : makeDistribution(grading.thriveSeconds);
    this.identifyTime = grading?.identifySeconds === undefined ? null : makeDistribution(grading.identifySeconds);
  }

  /** False when the scenario gives neither time (then nothing is drawn at all). */
  get modelled(): boolean {
    return this.thriveTime !== null || this.identifyTime !== null;
  }

  /** The handler time the assessment of case `c` adds, in seconds (draws both times from `stream`). */
  draw(c: CallerCase, stream: RandomStream): number {
    c.thriveDrawSeconds = this.thriveTime?.sample(stream) ?? 0;
    c.identifyDrawSeconds = this.identifyTime?.sample(stream) ?? 0;
    return this.seconds(c);
  }

  /** The handler time of case `c` from its arrival draws and its current flags. */
  seconds(c: CallerCase): number {
    const r = this.recognition;
    let seconds = 0;
    if (r.thriveDone(c)) seconds += c.thriveDrawSeconds;
    if (r.repeatRecognised(c) || r.vulnerableRecognised(c)) seconds += c.identifyDrawSeconds;
    return seconds;
  }
}
