import type { CallOutcome } from '../model/monitor.js';

/** Call outcomes in the column order of `ControlRoomCollector.channelOutcomes`. */
export const CALL_OUTCOMES: readonly CallOutcome[] = ['answered', 'abandoned', 'deflected', 'ivrHangUp', 'resolved', 'callbackFailed', 'open'];

/** Column of a call outcome in `CALL_OUTCOMES` (a switch: strings compare by identity, no search). */
export function outcomeColumn(outcome: CallOutcome): number {
  switch (outcome) {
    case 'answered':
      return 0;
    case 'abandoned':
      return 1;
    case 'deflected':
      return 2;
    case 'ivrHangUp':
      return 3;
    case 'resolved':
      return 4;
    case 'callbackFailed':
      return 5;
    default:
      return 6;
  }
}
