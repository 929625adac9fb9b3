import { makeDistribution, type Distribution } from '../../engine/distributions.js';
import type { RandomStream, StreamFactory } from '../../engine/random.js';
import type { ResolvedScenario } from '../resolved.js';
import { AssessmentTime } from './assessment-time.js';
import { CallerCase } from './caller-case.js';
import { DecisionBlock, lognormalsOf, type LognormalOfNormal, NormalBlock } from './draw-blocks.js';
import { cumulativeMix, gradeIndex, INCIDENT_GRADES, pick } from './grades.js';
import { GRADES, type Grade } from './types.js';

/**
 * Per-channel streams, one per kind of draw so no kind shifts another. The sampler is the one
 * reader of each, so the decisions, and the normals of lognormal travel and on-scene times, are
 * taken a block at a time (`draw-blocks.ts`: the same values in the same order).
 */
interface ChannelStreams {
  need: DecisionBlock;
  flags: DecisionBlock;
  area: DecisionBlock;
  grading: DecisionBlock;
  travel: RandomStream;
  onScene: RandomStream;
  travelNormals: NormalBlock;
  onSceneNormals: NormalBlock;
  chase: RandomStream;
}

/** The fields of a replayed call that override sampled values (`areaIndex` -1: drawn). */
export interface TraceOverrides {
  areaIndex: number;
  need?: Grade;
}

/**
 * Draws each caller's case when the call arrives (DESIGN.md section 4): the needed grade from the
 * planned queue's need mix (or the channel's), the repeat and vulnerable flags, the area from the
 * area shares (or the trace's area name), the uniforms that later decide grading, and the
 * incident's travel and on-scene times. Each kind of draw comes from its own stream of the
 * channel (`999.need`, `999.flags`, `999.area`, `999.grading`, `999.travel`, `999.onScene`) and
 * every call takes the same number of uniforms from the need, flags, area and grading streams,
 * so adding a handler or a unit never changes any call's need, flags or area.
 */
export class CallerSampler {
  private readonly streams: ChannelStreams[];
  private readonly channelMix: (Float64Array | null)[];
  private readonly queueMix: (Float64Array | null)[];
  private readonly repeatProbability: number;
  private readonly vulnerableProbability: number;
  private readonly areaCumulative: Float64Array;
  private readonly areaNames: string[];
  /** Travel time per area, in minutes as written. */
  private readonly travel: Distribution[];
  /** On-scene time per grade index, in minutes as written; null when not given. */
  private readonly onScene: (Distribution | null)[];
  /**
   * The same times from a block of their stream's normals, when every distribution reading that
   * stream is a lognormal (the usual case); null otherwise (then each is drawn from the stream).
   */
  private readonly travelLognormal: (LognormalOfNormal | null)[] | null;
  private readonly onSceneLognormal: (LognormalOfNormal | null)[] | null;
  /** Grade indices that get units (travel and on-scene times are drawn only for them). */
  private readonly dispatched: boolean[];
  private readonly assessment: AssessmentTime;
  /** Per channel, the streams of assessment time for first and chasing calls (null when not modelled: none created). */
  private readonly assessmentStreams: { first: RandomStream; chase: RandomStream }[] | null;
  /** Per channel, the stream deciding victim-update compliance (null when not modelled: none created). */
  private readonly victimStreams: RandomStream[] | null;
  /** Per channel, the stream deciding Priority High or Standard (null when Priority is not split: none created). */
  private readonly splitStreams: DecisionBlock[] | null;
  /** Per grade index, when an incident is created during the call (null: at the talk's end); null when not modelled. */
  private readonly incidentAt: (Distribution | null)[] | null;
  /** Per channel, the stream of those times (null when not modelled: none created). */
  private readonly incidentAtStreams: RandomStream[] | null;

