import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allRequiredMet, checkOutcomes, evaluateTargets, loadTargets, parseTargets, TargetsError } from '../../src/experiment/targets.js';
import { ABANDONMENT_101, ANSWER_999, REPORT_ATTENDANCE_TARGETS } from '../../src/metrics/standards.js';
import type { MetricSummary, Results } from '../../src/metrics/results.js';

const summary = (mean: number | null, ci95: number | null = 0.01, unit = 'ratio'): MetricSummary => ({
  mean, ci95, min: mean, max: mean, unit, values: [mean],
});

const MONTHS = ['2022-01', '2022-02', '2022-03', '2022-04'];

function results(): Results {
  return {
    callsim: 'test', scenario: { name: 'hand-made', file: null, sha256: null }, seed: 1, replications: 2,
    metrics: {
      'queues.999.answeredWithinTarget': summary(0.894, 0.004),
      'queues.secondary.abandonedRatio': summary(0.23),
      'incidents.breachShare': summary(0.6),
      'queues.999.offered': summary(1000, 10, 'calls'),
    },
    series: {
      'queues.secondary.abandonedRatio': { by: 'month', keys: MONTHS, mean: [0.17, 0.2, 0.29, null], ci95: [0.01, 0.01, 0.02, null] },
      'queues.primary.abandonedRatio': { by: 'month', keys: MONTHS, mean: [0.015, 0.017, 0.03, 0.012], ci95: [0.001, 0.001, 0.001, 0.001] },
    },
  };
}

describe('parseTargets', () => {
  it('accepts metric and series lines', () => {
    const file = parseTargets({
      targets: [
        { label: 'a', metric: 'm', range: [0.1, 0.2] },
        { label: 'b', series: 's', by: 'month', lowest: [0.1, null] },
        { label: 'c', metric: 'm' },
      ],
    });
    expect(file.targets).toHaveLength(3);
  });

  it('names the file and the field of a bad range', () => {
    expect(() => parseTargets({ targets: [{ label: 'a', metric: 'm', range: [0.3, 0.2] }] }, 'x.yaml')).toThrow(/x\.yaml: targets\[0\]/);
  });

  it('rejects a series line with two judgements', () => {
    expect(() => parseTargets({ targets: [{ label: 'a', series: 's', by: 'month', each: [0, 1], lowest: [0, 1] }] }, 'x.yaml')).toThrow(
      TargetsError,
    );
  });

  it('rejects an empty or missing target list', () => {
    expect(() => parseTargets({ targets: [] }, 'x.yaml')).toThrow(/x\.yaml: targets/);
    expect(() => parseTargets({}, 'x.yaml')).toThrow(/x\.yaml: targets/);
  });

  it('loads YAML from disk and reports unreadable files by name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'targets-'));
    const file = join(dir, 't.yaml');
    writeFileSync(file, 'targets:\n  - { label: a, metric: m, range: [0, 1] }\n');
    expect(loadTargets(file).targets[0]).toMatchObject({ label: 'a' });
    expect(() => loadTargets(join(dir, 'missing.yaml'))).toThrow(/missing\.yaml: expected a readable targets file \(YAML or JSON\), found no such file/);
    writeFileSync(file, 'targets: [ {');
    expect(() => loadTargets(file)).toThrow(/t\.yaml: not valid YAML/);
  });
});

