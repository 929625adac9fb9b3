import { describe, expect, it } from 'vitest';
import type { SensitivityResults, SensitivityRow } from '../../../src/experiment/sensitivity.js';
import { tornadoBars, tornadoHtml } from '../../../src/report/html/tornado.js';

const side = (values: number[], mean: number) => ({ values, change: { mean, ci95: 0.001, significant: true } });
const row = (assumption: string, low: number, high: number, base: number[]): SensitivityRow => ({
  assumption, kind: 'fitted', paths: ['x'], base,
  low: side(base.map((b) => b * 0.8), low), high: side(base.map((b) => b * 1.2), high),
  swing: Math.max(Math.abs(low), Math.abs(high)),
});

/** Rows as runSensitivity gives them: largest swing first. */
const results: SensitivityResults = {
  scenario: 'Tornado <test>', seed: 7, replications: 3, skipped: ['primary each month'],
  targets: [{
    label: '999 answered within 10 s', metric: 'queues.999.answeredWithinTarget', unit: 'ratio', baseMean: 0.89,
    rows: [row("999 call-takers' headcount", -0.08, 0.05, [9, 11, 8]), row('BT transfer leg mean (s)', 0.02, -0.03, [4]), row('secondary patience (s)', 0.001, -0.0005, [1500])],
  }],
};

describe('sensitivity tornado chart', () => {
  it('gives one low and one high bar per assumption, in the tornado order, ratios in percentage points', () => {
    const bars = tornadoBars(results.targets[0]);
    expect(bars.map((b) => `${b.assumption}:${b.side}`)).toEqual([
      "999 call-takers' headcount:low", "999 call-takers' headcount:high",
      'BT transfer leg mean (s):low', 'BT transfer leg mean (s):high',
      'secondary patience (s):low', 'secondary patience (s):high',
    ]);
    expect(bars[0].change).toBeCloseTo(-8, 10);
    expect(bars[0].value).toBe('7.2/8.8/6.4');
  });

  it('renders a self-contained page whose SVG labels the bars top to bottom by swing', async () => {
    const html = await tornadoHtml(results);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|\ssrc=|\shref=/);
    expect(html).toContain('Tornado &lt;test&gt;: sensitivity');
    expect(html).toContain('Not varied (series targets): primary each month');
    const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>'));
    // The y-axis labels, in document order, are the assumptions largest swing first (apostrophe escaped by Vega).
    const labels = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1].replace(/&#x27;|&#39;|&apos;/g, "'"));
    const names = results.targets[0].rows.map((r) => r.assumption);
    const positions = names.map((n) => labels.indexOf(n));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // And their vertical positions run downwards in that order.
    const ys = names.map((n) => {
      const m = new RegExp(`<text[^>]*transform="translate\\([-\\d.]+,([-\\d.]+)\\)"[^>]*>${n.replace(/[()]/g, '\\$&').replace(/'/g, "(?:'|&#x27;|&#39;|&apos;)")}</text>`).exec(svg);
      return Number(m?.[1]);
    });
    expect(ys.every((y) => Number.isFinite(y))).toBe(true);
    expect(ys[0]).toBeLessThan(ys[1]);
    expect(ys[1]).toBeLessThan(ys[2]);
  }, 60_000);
});
