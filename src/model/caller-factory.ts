import type { Distribution } from '../engine/distributions.js';
import type { RandomStream, StreamFactory } from '../engine/random.js';
import { Call, QueueVisit } from './call.js';
import type { ResolvedChannel, ResolvedTraceCall } from './resolved.js';
import type { SwitchboardRoutes } from './switchboard.js';
import { IVR_DEFLECTED, IVR_HANG_UP, type IvrMenu } from './ivr.js';

/** Per-queue facts the factory needs, by queue index. */
export interface QueueDraws {
  patience: readonly (Distribution | null)[];
  handle: readonly (Distribution | null)[];
  wrapUp: readonly (Distribution | null)[];
  callbackFailedAttempt: readonly (Distribution | null)[];
  redialDelay: readonly (Distribution | null)[];
  hasCallback: readonly boolean[];
  hasRedial: readonly boolean[];
}


/**
 * Draws a new call's attributes when it arrives, each kind from its own stream of the channel
 * (`999.patience`, `999.handle`...), in a fixed order that depends only on the call's own draws and
 * the scenario's structure, never on staffing or policy: the common-random-numbers guarantee.
 * Redials and chasing calls use a factory with their own stream prefix, so they never shift the
 * draws of first-time callers.
 */
export class CallerFactory {
  private readonly transfer: RandomStream;
  private readonly ivrStream: RandomStream;
  private readonly route: RandomStream;
  private readonly patienceStream: RandomStream;
  private readonly handleStream: RandomStream;
  private readonly wrapUpStream: RandomStream;
  private readonly callbackStream: RandomStream;
  private readonly redialStream: RandomStream;
  /** The channel's own queue (where a call goes without an IVR). */
  private readonly defaultEntry: number;

  constructor(
    readonly channel: ResolvedChannel,
    readonly channelIndex: number,
    streams: StreamFactory,
    prefix: string,
    private readonly draws: QueueDraws,
    private readonly btTransfer: Distribution | null,
    private readonly ivr: IvrMenu | null,
    private readonly switchboard: SwitchboardRoutes | null,
    private readonly warmupSeconds: number,
  ) {
    this.transfer = streams.stream(`${prefix}.transfer`);
    this.ivrStream = streams.stream(`${prefix}.ivr`);
    this.route = streams.stream(`${prefix}.route`);
    this.patienceStream = streams.stream(`${prefix}.patience`);
    this.handleStream = streams.stream(`${prefix}.handle`);
    this.wrapUpStream = streams.stream(`${prefix}.wrapUp`);
    this.callbackStream = streams.stream(`${prefix}.callback`);
    this.redialStream = streams.stream(`${prefix}.redial`);
    this.defaultEntry = channel.queueIndex;
  }

  /** A new call arriving at `at`, with every attribute drawn. */
  create(id: number, at: number, redialOf: number, chasingIncident: number, trace?: ResolvedTraceCall): Call {
    const draws = this.draws;
    const transferSeconds = this.btTransfer !== null ? this.btTransfer.sample(this.transfer) : 0;

    let ivrSeconds = 0;
    let ivrOutcome: Call['ivrOutcome'] = 'onward';
    let entry = this.defaultEntry;
    if (this.ivr !== null) {
      ivrSeconds = this.ivr.menu.sample(this.ivrStream);
      const outcome = this.ivr.choose(this.ivrStream.decision());
      if (outcome === IVR_DEFLECTED) ivrOutcome = 'deflected';
      else if (outcome === IVR_HANG_UP) ivrOutcome = 'ivrHangUp';
      else entry = outcome;
    }

    const board = this.switchboard;
    let routed = -1;
    if (board !== null) {
      const u = this.route.decision();
      if (entry === board.queueIndex) routed = board.pick(u);
    }

    // A visit for each queue on the planned path (drawn even when the IVR ends the call, so a
    // caller's draws do not depend on the IVR's decision).
    const first = this.visit(entry);
    const second = routed >= 0 ? this.visit(routed) : null;
    const call = new Call(id, this.channel.name, this.channelIndex, at, at >= this.warmupSeconds, redialOf, chasingIncident, first, second);
    call.transferSeconds = transferSeconds;
    call.ivrSeconds = ivrSeconds;
    call.ivrOutcome = ivrOutcome;
    const last = second ?? first;
    if (draws.hasCallback[last.queueIndex]) {
      const offers = call.ownOffers();
      offers.callbackDraw = this.callbackStream.decision();
      offers.reachDraw = this.callbackStream.decision();
      offers.failedAttemptSeconds = draws.callbackFailedAttempt[last.queueIndex]?.sample(this.callbackStream) ?? 0;
    }
    if (draws.hasRedial[entry] || (second !== null && draws.hasRedial[routed])) {
      call.ownOffers().redialDraw = this.redialStream.decision();
      first.redialDelaySeconds = draws.redialDelay[entry]?.sample(this.redialStream) ?? 0;
      if (second !== null) second.redialDelaySeconds = draws.redialDelay[routed]?.sample(this.redialStream) ?? 0;
    }

    if (trace !== undefined) {
      if (trace.patienceSeconds !== undefined) {
        first.patienceSeconds = trace.patienceSeconds;
        if (second !== null) second.patienceSeconds = trace.patienceSeconds;
      }
      // A replayed handle time is the handler's time: the last queue on the path.
      if (trace.handleSeconds !== undefined) last.handleSeconds = trace.handleSeconds;
    }
    return call;
  }

  /** Patience, handle time and wrap-up drawn for one queue on the path. */
  private visit(queue: number): QueueVisit {
    const draws = this.draws;
    const patience = draws.patience[queue]?.sample(this.patienceStream) ?? Infinity;
    const handle = draws.handle[queue]?.sample(this.handleStream) ?? 0;
    const wrapUp = draws.wrapUp[queue]?.sample(this.wrapUpStream) ?? 0;
    return new QueueVisit(queue, patience, handle, wrapUp);
  }
}
