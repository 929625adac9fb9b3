/// <reference lib="dom" />
/**
 * The report's chart plans drawn in the page: the same Vega-Lite specifications as `callsim report`
 * (src/report/html), rendered to SVG by Vega in the browser.
 */
import { parse, View } from 'vega';
import { compile } from 'vega-lite';
import type { ChartPlan } from '../report/html/chart-specs.js';

/** A figure per plan (or its note when the data is absent), appended to `into`. */
export async function drawCharts(plans: readonly ChartPlan[], into: HTMLElement): Promise<void> {
  for (const plan of plans) {
    const figure = document.createElement('figure');
    figure.dataset.chart = plan.id;
    const heading = document.createElement('h3');
    heading.textContent = plan.title;
    heading.className = 'sr-only';
    figure.append(heading);
    into.append(figure);
    if (plan.spec === undefined) {
      const p = document.createElement('p');
      p.textContent = `${plan.title}: not shown: ${plan.note ?? 'no data in these results.'}`;
      figure.append(p);
      continue;
    }
    const holder = document.createElement('div');
    holder.setAttribute('role', 'img');
    holder.setAttribute('aria-label', `${plan.title}. ${plan.description}`);
    const caption = document.createElement('figcaption');
    caption.textContent = plan.description;
    figure.append(holder, caption);
    const view = new View(parse(compile(plan.spec).spec), { renderer: 'svg', container: holder, hover: false });
    await view.runAsync();
  }
}
