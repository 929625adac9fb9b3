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
 * Renames the SVG's own ids (Vega numbers clip paths with a process-wide counter) to
 * `prefix-1`, `prefix-2`... in order of appearance, with their `url(#...)` and `#...` references:
 * ids then stay unique among the charts of one page, and the same input gives the same bytes.
 */
export function scopeIds(svg: string, prefix: string): string {
  const names = new Map<string, string>();
  for (const m of svg.matchAll(/\sid="([^"]+)"/g)) if (!names.has(m[1])) names.set(m[1], `${prefix}-${names.size + 1}`);
  if (names.size === 0) return svg;
  return svg
    .replace(/(\sid=")([^"]+)(")/g, (all, a: string, id: string, b: string) => (names.has(id) ? `${a}${names.get(id)}${b}` : all))
    .replace(/(url\(#|href="#)([^)"]+)/g, (all, a: string, id: string) => (names.has(id) ? `${a}${names.get(id)}` : all));
}

/**
 * Renders one Vega-Lite spec to an SVG string. Data must be inline (`data.values`): a URL would
 * be a request at generation time and is refused. `idPrefix` scopes the SVG's ids (see scopeIds).
 */
export async function renderSvg(spec: TopLevelSpec, idPrefix = 'chart'): Promise<string> {
  if (JSON.stringify(spec).includes('"url"')) throw new ChartRenderError('chart data must be inline, not loaded from a URL');
  await useSansSerifMetrics();
  const vega = compile(spec).spec;
  const view = new View(parse(vega), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    if (LOADS.test(svg)) throw new ChartRenderError('a rendered chart refers to an external resource');
    return scopeIds(svg, idPrefix);
  } finally {
    view.finalize();
  }
}