  constructor(scenario: ResolvedScenario, streams: StreamFactory) {
    const grading = scenario.grading;
    const dispatch = scenario.dispatch;
    this.streams = scenario.channels.map((c) => {
      const travel = streams.stream(`${c.name}.travel`);
      const onScene = streams.stream(`${c.name}.onScene`);
      return {
        need: new DecisionBlock(streams.stream(`${c.name}.need`)),
        flags: new DecisionBlock(streams.stream(`${c.name}.flags`)),
        area: new DecisionBlock(streams.stream(`${c.name}.area`)),
        grading: new DecisionBlock(streams.stream(`${c.name}.grading`)),
        travel,
        onScene,
        travelNormals: new NormalBlock(travel),
        onSceneNormals: new NormalBlock(onScene),
        chase: streams.stream(`${c.name}.chase`),
      };
    });
    this.channelMix = scenario.channels.map((_, i) => {
      const mix = grading?.needByChannel[i] ?? null;
      return mix === null ? null : cumulativeMix(mix);
    });
    this.queueMix = scenario.queues.map((_, i) => {
      const mix = grading?.needByQueue[i] ?? null;
      return mix === null ? null : cumulativeMix(mix);
    });
    this.repeatProbability = grading?.flags.repeat ?? 0;
    this.vulnerableProbability = grading?.flags.vulnerable ?? 0;

    const areas = dispatch?.areas ?? [];
    this.areaNames = areas.map((a) => a.name);
    this.areaCumulative = new Float64Array(areas.length);
    let total = 0;
    areas.forEach((a, i) => {
      total += a.share;
      this.areaCumulative[i] = total;
    });
    for (let i = 0; i < areas.length; i++) this.areaCumulative[i] = i === areas.length - 1 ? 1 : this.areaCumulative[i] / total;
    this.travel = areas.map((a) => makeDistribution(a.travelMinutes));
    this.onScene = GRADES.map((grade) => {
      const spec = dispatch?.onSceneMinutes[grade];
      return spec === undefined ? null : makeDistribution(spec);
    });
    this.travelLognormal = lognormalsOf(this.travel);
    this.onSceneLognormal = lognormalsOf(this.onScene);
    const dispatchedGrades = dispatch?.dispatchedGrades ?? [];
    this.dispatched = GRADES.map((g) => dispatchedGrades.includes(g));
    this.assessment = new AssessmentTime(grading);
    this.assessmentStreams = this.assessment.modelled
      ? scenario.channels.map((c) => ({ first: streams.stream(`${c.name}.assessment`), chase: streams.stream(`${c.name}.chaseAssessment`) }))
      : null;
    this.victimStreams = dispatch?.victimUpdates?.compliance === undefined ? null : scenario.channels.map((c) => streams.stream(`${c.name}.victimUpdate`));
    this.splitStreams = dispatch?.prioritySplit === undefined ? null : scenario.channels.map((c) => new DecisionBlock(streams.stream(`${c.name}.prioritySplit`)));
    const during = dispatch?.createIncidentAfterSeconds;
    this.incidentAt = during === undefined ? null : GRADES.slice(0, INCIDENT_GRADES).map((g) => (during[g] === undefined ? null : makeDistribution(during[g])));
    this.incidentAtStreams = during === undefined ? null : scenario.channels.map((c) => streams.stream(`${c.name}.incidentAt`));
  }

