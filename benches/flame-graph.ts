import { parse, type Spec, View } from 'vega';
import { useSansSerifMetrics } from '../src/report/html/text-metrics.js';
import type { FlameNode } from './profile-tree.js';
import { STAGES } from './stage-map.js';

const WIDTH = 1200;
const ROW_PIXELS = 17;

// One colour per stage (Tableau 20's first 14, then grey for the root box).
const COLOURS = ['#4e79a7', '#a0cbe8', '#f28e2b', '#ffbe7d', '#59a14f', '#8cd17d', '#b6992d', '#f1ce63', '#499894', '#86bcb6', '#e15759', '#ff9d9a', '#79706e', '#bab0ac', '#d4d4d4'];

/**
 * A flame graph of one profile as an SVG: each box a function at one call path, as wide as its
 * share of the profiled time and coloured by the stage it counts in; callers below callees.
 * Drawn by vega's partition layout (already callsim's chart library), headless.
 */
export async function flameGraphSvg(nodes: readonly FlameNode[], title: string): Promise<string> {
  const total = nodes[0]?.totalMicroseconds ?? 0;
  let depth = 0;
  const depthOf = new Map<number, number>();
  for (const n of nodes) {
    const d = n.parent === null ? 0 : (depthOf.get(n.parent) ?? 0) + 1;
    depthOf.set(n.id, d);
    if (d > depth) depth = d;
  }
  const values = nodes.map((n) => ({
    id: n.id,
    parent: n.parent,
    stage: n.stage,
    self: n.selfMicroseconds,
    label: `${n.name} ${((100 * n.totalMicroseconds) / total).toFixed(1)}%`,
  }));
  const spec: Spec = {
    width: WIDTH,
    height: (depth + 1) * ROW_PIXELS,
    padding: 8,
    background: 'white',
    title: { text: title, anchor: 'start', fontSize: 13 },
    data: [
      {
        name: 'tree',
        values,
        transform: [
          { type: 'stratify', key: 'id', parentKey: 'parent' },
          { type: 'partition', field: 'self', sort: { field: 'value', order: 'descending' }, size: [{ signal: 'width' }, { signal: 'height' }] },
        ],
      },
    ],
    scales: [{ name: 'colour', type: 'ordinal', domain: [...STAGES, 'all'], range: COLOURS }],
    marks: [
      {
        type: 'rect',
        from: { data: 'tree' },
        encode: {
          enter: {
            x: { field: 'x0' },
            x2: { field: 'x1' },
            y: { signal: 'height - datum.y1' },
            y2: { signal: 'height - datum.y0' },
            fill: { scale: 'colour', field: 'stage' },
            stroke: { value: 'white' },
            strokeWidth: { value: 0.5 },
          },
        },
      },
      {
        type: 'text',
        from: { data: 'tree' },
        encode: {
          enter: {
            x: { signal: 'datum.x0 + 3' },
            y: { signal: 'height - (datum.y0 + datum.y1) / 2' },
            baseline: { value: 'middle' },
            fontSize: { value: 10 },
            text: { field: 'label' },
            limit: { signal: 'max(0, datum.x1 - datum.x0 - 6)' },
            opacity: { signal: 'datum.x1 - datum.x0 > 24 ? 1 : 0' },
          },
        },
      },
    ],
    legends: [{ fill: 'colour', title: 'stage', orient: 'bottom', columns: 3, labelLimit: 360 }],
  };
  await useSansSerifMetrics();
  const view = new View(parse(spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
