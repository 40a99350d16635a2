/**
 * The p-quantile of an ascending-sorted, non-empty sample by R's default definition (type 7, also
 * NumPy's "linear"): linear interpolation between order statistics at position (n − 1)·p.
 */
export function quantileType7(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error("quantileType7: empty sample");
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
