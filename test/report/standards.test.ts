import { describe, expect, it } from 'vitest';
import type { MetricSummary } from '../../src/metrics/results.js';
import { tableStandard, verdict } from '../../src/report/standards.js';

const m = (mean: number, unit = 'ratio'): MetricSummary => ({ mean, ci95: 0.001, min: mean, max: mean, unit, values: [mean] });

describe('text-table standards', () => {
  it('judges the 999 queue against 90% in 10 s when its target is 10 s', () => {
    const metrics = { 'queues.999.targetSeconds': m(10, 'seconds'), 'queues.999.answeredWithinTarget': m(0.89) };
    expect(tableStandard('queues.999.answeredWithinTarget', metrics)?.text).toBe('≥ 90% in 10 s');
    expect(verdict('queues.999.answeredWithinTarget', metrics['queues.999.answeredWithinTarget'], metrics)).toBe('missed');
  });

  it('does not judge a 999 queue whose target is not 10 s: it measures something else', () => {
    const metrics = { 'queues.999.targetSeconds': m(20, 'seconds'), 'queues.999.answeredWithinTarget': m(0.7) };
    expect(tableStandard('queues.999.answeredWithinTarget', metrics)).toBeUndefined();
    expect(verdict('queues.999.answeredWithinTarget', metrics['queues.999.answeredWithinTarget'], metrics)).toBe('');
  });

  it('judges 101 queues by abandonment under 5%', () => {
    expect(verdict('queues.secondary.abandonedRatio', m(0.2))).toBe('missed');
    expect(verdict('queues.primary.abandonedRatio', m(0.017))).toBe('met');
  });
});
