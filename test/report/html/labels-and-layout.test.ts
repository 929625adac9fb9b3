import { describe, expect, it } from 'vitest';
import { metricLabel } from '../../../src/report/html/metric-labels.js';
import { renderSvg } from '../../../src/report/html/render-svg.js';
import { answered999ByHour } from '../../../src/report/html/run-charts-calls.js';
import { sansSerifWidth, useSansSerifMetrics } from '../../../src/report/html/text-metrics.js';
import { runFixture } from './fixtures.js';

describe('metric labels', () => {
  it('says each contract metric in plain words, and falls back to the name', () => {
    expect(metricLabel('queues.999.answeredWithinTarget')).toBe('999 queue: answered within target (share of answered)');
    expect(metricLabel('queues.secondary.abandonedRatio')).toBe('secondary queue: abandoned (share of offered)');
    expect(metricLabel('handlers.emergency.occupancy')).toBe('emergency handlers: occupancy');
    expect(metricLabel('incidents.immediate.urban.attendanceMinutes.p90')).toBe('Immediate, urban: attendance time, 90th percentile');
    expect(metricLabel('incidentsByNeed.priority.all.withinTarget')).toBe('Priority, all (by grade needed): attended within the time frame (share)');
    expect(metricLabel('something.new')).toBe('something.new');
  });
});

describe('chart layout in Node', () => {
  it('text widths come from a per-character table (narrow i, wide W), not 0.8 em a character', () => {
    expect(sansSerifWidth('iiii', 10)).toBeLessThan(sansSerifWidth('WWWW', 10) / 2);
    // A typical axis title measures well under Vega's fallback guess of 0.8 em a character.
    const title = 'Answered within target (% of answered)';
    expect(sansSerifWidth(title, 12)).toBeLessThan(0.75 * 0.8 * title.length * 12);
  });

  it('every copy of Vega\'s text metrics is patched, and a long y-axis title no longer pushes the plot down', async () => {
    expect(await useSansSerifMetrics()).toBeGreaterThanOrEqual(1);
    const svg = await renderSvg(answered999ByHour(runFixture()).spec!);
    // The plot sits just under the title and subtitle (about 40 px), not 100 px down as with
    // the fallback guess, where the rotated title (guessed 365 px) overflowed the 240 px plot.
    const top = Number(/<g fill="none" stroke-miterlimit="4" transform="translate\([\d.]+,([\d.]+)\)">/.exec(svg)?.[1]);
    expect(top).toBeGreaterThan(20);
    expect(top).toBeLessThan(60);
  });
});