describe('evaluateTargets', () => {
  const file = parseTargets({
    targets: [
      { label: '999 in 10 s', metric: 'queues.999.answeredWithinTarget', range: [0.88, 0.91] },
      { label: 'breaches', metric: 'incidents.breachShare', range: [0.3, 0.55] },
      { label: 'standard', metric: 'queues.999.answeredWithinTarget', range: [0.9, null], required: false },
      { label: 'offered', metric: 'queues.999.offered' },
      { label: 'lowest secondary', series: 'queues.secondary.abandonedRatio', by: 'month', lowest: [0.14, 0.2] },
      { label: 'highest secondary', series: 'queues.secondary.abandonedRatio', by: 'month', highest: [0.27, 0.33] },
      { label: 'primary each', series: 'queues.primary.abandonedRatio', by: 'month', each: [0.01, 0.025] },
      { label: 'primary Jan-Feb', series: 'queues.primary.abandonedRatio', by: 'month', keys: ['2022-01', '2022-02'], each: [0.01, 0.025] },
      { label: 'primary Feb, Apr', series: 'queues.primary.abandonedRatio', by: 'month', keys: ['2022-02', '2022-04'], each: [0.01, 0.025] },
      { label: 'absent', metric: 'no.such.metric', range: [0, 1] },
    ],
  });
  const outcomes = evaluateTargets(file, results());
  const byLabel = Object.fromEntries(outcomes.map((o) => [o.label, o]));

  it('meets a metric whose mean lies in range and misses one outside', () => {
    expect(byLabel['999 in 10 s']).toMatchObject({ status: 'met', mean: 0.894, ci95: 0.004, required: true });
    expect(byLabel['breaches'].status).toBe('missed');
  });

  it('judges informational lines without letting them decide', () => {
    expect(byLabel['standard']).toMatchObject({ status: 'missed', required: false });
    expect(byLabel['offered']).toMatchObject({ status: 'shown', required: false, unit: 'calls' });
  });

  it('picks the lowest and highest key with data, skipping empty months', () => {
    expect(byLabel['lowest secondary']).toMatchObject({ status: 'met', key: '2022-01', mean: 0.17 });
    expect(byLabel['highest secondary']).toMatchObject({ status: 'met', key: '2022-03', mean: 0.29 });
  });

  it('misses an each-line when any key is out and shows the worst key', () => {
    expect(byLabel['primary each']).toMatchObject({ status: 'missed', key: '2022-03', spread: [0.012, 0.03] });
    expect(byLabel['primary Jan-Feb'].status).toBe('met');
    // All inside: the key nearest an end is shown (Feb 0.017 is 0.007 from 0.01; Apr 0.012 only 0.002).
    expect(byLabel['primary Feb, Apr']).toMatchObject({ status: 'met', key: '2022-04', mean: 0.012 });
  });

  it('finds a series written by the metrics collector as NAME.byMonth, and only with the matching grouping', () => {
    const r = results();
    r.series = { 'queues.secondary.abandonedRatio.byMonth': r.series['queues.secondary.abandonedRatio'] };
    const lines = parseTargets({
      targets: [
        { label: 'by month', series: 'queues.secondary.abandonedRatio', by: 'month', lowest: [0.14, 0.2] },
        { label: 'by hour', series: 'queues.secondary.abandonedRatio', by: 'hourOfDay', lowest: [0.14, 0.2] },
      ],
    });
    const [month, hour] = evaluateTargets(lines, r);
    expect(month).toMatchObject({ status: 'met', key: '2022-01', mean: 0.17 });
    expect(hour.status).toBe('noData');
  });

  it('counts a required line with no data as not met', () => {
    expect(byLabel['absent'].status).toBe('noData');
    expect(allRequiredMet(outcomes)).toBe(false);
    expect(allRequiredMet(outcomes.filter((o) => o.status !== 'noData' && o.label !== 'breaches' && o.label !== 'primary each'))).toBe(true);
  });

  it('met exactly when the mean lies in the range (ends included), for any mean and range', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (mean, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const r = results();
        r.metrics['x'] = summary(mean);
        const [o] = evaluateTargets(parseTargets({ targets: [{ label: 'x', metric: 'x', range: [lo, hi] }] }), r);
        return o.status === (mean >= lo && mean <= hi ? 'met' : 'missed');
      }),
    );
  });
});

describe('check judges the national standards from the standards module', () => {
  const judged = (metrics: Results['metrics']) => {
    const r: Results = { ...results(), metrics };
    return checkOutcomes(parseTargets({ targets: [{ label: 'force figure', metric: 'incidents.breachShare', range: [0.5, 0.7] }] }), r);
  };

  it('after the file\'s lines: 999 answering, 101 abandonment per queue, attendance beside its time frame; never required', () => {
    const out = judged({
      'incidents.breachShare': summary(0.6),
      'queues.999.answeredWithinTarget': summary(0.88),
      'queues.999.targetSeconds': summary(10, 0, 'seconds'),
      'queues.secondary.abandonedRatio': summary(0.049),
      'queues.primary.abandonedRatio': summary(0.05),
      'incidents.immediate.urban.withinTarget': summary(0.7),
      'incidents.priority.all.withinTarget': summary(0.8),
    });
    expect(out.map((o) => [o.label, o.status, o.required])).toEqual([
      ['force figure', 'met', true],
      ['standard: 999 answering, queue 999', 'missed', false],
      ['standard: 101 abandonment, queue primary', 'missed', false],
      ['standard: 101 abandonment, queue secondary', 'met', false],
      ['standard: Immediate attendance, urban', 'shown', false],
      ['standard: Priority attendance, all', 'shown', false],
    ]);
    // Thresholds and time frames are the module's: 90% (at least), 5% (strictly below), 15 and 60 minutes.
    expect(out[1].range).toEqual([ANSWER_999.share, null]);
    expect(out[2].range).toEqual([null, ABANDONMENT_101.maxRatio]);
    expect(out[4].standard).toBe(`time frame ${REPORT_ATTENDANCE_TARGETS.immediate.urban} min`);
    expect(out[5].standard).toBe(`time frame ${REPORT_ATTENDANCE_TARGETS.priority.urban} min`);
    // The standards never decide the exit code: the file's one required line is met.
    expect(allRequiredMet(out)).toBe(true);
  });

  it('a 999 queue whose target is not 10 s measures something else: no 999 standard line', () => {
    const out = judged({ 'queues.999.answeredWithinTarget': summary(0.95), 'queues.999.targetSeconds': summary(20, 0, 'seconds') });
    expect(out.map((o) => o.name)).toEqual(['incidents.breachShare']);
  });
});