  /**
   * The case of a call arriving on channel `channelIndex` whose planned path ends in queue
   * `plannedQueueIndex` (scenario order; -1 when it reaches no queue). `trace` overrides the area
   * and need. A redial is the same caller: reuse its case rather than drawing a new one.
   */
  draw(channelIndex: number, plannedQueueIndex: number, trace?: TraceOverrides): CallerCase {
    const s = this.streams[channelIndex];
    let needed: number;
    if (trace?.need !== undefined) needed = gradeIndex(trace.need);
    else {
      const mix = (plannedQueueIndex >= 0 ? this.queueMix[plannedQueueIndex] : null) ?? this.channelMix[channelIndex];
      const u = s.need.take();
      needed = mix === null ? INCIDENT_GRADES : pick(mix, u);
    }
    const repeat = s.flags.take() < this.repeatProbability;
    const vulnerable = s.flags.take() < this.vulnerableProbability;
    let area = -1;
    if (trace !== undefined && trace.areaIndex >= 0) {
      area = trace.areaIndex;
    } else if (this.areaNames.length > 0) {
      area = pick(this.areaCumulative, s.area.take());
    }
    const c = new CallerCase(channelIndex, needed, area, area >= 0 ? this.areaNames[area] : '', repeat, vulnerable);
    const g = s.grading;
    c.uThrive = g.take();
    c.uRepeat = g.take();
    c.uVulnerable = g.take();
    c.uUndergrade = g.take();
    if (this.assessmentStreams !== null) c.assessmentSeconds = this.assessment.draw(c, this.assessmentStreams[channelIndex].first);
    if (this.victimStreams !== null) c.uVictimUpdate = this.victimStreams[channelIndex].decision();
    if (this.splitStreams !== null) c.uPriorityHigh = this.splitStreams[channelIndex].take();
    if (this.incidentAt !== null) c.incidentAfterSeconds = this.drawIncidentAt(this.incidentAt, (this.incidentAtStreams as RandomStream[])[channelIndex]);
    if (area >= 0 && needed < INCIDENT_GRADES && this.dispatched[needed]) {
      const travel = this.travelLognormal;
      c.travelSeconds = 60 * (travel !== null ? (travel[area] as LognormalOfNormal).of(s.travelNormals.take()) : this.travel[area].sample(s.travel));
      const onScene = this.onSceneLognormal;
      const lognormal = onScene !== null ? onScene[needed] : null;
      c.onSceneSeconds = 60 * (lognormal !== null ? lognormal.of(s.onSceneNormals.take()) : (this.onScene[needed]?.sample(s.onScene) ?? 0));
    } else {
      c.travelSeconds = NaN;
      c.onSceneSeconds = NaN;
    }
    return c;
  }

  /**
   * The case of a caller chasing an incident on channel `channelIndex`: a repeat caller with the
   * incident's need and area, and a fresh uniform deciding whether the handler recognises the
   * repeat. Drawn from the channel's `chase` stream, so chasing calls never shift first calls.
   */
  drawChase(channelIndex: number, neededIndex: number, areaIndex: number, vulnerable: boolean): CallerCase {
    const c = new CallerCase(channelIndex, neededIndex, areaIndex, areaIndex >= 0 ? this.areaNames[areaIndex] : '', true, vulnerable);
    const s = this.streams[channelIndex].chase;
    c.uThrive = s.decision();
    c.uRepeat = s.decision();
    c.uVulnerable = s.decision();
    c.uUndergrade = 1;
    if (this.assessmentStreams !== null) c.assessmentSeconds = this.assessment.draw(c, this.assessmentStreams[channelIndex].chase);
    c.travelSeconds = NaN;
    c.onSceneSeconds = NaN;
    return c;
  }

  /**
   * One time per named grade, whatever the call turns out to need, so every call takes the same
   * draws. A literal array of doubles (one allocation, unboxed) costs less per call than a
   * Float64Array and a closure.
   */
  private drawIncidentAt(byGrade: readonly (Distribution | null)[], stream: RandomStream): number[] {
    const out = [NaN, NaN, NaN, NaN];
    for (let g = 0; g < INCIDENT_GRADES; g++) {
      const d = byGrade[g];
      if (d !== null) out[g] = Math.max(0, d.sample(stream));
    }
    return out;
  }

  /** Late draws for an incident dispatched without arrival draws (a matrix gave it a dispatched grade). */
  lateDraws(c: CallerCase, given: number, stream: RandomStream): void {
    if (c.areaIndex < 0) return;
    if (Number.isNaN(c.travelSeconds)) c.travelSeconds = 60 * this.travel[c.areaIndex].sample(stream);
    if (Number.isNaN(c.onSceneSeconds)) {
      const dist = this.onScene[c.neededIndex] ?? this.onScene[given];
      c.onSceneSeconds = 60 * (dist?.sample(stream) ?? 0);
    }
  }
}
