/**
 * The sensitivity tornado as a chart (issue 15 item 7): per target, one horizontal bar pair per
 * tagged assumption, the change in the target when the assumption goes to its low value and to its
 * high value (paired over the same replications), largest swing on top. Rendered to inline SVG at
 * generation time (render-svg.ts), so the page is one self-contained file with no script.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { SensitivityResults, SensitivityTarget } from '../../experiment/sensitivity.js';
import { renderSvg } from './render-svg.js';

/** One bar: an assumption's change in the target at one side, in the target's display unit. */
export interface TornadoBar {
  assumption: string;
  side: 'low' | 'high';
  /** Change in display units (percentage points for ratios), null without data. */
  change: number | null;
  /** The assumption's value at that side, as written (`12/14/10` for a roster). */
  value: string;
}

const isRatio = (t: SensitivityTarget): boolean => t.unit === 'ratio';
const display = (t: SensitivityTarget, x: number | null): number | null => (x === null || !Number.isFinite(x) ? null : isRatio(t) ? 100 * x : x);

/** The bars of one target, rows in the tornado's order (largest swing first), low before high. */
export function tornadoBars(t: SensitivityTarget): TornadoBar[] {
  return t.rows.flatMap((row) => [
    { assumption: row.assumption, side: 'low' as const, change: display(t, row.low.change.mean), value: row.low.values.join('/') },
    { assumption: row.assumption, side: 'high' as const, change: display(t, row.high.change.mean), value: row.high.values.join('/') },
  ]);
}

/** The Vega-Lite spec of one target's tornado. */
export function tornadoSpec(t: SensitivityTarget): TopLevelSpec {
  const bars = tornadoBars(t).filter((b) => b.change !== null);
  const order = t.rows.map((r) => r.assumption);
  const unit = isRatio(t) ? 'percentage points' : t.unit || 'target units';
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: t.label, subtitle: `${t.metric}: change from the baseline (${unit}), each assumption at its low and high value` },
    width: 520,
    height: { step: 16 },
    data: { values: bars },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'assumption', type: 'nominal', sort: order, title: null, axis: { labelLimit: 260 } },
      yOffset: { field: 'side', type: 'nominal', sort: ['low', 'high'] },
      x: { field: 'change', type: 'quantitative', title: `change (${unit})` },
      color: { field: 'side', type: 'nominal', sort: ['low', 'high'], scale: { domain: ['low', 'high'], range: ['#4e79a7', '#e15759'] }, title: 'assumption at' },
      tooltip: [
        { field: 'assumption', type: 'nominal' },
        { field: 'side', type: 'nominal' },
        { field: 'value', type: 'nominal', title: 'value' },
        { field: 'change', type: 'quantitative', format: '.2f' },
      ],
    },
  } as TopLevelSpec;
}

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A self-contained HTML page: one SVG tornado per target with varied assumptions. */
export async function tornadoHtml(r: SensitivityResults): Promise<string> {
  const figures: string[] = [];
  let n = 0;
  for (const t of r.targets) {
    if (t.rows.length === 0) continue;
    n += 1;
    const svg = await renderSvg(tornadoSpec(t), `tornado${n}`);
    figures.push(`<figure>${svg}</figure>`);
  }
  const none = figures.length === 0 ? '<p>No assumptions are tagged in this scenario (top-level <code>assumptions:</code>), so nothing was varied.</p>' : '';
  const skipped = r.skipped.length > 0 ? `<p>Not varied (series targets): ${escape(r.skipped.join('; '))}</p>` : '';
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escape(r.scenario)}: sensitivity</title>`,
    '<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}figure{margin:1.5rem 0}</style>',
    '</head><body>',
    `<h1>${escape(r.scenario)}: sensitivity</h1>`,
    `<p>${r.replications} replications, seed ${r.seed}. Each bar is the change in the target's mean when one tagged assumption moves to its low or high value, everything else held, paired over the same replications (common random numbers). Largest swing on top.</p>`,
    none,
    ...figures,
    skipped,
    '</body></html>',
    '',
  ].join('\n');
}
