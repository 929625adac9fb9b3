import type { Distribution } from '../engine/distributions.js';
import type { ResolvedIvr } from './resolved.js';

/** How a call leaves the IVR menu when it does not go on to a queue. */
export const IVR_DEFLECTED = -2;
export const IVR_HANG_UP = -1;

/**
 * The IVR of a 101 channel: the time a caller spends in the menu, and where the menu sends them
 * (deflected online or to another agency, hung up, or on to a queue, normally the switchboard).
 * Both are drawn when the call arrives; the call reaches the force's queue after the menu.
 */
export class IvrMenu {
  private readonly cumulative: Float64Array;
  /** IVR_DEFLECTED, IVR_HANG_UP, otherwise a queue index. */
  private readonly outcome: Int32Array;

  constructor(
    spec: ResolvedIvr,
    /** Seconds in the menu. */
    readonly menu: Distribution,
  ) {
    const entries: [number, number][] = [
      [IVR_DEFLECTED, spec.deflected],
      [IVR_HANG_UP, spec.hangUp],
      ...spec.onward.map((share): [number, number] => [share.queueIndex, share.probability]),
    ];
    this.cumulative = new Float64Array(entries.length);
    this.outcome = new Int32Array(entries.length);
    let acc = 0;
    entries.forEach(([target, p], i) => {
      acc += p;
      this.cumulative[i] = acc;
      this.outcome[i] = target;
    });
  }

  /** Where the menu sends a caller for the uniform draw `u`: IVR_DEFLECTED, IVR_HANG_UP or a queue index. */
  choose(u: number): number {
    const cumulative = this.cumulative;
    let i = 0;
    while (i < cumulative.length - 1 && u >= cumulative[i]) i++;
    return this.outcome[i];
  }
}
