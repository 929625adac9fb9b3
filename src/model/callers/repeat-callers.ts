import { makeDistribution, type Distribution } from '../../engine/distributions.js';
import { SameInstant } from '../../engine/priorities.js';
import type { RandomStream, StreamFactory } from '../../engine/random.js';
import type { Simulator } from '../../engine/simulator.js';
import type { Call } from '../call.js';
import type { CallerFactory } from '../caller-factory.js';
import { AssessmentTime } from '../dispatch/assessment-time.js';
import { CallerSampler } from '../dispatch/caller-sampler.js';
import { Recognition } from '../dispatch/recognition.js';
import type { Journey } from '../journey.js';
import type { CallOutcome, ModelMonitor } from '../monitor.js';
import type { ResolvedScenario } from '../resolved.js';
import { MechanismEvent } from './events.js';
import { CALLED_AGAIN, CallExtras, CallerPerson } from './person.js';
import { PrefixedStreams } from './prefixed-streams.js';
import type { ResolvedCallers } from './types.js';

/**
 * Repeat callers from history, not a coin (issue 15). Every call belongs to a person: a first call
 * brings a new one; redials, channel shifts and online reports calling back keep the case and so
 * the person; a chasing call is the chased incident's first caller. A call is a repeat when its
 * person's previous call arrived within the window, and the handler's recognition (the case's
 * `uRepeat`, `recognition.ts`) applies to those calls only. A person may call
 * again about a new matter after a handled call; the new matter's call and case are drawn when it
 * arrives (as every call's), so only the person waits, not a call. Only each person's last contact
 * is kept, on the person itself, so memory follows the callers in the system, not the horizon.
 */
export class RepeatCallers {
  private readonly windowSeconds: number;
  private readonly recognition: Recognition;
  private readonly assessment: AssessmentTime;
  private readonly callAgainProbability: number;
  private readonly callAgainDelay: Distribution | null;
  /** Per channel: draws for first calls (in arrival order) and for new matters. */
  private readonly firstStreams: RandomStream[];
  private readonly laterStreams: RandomStream[];
  /** New matters' cases and calls, from streams of their own (null without `callAgain`). */
  private readonly sampler: CallerSampler | null;
  private readonly factories: readonly CallerFactory[] | null;
  private readonly sim: Simulator;
  private readonly monitor: ModelMonitor;

  constructor(
    spec: ResolvedCallers,
    private readonly scenario: ResolvedScenario,
    streams: StreamFactory,
    private readonly journey: Journey,
    factories: (prefix: (name: string) => string) => CallerFactory[],
    private readonly begin: (call: Call) => void,
  ) {
    this.sim = journey.sim;
    this.monitor = journey.monitor;
    this.windowSeconds = spec.repeatWindowSeconds;
    this.recognition = new Recognition(scenario.grading);
    this.assessment = new AssessmentTime(scenario.grading);
    this.callAgainProbability = spec.callAgain?.probability ?? 0;
    this.callAgainDelay = spec.callAgain === undefined ? null : makeDistribution(spec.callAgain.delayHours);
    this.firstStreams = scenario.channels.map((c) => streams.stream(`${c.name}.callers`));
    this.laterStreams = scenario.channels.map((c) => streams.stream(`${c.name}.callers.later`));
    this.sampler = spec.callAgain === undefined ? null : new CallerSampler(scenario, new PrefixedStreams(streams, 'callAgain.'));
    this.factories = spec.callAgain === undefined ? null : factories((name) => `${name}.callAgain`);
  }

  /** A call offered now: it gets its person, and is a repeat when that person called within the window. */
  offered(call: Call, now: number): void {
    const c = call.callerCase;
    if (c === null) return;
    let person = c.person;
    if (person === null) {
      // A chasing caller is the chased incident's first caller; a first call is a new person.
      person = c.chasing?.caller.person ?? null;
      if (person === null) {
        person = new CallerPerson();
        person.vulnerable = c.vulnerable;
        if (c.chasing === null) this.drawCallAgain(person, this.firstStreams[call.channelIndex]);
      }
      c.person = person;
    }
    const repeat = now - person.lastContactAt <= this.windowSeconds;
    person.lastContactAt = now;
    if (c.repeat !== repeat) {
      c.repeat = repeat;
      // The identification time drawn at arrival is spent only when a repeat is recognised.
      if (this.assessment.modelled) c.assessmentSeconds = this.assessment.seconds(c);
    }
    if (repeat) this.monitor.mechanismEvent?.(MechanismEvent.repeatOffered, now, call.counted);
  }

  /** A call ended: a handled repeat is recognised or not; a handled call may bring the person's next matter. */
  ended(call: Call, outcome: CallOutcome, at: number): void {
    const c = call.callerCase;
    if (c === null) return;
    const person = c.person;
    if (outcome === 'answered') {
      const r = this.recognition;
      if (c.repeat) this.monitor.mechanismEvent?.(r.repeatRecognised(c) ? MechanismEvent.repeatRecognised : MechanismEvent.repeatMissed, at, call.counted);
      // The record now flags a vulnerability recognised on this call (read on a later recognised repeat).
      if (r.fromThrive && person !== null && r.vulnerableRecognised(c)) person.recognisedVulnerable = true;
    }
    if ((outcome === 'answered' || outcome === 'resolved') && person !== null && person.callAgainDelaySeconds >= 0) this.callAgain(call, person, at);
  }

  /** Whether the person will call again about a new matter, and after how long (two draws, always). */
  private drawCallAgain(person: CallerPerson, stream: RandomStream): void {
    const delay = this.callAgainDelay;
    if (delay === null) return;
    const u = stream.decision();
    const hours = delay.sample(stream);
    person.callAgainDelaySeconds = u < this.callAgainProbability ? 3600 * hours : -1;
  }

  /**
   * The person's next matter, on the same channel: only the person, the channel and the time wait
   * (days, often), not a call; its call and case are drawn when it arrives.
   */
  private callAgain(call: Call, person: CallerPerson, at: number): void {
    const t = at + person.callAgainDelaySeconds;
    person.callAgainDelaySeconds = -1;
    if (!(t < this.scenario.horizonSeconds) || this.factories === null || this.sampler === null) return;
    person.callAgainChannel = call.channelIndex;
    this.sim.post(t, this.onCallAgain, person, SameInstant.arrival);
  }

  /** A new matter arrives: its call and case are drawn now, then whether the person will call again. */
  private readonly onCallAgain = (person: CallerPerson): void => {
    const factories = this.factories;
    const sampler = this.sampler;
    if (factories === null || sampler === null) return;
    const channel = person.callAgainChannel;
    const again = factories[channel].create(this.journey.newId(), this.sim.now, -1, -1);
    again.extras = new CallExtras(CALLED_AGAIN);
    const c = sampler.draw(channel, again.plannedLastQueue);
    c.person = person;
    // With recognition from the assessment, vulnerability is the person's, not the matter's.
    if (this.recognition.fromThrive && c.vulnerable !== person.vulnerable) {
      c.vulnerable = person.vulnerable;
      if (this.assessment.modelled) c.assessmentSeconds = this.assessment.seconds(c);
    }
    again.callerCase = c;
    this.drawCallAgain(person, this.laterStreams[channel]);
    this.begin(again);
  };
}
