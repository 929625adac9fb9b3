/**
 * Why a measure has no value in a replication. A ratio or mean over an empty set (no call
 * offered, none answered, no handler on duty) is not a number; results say so in words instead of
 * leaving a bare null, and say when a mean is taken over fewer replications than were run.
 */
import { parseMetricName } from './metric-names.js';

const ZERO_OVER_ZERO = 'no data in the counting window (a ratio of 0/0)';

/** Why a queue's figure has no value, by its measure. */
function queueReason(measure: string): string {
  const head = measure.split('.')[0];
  if (head === 'abandonedRatio' || head === 'serviceLevel') return 'no calls reached the queue';
  if (head === 'abandonWaitSeconds') return 'no caller abandoned the queue';
  if (head === 'callbacks') return 'no callback was made from the queue';
  if (['answeredWithinTarget', 'answeredWithin10s', 'answerBands', 'waitSeconds'].includes(head)) return 'no call was answered from the queue';
  return ZERO_OVER_ZERO;
}

/** The reason a value of metric `name` is absent (names read by `metric-names.ts`, not by patterns). */
export function absentReason(name: string): string {
  const parsed = parseMetricName(name);
  switch (parsed.kind) {
    case 'queue':
      return queueReason(parsed.measure);
    case 'pool':
    case 'switchboard':
      return parsed.measure === 'occupancy' ? 'no one was on duty' : ZERO_OVER_ZERO;
    case 'incident':
      return parsed.measure === 'breachShare' ? 'no incident was attended' : 'no incident of this grade and area was attended';
    case 'area':
    case 'channel':
      return ZERO_OVER_ZERO;
    case 'other': {
      const [family, , measure] = name.split('.');
      if (family === 'units' && measure === 'occupancy') return 'no unit was on duty';
      if (family === 'incidents' || family === 'incidentsByNeed') return name.split('.').length >= 4 ? 'no incident of this grade and area was attended' : 'no incident was attended';
      if (family === 'grading') return 'no incident was created';
      return ZERO_OVER_ZERO;
    }
  }
}
