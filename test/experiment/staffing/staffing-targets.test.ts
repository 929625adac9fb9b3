import { describe, expect, it } from 'vitest';
import { parseStaffTarget, TargetSyntaxError } from '../../../src/experiment/staffing/staffing-targets.js';
import { singleQueue } from '../../support/scenarios.js';

const scenario = singleQueue({ perHour: 10, staff: 1, handle: { exponential: { mean: 60 } }, hours: 1, targetSeconds: 20 });

describe('staffing targets', () => {
  it('reads ratios, percentages, the answer limit and a per of its own', () => {
    expect(parseStaffTarget('queues.999.answeredWithin10s>=0.9', 'interval', scenario)).toMatchObject({ queue: '999', kind: 'withinOfAnswered', thresholdSeconds: 10, op: '>=', value: 0.9, per: 'interval' });
    expect(parseStaffTarget('queues.999.serviceLevel >= 80%', 'interval', scenario)).toMatchObject({ kind: 'withinOfOffered', thresholdSeconds: 20, value: 0.8 });
    expect(parseStaffTarget('queues.999.abandonedRatio<=0.05@month', 'interval', scenario)).toMatchObject({ kind: 'abandonedOfOffered', per: 'month' });
  });

  it('refuses what staffing cannot target, saying what to write', () => {
    expect(() => parseStaffTarget('queues.999.abandonedRatio>=0.05', 'interval', scenario)).toThrow(/a ceiling; write queues\.999\.abandonedRatio<=0\.05/);
    expect(() => parseStaffTarget('queues.999.waitSeconds.mean<=20', 'interval', scenario)).toThrow(TargetSyntaxError);
    expect(() => parseStaffTarget('queues.999.serviceLevel>=1.5', 'interval', scenario)).toThrow(/ratio from 0 to 1/);
  });
});
