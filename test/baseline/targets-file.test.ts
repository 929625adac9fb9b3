import { describe, expect, it } from 'vitest';
import { loadTargets } from '../../src/experiment/targets.js';

const TARGETS = 'scenarios/avon-somerset-2022.targets.yaml';

// The end-to-end check (the baseline run against these targets) is check-baseline.test.ts; this
// file checks the targets file itself: it is valid, each required line carries the report's figure
// inside its range, and no range is derived from the scenario's own inputs (issue 16).
describe('Avon and Somerset 2022 targets file', () => {
  const targets = loadTargets(TARGETS);
  const required = targets.targets.filter((t) => t.required !== false && ('metric' in t ? t.range !== undefined : true));

  it('is valid and carries the report figures as required lines', () => {
    const names = required.map((t) => ('metric' in t ? t.metric : t.series));
    expect(names).toEqual(expect.arrayContaining([
      'queues.999.answeredWithinTarget', 'queues.999.answerBands.under5s', 'queues.999.answerBands.from5to10s',
      'queues.primary.abandonedRatio', 'queues.secondary.abandonedRatio', 'incidents.breachShare', 'victimUpdates.missedRatio',
      'callers.repeatNotIdentifiedShare', 'callers.vulnerableNotIdentifiedShare', 'grading.thriveMissingShare',
    ]));
  });

  it("each required range holds the report's figure and is no wider than the figure's own uncertainty allows", () => {
    for (const t of required) {
      const range = 'metric' in t ? t.range : (t.each ?? t.lowest ?? t.highest);
      expect(t.observed, t.label).toBeDefined();
      expect(t.observed!, t.label).toBeGreaterThanOrEqual(range![0]!);
      expect(t.observed!, t.label).toBeLessThanOrEqual(range![1]!);
      // Case-review samples are wide (39 cases: Wilson 0.29-0.59; 8 victims: 0.07-0.59; 65-69 first contacts: about
      // +-0.12); shares of thousands of calls stay within 2.5 points.
      const metric = 'metric' in t ? t.metric : t.series;
      const firstContact = ['callers.repeatNotIdentifiedShare', 'callers.vulnerableNotIdentifiedShare', 'grading.thriveMissingShare'];
      const limit = metric === 'incidents.breachShare' ? 0.16 : metric === 'victimUpdates.missedRatio' ? 0.35 : firstContact.includes(metric) ? 0.12 : 0.025;
      expect(Math.max(t.observed! - range![0]!, range![1]! - t.observed!), t.label).toBeLessThanOrEqual(limit);
    }
  });

  it("shows the under-graded share without a range: the report gives no figure, and a range from the scenario's own probabilities could not fail", () => {
    const line = targets.targets.find((t) => 'metric' in t && t.metric === 'grading.undergraded');
    expect(line).toBeDefined();
    expect(line && 'metric' in line ? line.range : 'missing').toBeUndefined();
  });
});
