import type { Calendar } from '../engine/calendar.js';
import { SameInstant } from '../engine/priorities.js';
import type { StreamFactory } from '../engine/random.js';
import type { Simulator } from '../engine/simulator.js';
import { channelRate, ProfileArrivals, TraceArrivals, type ArrivalSource } from './arrival-sources.js';
import type { TransferLeg } from './bt-transfer.js';
import type { Call } from './call.js';
import type { CallerFactory } from './caller-factory.js';
import type { CallerCase } from './dispatch/caller-case.js';
import type { GradingHandoff } from './grading-handoff.js';
import type { Journey } from './journey.js';
import type { ResolvedScenario } from './resolved.js';

/**
 * Calls arriving: each channel's arrivals (replayed from the trace, or from its rate profile)
 * become calls with every attribute drawn, and dispatch's chasing callers ring again. Both go on
 * to BT's transfer or the IVR.
 */
export class CallArrivals {
  private readonly sources: ArrivalSource[];
  /** The simulator lane of each source (its next arrival waits there, outside the heap). */
  private readonly lanes: number[];
  /** The hand-off to grading, when the scenario models it (set by `handOverTo`). */
  private grading: GradingHandoff | null = null;

  private readonly sim: Simulator;

  constructor(
    scenario: ResolvedScenario,
    streams: StreamFactory,
    calendar: Calendar,
    /** Per channel: first calls, and chasing calls (their own streams). */
    private readonly factories: readonly CallerFactory[],
    private readonly chaseFactories: readonly CallerFactory[],
    private readonly transferLeg: TransferLeg,
    private readonly journey: Journey,
  ) {
    this.sim = journey.sim;
    const horizon = scenario.horizonSeconds;
    const trace = scenario.trace;
    if (trace !== undefined) {
      this.sources = scenario.channels.map((c, i) => {
        const rows = trace.filter((row) => row.channelIndex === i).sort((a, b) => a.arrivalSeconds - b.arrivalSeconds);
        return new TraceArrivals(i, rows, horizon);
      });
    } else {
      this.sources = scenario.channels.map((c, i) => new ProfileArrivals(i, channelRate(c, calendar, horizon, streams), streams, c.name, horizon));
    }
    this.lanes = this.sources.map((source) => this.sim.openLane(this.onArrival, source));
  }

  /** First calls get their case drawn for grading and dispatch. */
  handOverTo(grading: GradingHandoff): void {
    this.grading = grading;
  }

  /** Schedule each channel's first arrival. */
  start(): void {
    for (const source of this.sources) this.scheduleArrival(source);
  }

  /** Dispatch's hook: a caller waiting for attendance calls again, as a new offered call. */
  readonly offerChasingCall = (channelIndex: number, at: number, incidentId: number, caller: CallerCase): void => {
    const call = this.chaseFactories[channelIndex].create(this.journey.newId(), at, -1, incidentId);
    call.callerCase = caller;
    this.sim.post(at, this.onChase, call, SameInstant.arrival);
  };

  private scheduleArrival(source: ArrivalSource): void {
    const at = source.next();
    if (at !== Infinity) this.sim.postOnLane(this.lanes[source.channelIndex], at, SameInstant.arrival);
  }

  private readonly onArrival = (source: ArrivalSource): void => {
    const call = this.factories[source.channelIndex].create(this.journey.newId(), this.sim.now, -1, -1, source.row);
    this.grading?.drawCase(call, source.channelIndex, source.row);
    this.scheduleArrival(source);
    this.transferLeg.begin(call);
  };

  private readonly onChase = (call: Call): void => {
    this.transferLeg.begin(call);
  };
}
