import { describe, expect, it } from 'vitest';
import type { MetricSummary } from '../../src/metrics/results.js';
import { attendanceTarget, judge, standardFor, withResultTargets } from '../../src/metrics/standards.js';
import { standardsTable, summaryRows } from '../../src/report/html/summary-table.js';
import { externalReferences, runFixture } from '../report/html/fixtures.js';

const m = (mean: number | null, ci95: number | null, unit = 'ratio'): MetricSummary => ({ mean, ci95, min: mean, max: mean, unit, values: [] });

describe('standards', () => {
  it('999 answered within target: at least 90% (the boundary meets it)', () => {
    expect(judge('queues.999.answeredWithinTarget', m(0.9, 0.001))?.status).toBe('met');
    expect(judge('queues.999.answeredWithinTarget', m(0.8999, 0.001))?.status).toBe('missed');
    expect(judge('queues.999.answeredWithinTarget', m(0.95, 0.01))?.firm).toBe(true);
    // 0.905 ± 0.01 straddles 0.9: met on the mean, but not firmly.
    expect(judge('queues.999.answeredWithinTarget', m(0.905, 0.01))).toMatchObject({ status: 'met', firm: false });
  });

  it('101 queues: abandonment under 5% (5% itself misses); 999 abandonment is not judged', () => {
    expect(judge('queues.secondary.abandonedRatio', m(0.0499, 0))?.status).toBe('met');
    expect(judge('queues.primary.abandonedRatio', m(0.05, 0))?.status).toBe('missed');
    expect(judge('queues.switchboard.abandonedRatio', m(0.2, 0.01))).toMatchObject({ status: 'missed', firm: true });
    expect(judge('queues.999.abandonedRatio', m(0.2, 0.01))).toBeUndefined();
  });

  it('attendance: 15 min urban and 20 min rural for Immediate, 60 for Priority; all/unknown area only when kinds agree', () => {
    expect(attendanceTarget('immediate', 'urban')).toBe(15);
    expect(attendanceTarget('immediate', 'rural')).toBe(20);
    expect(attendanceTarget('priority', 'rural')).toBe(60);
    expect(attendanceTarget('priority', 'all')).toBe(60);
    expect(attendanceTarget('immediate', 'all')).toBeUndefined();
    expect(attendanceTarget('immediate', 'somerset')).toBeUndefined();
    expect(attendanceTarget('immediate', 'somerset', { areaKinds: { somerset: 'rural' } })).toBe(20);
    // The time frame applies to each incident; there is no national share or mean to judge: shown, not judged.
    expect(judge('incidents.immediate.rural.attendanceMinutes.mean', m(19, 0.5, 'minutes'))?.status).toBe('shown');
    expect(judge('incidents.immediate.urban.attendanceMinutes.mean', m(19, 0.5, 'minutes'))?.status).toBe('shown');
    expect(judge('incidents.immediate.urban.attendanceMinutes.p90', m(15, 0, 'minutes'))?.text).toBe('time frame: Immediate within 15 min');
    expect(judge('incidents.immediate.urban.withinTarget', m(0.7, 0.01))?.status).toBe('shown');
    expect(judge('incidents.immediate.all.attendanceMinutes.mean', m(10, 0.5, 'minutes'))).toBeUndefined();
  });

  it('no data when the mean is missing; metrics without a standard are not judged', () => {
    expect(judge('queues.999.answeredWithinTarget', m(null, null))?.status).toBe('noData');
    expect(standardFor('handlers.emergency.occupancy')).toBeUndefined();
    expect(standardFor('queues.999.waitSeconds.mean')).toBeUndefined();
  });

  it('the fixture table judges 999 missed, primary and switchboard met, secondary missed', () => {
    const table = standardsTable(summaryRows(runFixture()));
    const verdict = (name: string): string | undefined => new RegExp(`data-metric="${name.replace(/\./g, '\\.')}".*?data-verdict="(\\w+)"`).exec(table)?.[1];
    // Fixture means: 999 89.3%, primary 1.7%, switchboard 3.0%, secondary 22.6%.
    expect(verdict('queues.999.answeredWithinTarget')).toBe('missed');
    expect(verdict('queues.primary.abandonedRatio')).toBe('met');
    expect(verdict('queues.switchboard.abandonedRatio')).toBe('met');
    expect(verdict('queues.secondary.abandonedRatio')).toBe('missed');
    // Attendance has no national figure to judge: it is not in the standards table.
    expect(table).not.toContain('data-metric="incidents.immediate.urban.attendanceMinutes.mean"');
    expect(table).toContain('Standards: 2 of 4 met');
    expect(table).not.toContain('data-metric="queues.999.abandonedRatio"');
  });
});

describe('the self-containment check itself', () => {
  it('flags external src, href, url() and @import, but not xmlns declarations', () => {
    expect(externalReferences('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">')).toEqual([]);
    expect(externalReferences('<img src="https://cdn.example/x.png">')).toHaveLength(1);
    expect(externalReferences('<a href="http://example.org">')).toHaveLength(1);
    expect(externalReferences('<style>@font-face{src:url(https://fonts.example/f.woff)}</style>')).toHaveLength(1);
    expect(externalReferences('<style>@import "//cdn.example/a.css";</style>')).toHaveLength(1);
  });
});

describe('standards table', () => {
  it('judges only the real standards; attendance figures are shown beside their time frame in the table of every metric', () => {
    const rows = summaryRows(runFixture());
    const table = standardsTable(rows);
    expect(table).not.toContain('data-metric="incidents.priority.all.attendanceMinutes.mean"');
    expect(rows.find((r) => r.name === 'incidents.priority.all.attendanceMinutes.mean')?.judgement?.text).toBe('time frame: Priority within 60 min');
    expect(rows.find((r) => r.name === 'incidents.priority.bristol.attendanceMinutes.p90')?.judgement?.status).toBe('shown');
  });
});

describe('the 999 standard and the queue target', () => {
  const share = (mean: number): MetricSummary => ({ mean, ci95: 0.001, min: mean, max: mean, unit: 'ratio', values: [mean] });
  const seconds = (mean: number): MetricSummary => ({ mean, ci95: 0, min: mean, max: mean, unit: 'seconds', values: [mean] });

  it('judges the 999 within-target share when the 999 target is 10 s', () => {
    const options = withResultTargets({ 'queues.999.targetSeconds': seconds(10) }, {});
    expect(judge('queues.999.answeredWithinTarget', share(0.85), options)?.status).toBe('missed');
  });

  it('does not judge it when the 999 target is another time', () => {
    const options = withResultTargets({ 'queues.999.targetSeconds': seconds(20) }, {});
    expect(judge('queues.999.answeredWithinTarget', share(0.85), options)).toBeUndefined();
  });
});
