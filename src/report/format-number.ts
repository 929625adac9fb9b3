/** Numbers for people: ratios as percentages, other figures with decimals suited to their size. */

/** Decimals for a figure of this size (large counts without, small figures with three). */
export function decimalsFor(x: number): number {
  const a = Math.abs(x);
  if (a >= 1000) return 0;
  if (a >= 100) return 1;
  if (a >= 1) return 2;
  return 3;
}

/** `mean ± half-width` in the metric's unit (ratios as percentages, the half-width in points). */
export function meanPlusMinus(mean: number | null, ci95: number | null, unit: string): string {
  if (mean === null || !Number.isFinite(mean)) return '-';
  const ratio = unit === 'ratio';
  const m = ratio ? 100 * mean : mean;
  let digits = ratio ? 1 : decimalsFor(m);
  // A narrow interval keeps a significant digit rather than showing ± 0.0.
  const h = ci95 === null ? 0 : Math.abs(ratio ? 100 * ci95 : ci95);
  while (h > 0 && digits < 4 && Number(h.toFixed(digits)) === 0) digits++;
  const fixed = (x: number): string => (x === 0 ? '0' : x.toFixed(digits));
  const text = `${fixed(m)}${ratio ? '%' : ''}`;
  if (ci95 === null || !Number.isFinite(ci95)) return text;
  return `${text} ± ${fixed(ratio ? 100 * ci95 : ci95)}`;
}

/** The unit as shown: `%` for ratios (the ± is then in percentage points). */
export const unitLabel = (unit: string): string => (unit === 'ratio' ? '%' : unit);

/** Pads cells into aligned columns (two spaces apart), right-aligning the columns flagged. */
export function alignRows(rows: readonly (readonly string[])[], rightAligned: readonly boolean[] = []): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, [...c].length)));
  return rows.map((row) =>
    row
      .map((c, i) => {
        const pad = ' '.repeat(widths[i] - [...c].length);
        return rightAligned[i] ? pad + c : c + pad;
      })
      .join('  ')
      .trimEnd(),
  );
}
