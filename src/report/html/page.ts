/**
 * The page around the report: inline styles, a Content-Security-Policy that forbids every load
 * (the file stands alone: from disk, or as an e-mail attachment), chart figures and the footer.
 * No script, no font, no image by URL. The same input gives the same bytes (no timestamp).
 */
import { renderSvg } from './render-svg.js';
import type { ChartPlan } from './chart-specs.js';
import { escapeHtml } from './format.js';

const CSS = `
:root { color-scheme: light; }
body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 72rem; padding: 1.5rem; color: #111; background: #fff; line-height: 1.4; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 2px solid #222; padding-bottom: .2rem; }
p.lede { margin: 0 0 1rem; color: #333; }
p.note, figure.absent p { color: #444; font-style: italic; }
table { border-collapse: collapse; width: 100%; font-size: .85rem; margin: .5rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding: .3rem 0; }
th, td { border-bottom: 1px solid #ccc; padding: .25rem .5rem; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid #222; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.group th { background: #eee; font-weight: 600; }
code { font-family: ui-monospace, monospace; font-size: .9em; }
code.name { font-size: .75em; color: #444; font-weight: normal; }
th[scope="row"] { font-weight: 600; }
td.verdict { white-space: nowrap; font-weight: 600; }
td.verdict.met { color: #0b5d1e; }
td.verdict.missed { color: #a00000; text-decoration: underline; }
td.significant { font-weight: 600; }
.soft { font-weight: normal; color: #555; }
details > summary { cursor: pointer; font-weight: 600; margin: .5rem 0; }
.charts { display: grid; grid-template-columns: 1fr; gap: 1.5rem; }
figure { margin: 0; padding: .75rem; border: 1px solid #ddd; border-radius: 4px; break-inside: avoid; }
figure svg { max-width: 100%; height: auto; display: block; }
figcaption { font-size: .85rem; color: #333; margin-top: .4rem; }
footer { margin-top: 2.5rem; padding-top: .75rem; border-top: 1px solid #999; font-size: .85rem; color: #333; }
footer dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0; }
footer dt { font-weight: 600; }
footer dd { margin: 0; }
section.briefing h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0 0 .75rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
dl.facts ul.changes { margin: 0; padding-left: 1.1rem; }
.facts-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(24rem, 1fr)); gap: 0 2rem; }
.facts-grid h4 { margin: .4rem 0 .2rem; font-size: 1rem; }
table.roster, table.shown { width: auto; min-width: 40rem; }
td.changed { background: #fff4d6; }
ul.standards { list-style: none; padding: 0; margin: .25rem 0 1rem; }
ul.standards li { padding: .35rem .6rem; margin: .25rem 0; border-left: 5px solid #999; background: #f6f6f6; }
ul.standards li.met { border-left-color: #0b5d1e; }
ul.standards li.met strong { color: #0b5d1e; }
ul.standards li.missed { border-left-color: #a00000; }
ul.standards li.missed strong { color: #a00000; }
td.missed { color: #a00000; font-weight: 600; }
details.breakdown { margin: .5rem 0; }
section.briefing .charts { grid-template-columns: repeat(auto-fill, minmax(30rem, 1fr)); gap: 1rem; }
section.briefing figcaption { font-size: .8rem; }
@media print { body { max-width: none; } h2 { break-after: avoid; } }
`;

/** Renders each planned chart as a figure (inline SVG), or its note when its data is absent. */
export async function chartFigures(plans: ChartPlan[]): Promise<string> {
  const figures: string[] = [];
  for (const plan of plans) {
    const id = escapeHtml(plan.id);
    if (plan.spec === undefined) {
      figures.push(
        `<figure class="chart absent" data-chart="${id}" data-absent="true"><h3>${escapeHtml(plan.title)}</h3>` +
          `<p>Not shown: ${escapeHtml(plan.note ?? 'no data in these results.')}</p></figure>`,
      );
      continue;
    }
    const svg = await renderSvg(plan.spec, `svg-${plan.id}`);
    figures.push(
      `<figure class="chart" data-chart="${id}" role="group" aria-labelledby="cap-${id}">` +
        svg.replace('<svg ', `<svg role="img" aria-label="${escapeHtml(`${plan.title}. ${plan.description}`)}" `) +
        `<figcaption id="cap-${id}">${escapeHtml(plan.description)}</figcaption></figure>`,
    );
  }
  return `<div class="charts">${figures.join('\n')}</div>`;
}

/** What the footer says about the run. */
export interface FooterFacts {
  scenarios: { name: string; file: string | null; sha256: string | null }[];
  seed: number;
  replications: number;
  callsim: string;
}

/** The footer: scenario name(s), seed, replications and callsim version. */
export function footer(f: FooterFacts): string {
  const scen = f.scenarios
    .map((s) => `${escapeHtml(s.name)}${s.file ? ` (<code>${escapeHtml(s.file)}</code>)` : ''}${s.sha256 ? ` sha256 <code>${escapeHtml(s.sha256.slice(0, 12))}</code>` : ''}`)
    .join('<br>');
  return (
    `<footer><dl>` +
    `<dt>${f.scenarios.length > 1 ? 'Scenarios' : 'Scenario'}</dt><dd class="scenario">${scen}</dd>` +
    `<dt>Seed</dt><dd class="seed">${escapeHtml(String(f.seed))}</dd>` +
    `<dt>Replications</dt><dd class="replications">${escapeHtml(String(f.replications))}</dd>` +
    `<dt>callsim</dt><dd class="version">${escapeHtml(f.callsim)}</dd>` +
    `</dl><p>Intervals are Student-t 95% intervals across replications. Generated by callsim; this file makes no network request.</p></footer>`
  );
}

/** A complete HTML document with inline styles and a CSP that forbids every load. */
export function htmlDocument(title: string, body: string): string {
  return (
    '<!DOCTYPE html>\n<html lang="en-GB"><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${escapeHtml(title)}</title><style>${CSS}</style></head>\n<body>\n${body}\n</body></html>\n`
  );
}
