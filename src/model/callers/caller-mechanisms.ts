import type { StreamFactory } from '../../engine/random.js';
import type { Call } from '../call.js';
import type { CallerFactory } from '../caller-factory.js';
import type { DispatchCentre } from '../dispatch/dispatch-centre.js';
import type { Journey, JourneyHooks } from '../journey.js';
import type { CallOutcome, MonitorLayout } from '../monitor.js';
import type { ResolvedScenario } from '../resolved.js';
import { MechanismEvent } from './events.js';
import { CALLED_AGAIN, ONLINE_CALL_BACK, SHIFTED } from './person.js';
import { LaterWork } from './later-work.js';
import { RepeatCallers } from './repeat-callers.js';

/** True when the scenario turns on a caller mechanism (`callers`, `channelShift`, `onlineReports`). */
export function hasCallerMechanisms(scenario: ResolvedScenario): boolean {
  return scenario.callers !== undefined || scenario.channelShift !== undefined || scenario.onlineReports !== undefined;
}

/** The monitor layout's `mechanisms` entry, or undefined when the scenario turns none on. */
export function mechanismLayout(scenario: ResolvedScenario): MonitorLayout['mechanisms'] {
  const split = scenario.dispatch?.prioritySplit;
  const g = scenario.grading;
  const recognition = g !== undefined && (g.thriveLossPerMinuteWaited !== undefined || g.withoutThrive !== undefined);
  if (!hasCallerMechanisms(scenario) && split === undefined && !recognition) return undefined;
  const out: NonNullable<MonitorLayout['mechanisms']> = {
    callers: scenario.callers !== undefined,
    channelShift: scenario.channelShift !== undefined,
    onlineReports: scenario.onlineReports !== undefined,
  };
  if (recognition) out.recognition = true;
  if (split !== undefined) out.prioritySplit = split.targets;
  return out;
}

/** What the caller mechanisms need from the control room. */
export interface CallerMechanismsOptions {
  scenario: ResolvedScenario;
  streams: StreamFactory;
  journey: Journey;
  /** Builds a caller factory per channel whose streams carry the prefix (as the room's own). */
  factories: (prefix: (name: string) => string) => CallerFactory[];
  /** A new call reaches the room (BT's transfer or the IVR, then its queue). */
  begin: (call: Call) => void;
  centre: DispatchCentre | null;
}

/**
 * The optional caller mechanisms of issue 15, seen by the journey at two moments: when a call is
 * offered (it draws what it needs; repeats are marked) and when it ends (later work is scheduled).
 */
export class CallerMechanisms implements JourneyHooks {
  private readonly repeats: RepeatCallers | null;
  private readonly later: LaterWork | null;

  constructor(private readonly options: CallerMechanismsOptions) {
    const { scenario, streams, journey, factories, begin } = options;
    this.repeats = scenario.callers === undefined ? null : new RepeatCallers(scenario.callers, scenario, streams, journey, factories, begin);
    this.later = scenario.channelShift === undefined && scenario.onlineReports === undefined ? null : new LaterWork(scenario, streams, journey, factories, begin, options.centre);
  }

  offered(call: Call): void {
    const now = this.options.journey.sim.now;
    const origin = call.extras?.origin ?? 0;
    if (origin !== 0) {
      const event = origin === CALLED_AGAIN ? MechanismEvent.calledAgain : origin === SHIFTED ? MechanismEvent.shifted : origin === ONLINE_CALL_BACK ? MechanismEvent.onlineCallBack : -1;
      if (event >= 0) this.options.journey.monitor.mechanismEvent?.(event, now, call.counted);
    }
    this.repeats?.offered(call, now);
    // A first call arrived by itself: not a redial, a chasing call, or a call these mechanisms made.
    const first = origin === 0 && call.redialOf < 0 && call.chasingIncident < 0;
    this.later?.offered(call, first, now);
  }

  ended(call: Call, outcome: CallOutcome, at: number): void {
    this.repeats?.ended(call, outcome, at);
    this.later?.ended(call, outcome, at);
  }
}
