// Small robust statistics for learned cadences.

/** Linear-interpolated percentile of an ascending-sorted array (p in 0..1). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = (sorted.length - 1) * p;
  const lower = Math.floor(index);
  const upper = Math.ceil(index);
  const a = sorted[lower] as number;
  const b = sorted[upper] as number;
  return a + (b - a) * (index - lower);
}

export function sortedCopy(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}
