/**
 * Text widths for laying charts out in Node. Without a canvas, Vega guesses every character at
 * 0.8 em, so long axis titles look twice their size and push the plot away from its title. Vega
 * lets a host set `textMetrics.width` (vl-convert does the same); we give it per-character advance
 * widths of DejaVu Sans, the widest common face behind the generic `sans-serif` (Linux); Arial and
 * Helvetica are narrower, so text laid out this way never overflows the space reserved for it.
 *
 * Vega's packages may carry their own copies of vega-scenegraph (the layout transforms and the
 * parser do in vega 6.3), each with its own `textMetrics`: every copy reachable from Vega's
 * packages is given the table.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/** Advance widths in em of ASCII 32..126 in DejaVu Sans (units per em 2048, rounded). */
const ASCII_EM = [
  0.318, 0.401, 0.46, 0.838, 0.636, 0.95, 0.78, 0.275, 0.39, 0.39, 0.5, 0.838, 0.318, 0.361, 0.318, 0.337,
  0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.337, 0.337, 0.838, 0.838, 0.838, 0.531,
  1.0, 0.684, 0.686, 0.698, 0.77, 0.632, 0.575, 0.775, 0.752, 0.295, 0.295, 0.656, 0.557, 0.863, 0.748, 0.787,
  0.603, 0.787, 0.695, 0.635, 0.611, 0.732, 0.684, 0.989, 0.685, 0.611, 0.685, 0.39, 0.337, 0.39, 0.838, 0.5,
  0.5, 0.613, 0.635, 0.55, 0.635, 0.615, 0.352, 0.635, 0.634, 0.278, 0.278, 0.579, 0.278, 0.974, 0.634, 0.612,
  0.635, 0.635, 0.411, 0.521, 0.392, 0.634, 0.592, 0.818, 0.592, 0.592, 0.525, 0.636, 0.337, 0.636, 0.838,
];
/** Characters outside ASCII (dashes, quotes, ≤, ±...): a generous average. */
const OTHER_EM = 0.7;
/** Bold faces run about 10% wider. */
const BOLD = 1.1;

interface TextItem {
  text?: unknown;
  fontSize?: number;
  fontWeight?: string | number;
  limit?: number;
}

/** Width in pixels of `text` in DejaVu Sans at `fontSize`, bold or not. */
export function sansSerifWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    em += code >= 32 && code <= 126 ? ASCII_EM[code - 32] : OTHER_EM;
  }
  return em * fontSize * (bold ? BOLD : 1);
}

function itemWidth(item: TextItem, text?: unknown): number {
  const value = text ?? item.text;
  const lines = Array.isArray(value) ? value.map(String) : [value === undefined || value === null ? '' : String(value)];
  const size = item.fontSize ?? 11;
  const weight = item.fontWeight;
  const bold = weight === 'bold' || (typeof weight === 'number' && weight >= 600) || (typeof weight === 'string' && Number(weight) >= 600);
  const width = Math.max(0, ...lines.map((line) => sansSerifWidth(line.trim(), size, bold)));
  return item.limit !== undefined && item.limit > 0 ? Math.min(width, item.limit) : width;
}

type Metrics = { width: (item: TextItem, text?: unknown) => number };

/** Vega packages that import vega-scenegraph (their copy, if nested, is the one they use). */
const HOSTS = ['vega-scenegraph', 'vega', 'vega-view', 'vega-view-transforms', 'vega-parser', 'vega-label', 'vega-functions', 'vega-encode', 'vega-mark'];

let installing: Promise<number> | undefined;

async function install(): Promise<number> {
  const here = createRequire(import.meta.url);
  const paths = new Set<string>();
  for (const host of HOSTS) {
    try {
      const entry = here.resolve(host);
      paths.add(host === 'vega-scenegraph' ? entry : createRequire(entry).resolve('vega-scenegraph'));
    } catch {
      // Not installed, or it does not use the scenegraph: nothing to patch there.
    }
  }
  let patched = 0;
  for (const path of paths) {
    const mod = (await import(pathToFileURL(path).href)) as { textMetrics?: Metrics };
    if (mod.textMetrics === undefined) continue;
    mod.textMetrics.width = itemWidth;
    patched++;
  }
  if (patched === 0) throw new Error('vega-scenegraph exports no textMetrics: chart layout would fall back to rough guesses');
  return patched;
}

/** Installs the width table into every copy of Vega's text metrics (once); resolves to the copies patched. */
export function useSansSerifMetrics(): Promise<number> {
  installing ??= install();
  return installing;
}
