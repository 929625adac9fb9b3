/**
 * `--trace-out`: one CSV row per call as it ends (for analysts). Times are simulated seconds from
 * the scenario start; empty cells where a figure does not apply (a call never answered has no
 * answer time).
 */
import type { CallView } from '../model/monitor.js';
import { csvLine } from './csv-cell.js';

export const CALL_COLUMNS = [
  'id', 'channel', 'arrivedAt', 'counted', 'redialOf', 'outcome', 'endedAt', 'lastQueue', 'enteredQueueAt',
  'answerSeconds', 'handleSeconds', 'patienceSeconds', 'needed', 'given', 'area',
] as const;

/** The header line. */
export const callsCsvHeader = (): string => csvLine([...CALL_COLUMNS]);

/** One call's line (non-finite numbers and -1 links left empty). */
export function callCsvRow(c: CallView): string {
  return csvLine([
    c.id, c.channel, c.arrivedAt, c.counted, c.redialOf < 0 ? null : c.redialOf, c.outcome, c.endedAt, c.lastQueue,
    c.enteredQueueAt, c.answerSeconds, c.handleSeconds, c.patienceSeconds, c.needed, c.given, c.area,
  ]);
}
