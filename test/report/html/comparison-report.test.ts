import { beforeAll, describe, expect, it } from 'vitest';
import { headlineMetrics, renderComparisonReport } from '../../../src/report/html/comparison-report.js';
import { comparisonFixture, externalReferences, figures, realComparisonFixture } from './fixtures.js';

describe.each([
  ['hand-made fixture', comparisonFixture],
  ['real callsim output', realComparisonFixture],
])('comparison report (%s)', (_, load) => {
  let html = '';
  beforeAll(async () => {
    html = await renderComparisonReport(load());
  });

  it('is self-contained', () => {
    expect(html).not.toMatch(/<script|<link|<img/i);
    expect(externalReferences(html)).toEqual([]);
  });

  it('shows both scenarios side by side for every headline metric, with the paired difference', () => {
    const c = load();
    const names = headlineMetrics(c.scenarios[0]);
    expect(names).toContain('queues.999.answeredWithinTarget');
    expect(names).toContain('queues.secondary.abandonedRatio');
    expect(names).toContain('handlers.emergency.occupancy');
    for (const name of names) {
      const row = new RegExp(`<tr data-metric="${name.replace(/\./g, '\\.')}">(.*?)</tr>`).exec(html)?.[1] ?? '';
      expect(row, name).not.toBe('');
      const d = c.differences[name][0];
      expect(row, name).toContain(`data-significant="${d.significant ? 'yes' : 'no'}"`);
    }
  });

  it('reports the difference in percentage points for ratios with its sign', () => {
    const d = load().differences['queues.999.answeredWithinTarget'][0];
    const row = /<tr data-metric="queues\.999\.answeredWithinTarget">(.*?)<\/tr>/.exec(html)?.[1] ?? '';
    expect(row).toContain(`${d.mean! > 0 ? '+' : d.mean! < 0 ? '−' : ''}${(100 * Math.abs(d.mean!)).toFixed(1)} pp`);
  });

  it('draws the side-by-side, the differences and the 999-by-hour charts, each with marks', () => {
    const figs = figures(html);
    expect([...figs.keys()].filter((id) => !id.startsWith('month-'))).toEqual(['comparison-side-by-side', 'comparison-differences', 'comparison-999-by-hour']);
    for (const [id, fig] of [...figs].filter(([id]) => !id.startsWith('month-'))) {
      expect(fig, id).toMatch(/<svg /);
      expect(fig.match(/<path /g)?.length ?? 0, id).toBeGreaterThan(5);
    }
  });

  it('footer names both scenarios, the seed, replications and version', () => {
    const footer = html.slice(html.indexOf('<footer>'));
    const c = load();
    for (const s of c.scenarios) expect(footer).toContain(s.scenario.name);
    expect(footer).toContain(`<dd class="seed">${c.seed}</dd>`);
    expect(footer).toContain(`<dd class="replications">${c.replications}</dd>`);
  });
});
