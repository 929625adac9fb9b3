/** A ratio as a percentage with one decimal ("89.4%"), for messages. */
export function formatRatio(value: number): string {
  return Number.isFinite(value) ? `${(value * 100).toFixed(1)}%` : 'n/a';
}
