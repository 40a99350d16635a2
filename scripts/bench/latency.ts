/*
 * Latency summaries of the load figures (2 and 3), computed by sorting the samples: every sample is kept
 * (a run of a few seconds holds at most some tens of thousands), so the percentiles are exact.
 */

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  max: number;
}

/** The nearest-rank percentile `p` (0–100) of samples sorted ascending: the smallest sample with at least p % of the samples at or below it. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

/** p50, p95 and the maximum of latency samples (ms); NaN for each when there are none. */
export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.length ? sorted[sorted.length - 1] : Number.NaN };
}
