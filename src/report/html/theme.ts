/**
 * Look of every chart: the generic family sans-serif only (nothing to load), and series told apart by
 * colour, dash and point shape together, so a greyscale print still separates them. The colours
 * step through clearly different lightness (dark navy, vermilion, pale gold, sky, violet).
 */
import type { Config } from 'vega-lite/types_unstable/config.js';

export const FONT = 'sans-serif';

/** Series colours in an order of alternating lightness (approx. L* 20, 50, 80, 62, 35). */
export const PALETTE = ['#1f2d5c', '#d55e00', '#e6c35c', '#6aa6d8', '#6b3fa0'];
/** Stroke dashes in the same order as the palette. */
export const DASHES: number[][] = [[1, 0], [7, 3], [2, 2], [9, 3, 2, 3], [4, 4]];
/** Point shapes in the same order. */
export const SHAPES = ['circle', 'square', 'triangle-up', 'diamond', 'cross'];
/** Standards are drawn in near-black, dashed, with a label. */
export const STANDARD_COLOUR = '#222222';
export const CHART_WIDTH = 620;
export const CHART_HEIGHT = 240;

/** Vega-Lite configuration shared by all charts. */
export const CONFIG: Config = {
  font: FONT,
  background: '#ffffff',
  view: { stroke: '#cccccc' },
  axis: { labelFontSize: 11, labelLimit: 360, titleFontSize: 12, titleFontWeight: 'normal', gridColor: '#e6e6e6' },
  legend: { labelFontSize: 11, titleFontSize: 12, orient: 'bottom', symbolStrokeWidth: 2, symbolSize: 140, symbolOpacity: 1, labelLimit: 420 },
  title: { fontSize: 14, anchor: 'start', subtitleFontSize: 11, subtitleColor: '#444444' },
  line: { strokeWidth: 2 },
};
