/**
 * Vega-Lite spec -> inline SVG, at generation time in Node: compile to Vega, run a headless view
 * (renderer 'none') and serialise its scenegraph. The page then needs no script at all.
 */
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { useSansSerifMetrics } from './text-metrics.js';

/** Thrown when a rendered chart would make the page fetch something (it must stand alone). */
export class ChartRenderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChartRenderError';
  }
}

/** Attributes that would make a browser load a resource (xmlns declarations are not loads). */
const LOADS = /\s(?:href|xlink:href|src)\s*=\s*["'](?!#)/i;

/**
 * Renders one Vega-Lite spec to an SVG string. Data must be inline (`data.values`): a URL would
 * be a request at generation time and is refused.
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  if (JSON.stringify(spec).includes('"url"')) throw new ChartRenderError('chart data must be inline, not loaded from a URL');
  await useSansSerifMetrics();
  const vega = compile(spec).spec;
  const view = new View(parse(vega), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    if (LOADS.test(svg)) throw new ChartRenderError('a rendered chart refers to an external resource');
    return svg;
  } finally {
    view.finalize();
  }
}
