/**
 * Why a measure has no value in a replication. A ratio or mean over an empty set (no call
 * offered, none answered, no handler on duty) is not a number; results say so in words instead of
 * leaving a bare null, and say when a mean is taken over fewer replications than were run.
 */

const REASONS: readonly (readonly [RegExp, string])[] = [
  [/^queues\.[^.]+\.(abandonedRatio|serviceLevel)$/, 'no calls reached the queue'],
  [/^queues\.[^.]+\.abandonWaitSeconds\./, 'no caller abandoned the queue'],
  [/^queues\.[^.]+\.callbacks\./, 'no callback was made from the queue'],
  [/^queues\.[^.]+\.(answeredWithinTarget|answeredWithin10s|answerBands\.|waitSeconds\.)/, 'no call was answered from the queue'],
  [/^units\.[^.]+\.occupancy$/, 'no unit was on duty'],
  [/^(handlers\.[^.]+|switchboard)\.occupancy$/, 'no one was on duty'],
  [/^incidents(ByNeed)?\.breachShare$/, 'no incident was attended'],
  [/^incidents(ByNeed)?\./, 'no incident of this grade and area was attended'],
  [/^grading\./, 'no incident was created'],
];

/** The reason a value of metric `name` is absent. */
export function absentReason(name: string): string {
  for (const [pattern, reason] of REASONS) if (pattern.test(name)) return reason;
  return 'no data in the counting window (a ratio of 0/0)';
}
