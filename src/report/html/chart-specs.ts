/**
 * Vega-Lite building blocks for the report's charts: lines with their 95% interval bands (one
 * series per group, told apart by colour, dash and shape), and labelled standard lines.
 */
import type { TopLevelSpec } from 'vega-lite';
import { CHART_HEIGHT, CHART_WIDTH, CONFIG, DASHES, PALETTE, SHAPES, STANDARD_COLOUR } from './theme.js';

/** A chart the page shows, or the note saying why it is absent. */
export interface ChartPlan {
  id: string;
  title: string;
  /** One sentence for screen readers and the caption. */
  description: string;
  spec?: TopLevelSpec;
  /** Why the chart is absent (the results do not carry its data). */
  note?: string;
}

/** One point of one group: the mean and its 95% interval. */
export interface BandRow {
  group: string;
  key: string;
  mean: number;
  lo: number | null;
  hi: number | null;
}

/** A horizontal reference line with its label (a standard). */
export interface Rule {
  y: number;
  label: string;
}

export interface BandedLinesArgs {
  title: string;
  subtitle?: string | string[];
  description: string;
  rows: BandRow[];
  /** Group order (legend and palette order). */
  groups: string[];
  keys: string[];
  groupTitle: string;
  xTitle: string;
  yTitle: string;
  /** d3 format of the y axis, e.g. `.0%`. */
  yFormat?: string;
  yDomain?: [number, number];
  /** Bounds the quantity cannot cross (0 for counts, [0, 1] for ratios): interval ends are clamped to them. */
  bounds?: [number, number];
  rules?: Rule[];
  /** d3 format of a label over each point (the briefing's charts): values readable without the axis. */
  valueLabels?: string;
  /** Plot size in pixels (default CHART_WIDTH x CHART_HEIGHT); the briefing sets two charts side by side. */
  width?: number;
  height?: number;
}

/**
 * The y axis of a 999 answered-within-target chart: a share from a little below the lowest value
 * (at most 80%) to 100%, with the 90% standard as a rule.
 */
export function answeredWithinTargetAxis(rows: readonly BandRow[]): Pick<BandedLinesArgs, 'yTitle' | 'yFormat' | 'bounds' | 'yDomain' | 'rules'> {
  const low = Math.min(0.8, ...rows.map((r) => r.lo ?? r.mean));
  return {
    yTitle: 'Answered within target (% of answered)',
    yFormat: '.0%',
    bounds: [0, 1],
    yDomain: [Math.max(0, Math.floor(low * 20) / 20), 1],
    rules: [{ y: 0.9, label: '90% standard' }],
  };
}

/** Clamps interval ends to what the quantity can take (a symmetric t-interval can cross 0). */
export function clampRows<T extends { lo: number | null; hi: number | null }>(rows: T[], [low, high]: [number, number]): T[] {
  return rows.map((r) => ({ ...r, lo: r.lo === null ? null : Math.max(low, r.lo), hi: r.hi === null ? null : Math.min(high, r.hi) }));
}

/** Scales shared by colour, dash and shape so they merge into one legend. */
export function groupEncodings(groups: string[], title: string, legend: boolean, slots?: readonly number[]): Record<string, unknown> {
  const field = { field: 'group', type: 'nominal', title, ...(legend ? {} : { legend: null }) };
  // `slots`: each group's place in the palette (default: its own index).
  const pick = <T>(list: readonly T[]): T[] => groups.map((_, i) => list[(slots?.[i] ?? i) % list.length]);
  return {
    color: { ...field, scale: { domain: groups, range: pick(PALETTE) } },
    strokeDash: { ...field, scale: { domain: groups, range: pick(DASHES) } },
    shape: { ...field, scale: { domain: groups, range: pick(SHAPES) } },
  };
}

/** Rule layers: a dashed near-black line with its label just right of the plot. */
export function ruleLayers(rules: Rule[], format?: string, width = CHART_WIDTH): Record<string, unknown>[] {
  if (rules.length === 0) return [];
  return [
    {
      data: { values: rules },
      mark: { type: 'rule', color: STANDARD_COLOUR, strokeDash: [6, 4], strokeWidth: 1.5 },
      encoding: { y: { field: 'y', type: 'quantitative', ...(format ? { axis: { format } } : {}) } },
    },
    {
      data: { values: rules },
      // Right of the plot, level with its line: the label never sits on the data.
      mark: { type: 'text', align: 'left', baseline: 'middle', dx: 6, fontSize: 11, color: STANDARD_COLOUR },
      encoding: { y: { field: 'y', type: 'quantitative' }, x: { value: width }, text: { field: 'label' } },
    },
  ];
}

/** Lines of means with shaded 95% bands and points, one per group, over ordered keys. */
export function bandedLines(a: BandedLinesArgs): TopLevelSpec {
  const rows = a.bounds ? clampRows(a.rows, a.bounds) : a.rows;
  const legend = a.groups.length > 1;
  const enc = groupEncodings(a.groups, a.groupTitle, legend);
  const x = { field: 'key', type: 'ordinal', sort: a.keys, title: a.xTitle, axis: { labelAngle: 0 } };
  const yScale = a.yDomain ? { domain: a.yDomain, zero: false } : { zero: false };
  const y = { field: 'mean', type: 'quantitative', title: a.yTitle, scale: yScale, ...(a.yFormat ? { axis: { format: a.yFormat } } : {}) };
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: a.title, ...(a.subtitle ? { subtitle: a.subtitle } : {}) },
    description: a.description,
    width: a.width ?? CHART_WIDTH,
    height: a.height ?? CHART_HEIGHT,
    config: CONFIG,
    layer: [
      {
        data: { values: rows.filter((r) => r.lo !== null && r.hi !== null) },
        mark: { type: 'area', opacity: 0.18, clip: true },
        encoding: {
          x,
          y: { field: 'lo', type: 'quantitative', scale: yScale },
          y2: { field: 'hi' },
          // Fill, not colour: the band must not turn the legend's symbols translucent.
          fill: enc.color,
          detail: { field: 'group' },
        },
      },
      {
        data: { values: rows },
        mark: { type: 'line', point: false, clip: true },
        encoding: { x, y, color: enc.color, strokeDash: enc.strokeDash },
      },
      {
        data: { values: rows },
        mark: { type: 'point', filled: true, size: 36, clip: true },
        encoding: { x, y, color: enc.color, shape: enc.shape },
      },
      ...ruleLayers(a.rules ?? [], a.yFormat, a.width),
      ...(a.valueLabels === undefined ? [] : valueLabelLayers(rows, a.groups, x, y, a.valueLabels)),
    ],
    resolve: { scale: { y: 'shared' } },
  };
  return spec as unknown as TopLevelSpec;
}

/**
 * One text layer per group: each point's value, above the point for the first group and below it
 * for the second (alternating), so two lines' labels do not sit on each other.
 */
export function valueLabelLayers(rows: readonly { group: string }[], groups: readonly string[], x: Record<string, unknown>, y: Record<string, unknown>, format: string): Record<string, unknown>[] {
  return groups.map((group, i) => ({
    data: { values: rows.filter((r) => r.group === group) },
    mark: { type: 'text', dy: i % 2 === 0 ? -10 : 14, fontSize: 10, color: i < PALETTE.length ? PALETTE[i] : '#222222' },
    encoding: { x, y, text: { field: 'mean', type: 'quantitative', format } },
  }));
}
