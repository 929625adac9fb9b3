import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadTargets } from '../../src/experiment/targets.js';

const SCENARIO = 'scenarios/avon-somerset-2022.yaml';
const TARGETS = 'scenarios/avon-somerset-2022.targets.yaml';

// The end-to-end check (the baseline run against these targets) is check-baseline.test.ts; this
// file checks the targets file itself: it is valid and its under-graded range contains the value
// the scenario's own probabilities imply.
describe('Avon and Somerset 2022 targets file', () => {
  const targets = loadTargets(TARGETS);

  it('is valid and carries the report figures as required lines', () => {
    const required = targets.targets.filter((t) => t.required !== false && ('range' in t ? t.range !== undefined : true));
    const names = required.map((t) => ('metric' in t ? t.metric : t.series));
    expect(names).toEqual(expect.arrayContaining([
      'queues.999.answeredWithinTarget', 'queues.999.answerBands.under5s', 'queues.999.answerBands.from5to10s',
      'queues.primary.abandonedRatio', 'queues.secondary.abandonedRatio', 'incidents.breachShare', 'grading.undergraded',
    ]));
  });

  it('puts the under-graded expectation implied by the scenario inside its range', () => {
    const grading = (parse(readFileSync(SCENARIO, 'utf8')) as { grading: Record<string, number> & { flags: { repeat: number; vulnerable: number } } }).grading;
    const miss = 1 - grading.thrive * (1 - grading.flags.repeat * (1 - grading.recogniseRepeat)) * (1 - grading.flags.vulnerable * (1 - grading.recogniseVulnerable));
    // Upper bound: every incident has a lower grade to fall to (only resolvedWithoutDeployment has none to fall to among incidents).
    const expected = miss * grading.undergradeIfMissed;
    const line = targets.targets.find((t) => 'metric' in t && t.metric === 'grading.undergraded');
    const range = line && 'range' in line ? line.range : undefined;
    expect(range).toBeDefined();
    expect(expected).toBeGreaterThanOrEqual(range![0]!);
    expect(expected).toBeLessThanOrEqual(range![1]!);
  });
});
