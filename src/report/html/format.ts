/** Text helpers shared by the HTML report: escaping and number formatting by unit. */

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

const isNumber = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

function digits(x: number): number {
  const a = Math.abs(x);
  if (a === 0 || a >= 100) return 0;
  if (a >= 10) return 1;
  return 2;
}

/** A value in its unit: ratios as percentages, counts as whole numbers with separators. */
export function formatValue(x: number | null | undefined, unit: string): string {
  if (!isNumber(x)) return '–';
  if (unit === 'ratio') return `${(100 * x).toFixed(1)}%`;
  if (Math.abs(x) >= 1000) return Math.round(x).toLocaleString('en-GB');
  return x.toFixed(digits(x));
}

/** A 95% half-width in the unit of its value: percentage points for ratios. */
export function formatHalfWidth(x: number | null | undefined, unit: string): string {
  if (!isNumber(x)) return '';
  // Below 0.1 percentage point one more decimal, so a tight interval does not read as ± 0.0.
  if (unit === 'ratio') return `± ${(100 * x).toFixed(100 * x < 0.1 ? 2 : 1)} pp`;
  if (Math.abs(x) >= 1000) return `± ${Math.round(x).toLocaleString('en-GB')}`;
  return `± ${x.toFixed(digits(x) + (Math.abs(x) < 1 ? 1 : 0))}`;
}

/** A signed difference (scenario minus baseline): percentage points for ratios. */
export function formatDifference(x: number | null | undefined, unit: string): string {
  if (!isNumber(x)) return '–';
  const sign = x > 0 ? '+' : x < 0 ? '−' : '';
  const a = Math.abs(x);
  if (unit === 'ratio') return `${sign}${(100 * a).toFixed(1)} pp`;
  return `${sign}${a >= 1000 ? Math.round(a).toLocaleString('en-GB') : a.toFixed(digits(a))}`;
}

/** The unit as a reader says it (ratios are shown as percentages). */
export function unitLabel(unit: string): string {
  return unit === 'ratio' ? '%' : unit;
}
