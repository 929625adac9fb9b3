import { makeDistribution, type Distribution } from '../../engine/distributions.js';
import { SameInstant } from '../../engine/priorities.js';
import type { RandomStream, StreamFactory } from '../../engine/random.js';
import type { Simulator } from '../../engine/simulator.js';
import type { Call } from '../call.js';
import type { CallerFactory } from '../caller-factory.js';
import type { DispatchCentre } from '../dispatch/dispatch-centre.js';
import type { Journey } from '../journey.js';
import type { CallOutcome, ModelMonitor } from '../monitor.js';
import type { ResolvedScenario } from '../resolved.js';
import { MechanismEvent } from './events.js';
import { CallExtras, ONLINE_CALL_BACK, SHIFTED } from './person.js';

interface Shift {
  to: number;
  probability: number;
  delay: Distribution;
}

interface Online {
  callBack: number;
  incident: number;
  delayHours: Distribution;
  channel: number;
}

/** An online report that becomes an incident: the caller's case, reported when the call arrived. */
interface ReportedIncident {
  call: Call;
}

/**
 * Work that comes back after a caller leaves (issue 15). Channel shift: a caller who abandons a
 * queue of a channel with `channelShift` (101), and does not redial, may call another channel
 * (999) after a delay, about the same matter. Online reports: a call the IVR deflects on a channel
 * with `onlineReports` may come back as a call, or become an incident graded from the caller's
 * case without handler time, after a delay. The decisions and delays are drawn when the call
 * arrives, from streams of their own (first calls in arrival order; calls these mechanisms or
 * redials made from a `.later` stream), so no other draw moves.
 */
export class LaterWork {
  private readonly shift: (Shift | null)[];
  private readonly online: (Online | null)[];
  private readonly streams: { shift: RandomStream; shiftLater: RandomStream; online: RandomStream; onlineLater: RandomStream }[];
  private readonly shiftFactories: readonly CallerFactory[] | null;
  private readonly onlineFactories: readonly CallerFactory[] | null;
  private readonly sim: Simulator;
  private readonly monitor: ModelMonitor;

  constructor(
    private readonly scenario: ResolvedScenario,
    streams: StreamFactory,
    private readonly journey: Journey,
    factories: (prefix: (name: string) => string) => CallerFactory[],
    private readonly begin: (call: Call) => void,
    private readonly centre: DispatchCentre | null,
  ) {
    this.sim = journey.sim;
    this.monitor = journey.monitor;
    const names = scenario.channels.map((c) => c.name);
    this.shift = names.map((_, i) => {
      const s = scenario.channelShift?.[i] ?? null;
      return s === null ? null : { to: s.to, probability: s.probability, delay: makeDistribution(s.delaySeconds) };
    });
    this.online = names.map((_, i) => {
      const o = scenario.onlineReports?.[i] ?? null;
      return o === null ? null : { callBack: o.callBack, incident: o.incident, delayHours: makeDistribution(o.delayHours), channel: o.channel };
    });
    this.streams = names.map((name) => ({
      shift: streams.stream(`${name}.shift`),
      shiftLater: streams.stream(`${name}.shift.later`),
      online: streams.stream(`${name}.online`),
      onlineLater: streams.stream(`${name}.online.later`),
    }));
    this.shiftFactories = scenario.channelShift === undefined ? null : factories((name) => `${name}.shifted`);
    this.onlineFactories = scenario.onlineReports === undefined ? null : factories((name) => `${name}.onlineCallBack`);
  }

  /** A call offered now: draw its shift and online decisions when its channel has them. */
  offered(call: Call, first: boolean, now: number): void {
    const channel = call.channelIndex;
    const shift = this.shift[channel];
    const online = call.ivrOutcome === 'deflected' ? this.online[channel] : null;
    if (shift === null && online === null) return;
    const x = call.extras ?? (call.extras = new CallExtras(0));
    if (x.drawn) return;
    x.drawn = true;
    const s = this.streams[channel];
    if (shift !== null) {
      const stream = first ? s.shift : s.shiftLater;
      x.shiftDraw = stream.decision();
      x.shiftDelaySeconds = shift.delay.sample(stream);
    }
    if (online !== null) {
      const stream = first ? s.online : s.onlineLater;
      x.onlineDraw = stream.decision();
      x.onlineDelaySeconds = 3600 * online.delayHours.sample(stream);
      this.monitor.mechanismEvent?.(MechanismEvent.onlineReport, now, call.counted);
    }
  }

  /** A call ended: an abandoning caller may call another channel; an online report may come back. */
  ended(call: Call, outcome: CallOutcome, at: number): void {
    const x = call.extras;
    if (x === null) return;
    if (outcome === 'abandoned') {
      const shift = this.shift[call.channelIndex];
      if (shift !== null && x.shiftDraw < shift.probability && !this.redials(call, at)) {
        // Abandonment is settled by events when shifts are modelled, so `at` is now.
        this.offerLater(call, shift.to, Math.max(this.sim.now, at + x.shiftDelaySeconds), SHIFTED, this.shiftFactories);
      }
    } else if (outcome === 'deflected') {
      const online = this.online[call.channelIndex];
      if (online === null) return;
      const t = at + x.onlineDelaySeconds;
      if (x.onlineDraw < online.callBack) this.offerLater(call, online.channel, t, ONLINE_CALL_BACK, this.onlineFactories);
      else if (x.onlineDraw < online.callBack + online.incident && call.callerCase !== null && t < this.scenario.horizonSeconds) {
        this.sim.schedule(t, this.onReportedIncident, { call }, SameInstant.arrival);
      }
    }
  }

  /** True when the queue the caller abandoned sends them to redial (they do not also switch channel). */
  private redials(call: Call, at: number): boolean {
    const redial = this.scenario.queues[call.visit.queueIndex].redial;
    return redial !== undefined && call.drawnOffers.redialDraw < redial.probability && at + call.visit.redialDelaySeconds < this.scenario.horizonSeconds;
  }

  /** The same caller, about the same matter, calls `channel` at `t`. */
  private offerLater(call: Call, channel: number, t: number, origin: number, factories: readonly CallerFactory[] | null): void {
    if (!(t < this.scenario.horizonSeconds) || factories === null) return;
    const again = factories[channel].create(this.journey.newId(), t, -1, call.chasingIncident);
    again.extras = new CallExtras(origin);
    again.callerCase = call.callerCase;
    this.sim.schedule(t, this.onArrive, again, SameInstant.arrival);
  }

  private readonly onArrive = (call: Call): void => {
    this.begin(call);
  };

  /** The report is read: the matter is graded from the caller's case and its incident created. */
  private readonly onReportedIncident = (report: ReportedIncident): void => {
    const call = report.call;
    const caller = call.callerCase;
    if (caller === null || this.centre === null) return;
    this.monitor.mechanismEvent?.(MechanismEvent.onlineIncident, this.sim.now, call.counted);
    this.centre.callHandled(caller, call.arrivedAt, this.sim.now, call.counted);
  };
}
